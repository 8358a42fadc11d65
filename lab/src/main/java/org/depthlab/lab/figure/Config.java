package org.depthlab.lab.figure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.depthlab.lab.Provenance;

/**
 * The {@code config.json} of an output: the parameters of the run (which alone decide its
 * numbers and serve as the resume fingerprint) and its provenance (version, runtime, time,
 * command, threads).
 */
public final class Config {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private Config() {
    }

    /** The parameters as canonical JSON: the fingerprint of a sweep. */
    public static String fingerprint(Map<String, Object> parameters) {
        try {
            return JSON.writeValueAsString(parameters);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code dir/config.json} and returns its text. */
    public static String write(Path dir, String id, FigureContext ctx,
            Map<String, Object> parameters) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("figure", id);
        root.put("preset", ctx.preset().spec());
        root.put("seed", ctx.seed());
        root.set("parameters", JSON.valueToTree(parameters));
        ObjectNode prov = root.putObject("provenance");
        prov.put("depthlab_version", Provenance.version());
        prov.put("java", Provenance.runtime());
        prov.put("time", Instant.now().toString());
        prov.put("command", ctx.command());
        prov.put("threads", ctx.threads());
        prov.put("cores", Runtime.getRuntime().availableProcessors());
        String text = JSON.writeValueAsString(root);
        Files.writeString(dir.resolve("config.json"), text + "\n", StandardCharsets.UTF_8);
        return text;
    }
}
