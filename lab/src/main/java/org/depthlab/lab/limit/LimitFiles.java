package org.depthlab.lab.limit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import org.depthlab.lab.Provenance;
import org.depthlab.limit.ConvergenceResult;
import org.depthlab.limit.ConvergenceStudy;
import org.depthlab.limit.DepthError;
import org.depthlab.limit.Estimate;
import org.depthlab.limit.Limit;
import org.depthlab.limit.OrderFit;

/**
 * The files of a {@link LimitExperiment} result, in one directory:
 * <ul>
 *   <li>{@code errors.csv}: {@value #ERRORS_HEADER}, one row per depth; intervals are 95% path
 *       bootstrap percentiles;</li>
 *   <li>{@code order.json}: fitted strong and weak orders, their bootstrap and regression
 *       intervals, and the theoretical orders;</li>
 *   <li>{@code trajectories.csv}: {@code series,depth,k,t,coord0,...}: the first coordinates of
 *       h_k of one path for a few depths and of the reference, one row per (series, k);</li>
 *   <li>{@code config.json}: every parameter, the seed, and provenance (version, Java, time).</li>
 * </ul>
 * Each file is written to a temporary sibling and moved into place. Numbers print as Java
 * prints doubles (shortest round-trip form); NaN is {@code NaN} in CSV and {@code null} in JSON.
 */
public final class LimitFiles {

    /** The header of errors.csv. */
    public static final String ERRORS_HEADER =
            "depth,strong_error,strong_low,strong_high,weak_error,weak_low,weak_high";

    /** File names. */
    public static final String ERRORS = "errors.csv";
    public static final String ORDER = "order.json";
    public static final String TRAJECTORIES = "trajectories.csv";
    public static final String CONFIG = "config.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private LimitFiles() {
    }

    /**
     * Writes the four files into {@code dir}, which must exist.
     *
     * @param time    when the run started, for provenance
     * @param threads worker threads used (provenance only: results do not depend on it)
     */
    public static void write(LimitExperiment.Result result, Path dir, Instant time, int threads)
            throws IOException {
        atomically(dir.resolve(ERRORS), w -> writeErrors(result.convergence(), w));
        atomically(dir.resolve(ORDER), w -> w.write(orderJson(result.convergence()) + "\n"));
        atomically(dir.resolve(TRAJECTORIES), w -> writeTrajectories(result, w));
        atomically(dir.resolve(CONFIG), w -> w.write(configJson(result, time, threads) + "\n"));
    }

    static void writeErrors(ConvergenceResult r, Writer w) throws IOException {
        w.write(ERRORS_HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(160);
        for (DepthError e : r.errors()) {
            sb.setLength(0);
            sb.append(e.depth()).append(',')
                    .append(e.strong().value()).append(',').append(e.strong().low()).append(',')
                    .append(e.strong().high()).append(',')
                    .append(e.weak().value()).append(',').append(e.weak().low()).append(',')
                    .append(e.weak().high()).append('\n');
            w.write(sb.toString());
        }
    }

    static void writeTrajectories(LimitExperiment.Result result, Writer w) throws IOException {
        int c = result.trajectories().get(0).coordinates();
        StringBuilder sb = new StringBuilder(160);
        sb.append("series,depth,k,t");
        for (int i = 0; i < c; i++) {
            sb.append(",coord").append(i);
        }
        w.write(sb.append('\n').toString());
        for (LimitExperiment.Series s : result.trajectories()) {
            for (int k = 0; k <= s.depth(); k++) {
                sb.setLength(0);
                sb.append(s.label()).append(',').append(s.depth()).append(',').append(k)
                        .append(',').append(s.time(k));
                for (int i = 0; i < c; i++) {
                    sb.append(',').append(s.state(k, i));
                }
                w.write(sb.append('\n').toString());
            }
        }
    }

    static String orderJson(ConvergenceResult r) throws IOException {
        Limit limit = r.setup().limit();
        ObjectNode root = JSON.createObjectNode();
        root.put("kind", limit.spec());
        root.put("scheme", limit.scheme());
        root.put("reference", limit.reference());
        root.put("reference_depth", r.setup().referenceDepth());
        root.put("fit", "least-squares slope of log(error) against log(1/depth)");
        root.put("interval", "95% percentile interval of a path bootstrap ("
                + r.setup().bootstrap() + " resamples)");
        order(root.putObject("strong"), r.strongFit(), r.strongOrder(), limit.strongOrder());
        order(root.putObject("weak"), r.weakFit(), r.weakOrder(), limit.weakOrder());
        number(root, "reference_squared_norm", r.referenceSquaredNorm());
        return JSON.writeValueAsString(root);
    }

    private static void order(ObjectNode node, OrderFit fit, Estimate boot, double theory) {
        number(node, "order", fit.order());
        number(node, "low", boot.low());
        number(node, "high", boot.high());
        number(node, "theoretical", theory);
        number(node, "regression_standard_error", fit.standardError());
        number(node, "regression_low", fit.low());
        number(node, "regression_high", fit.high());
    }

    static String configJson(LimitExperiment.Result result, Instant time, int threads)
            throws IOException {
        ConvergenceStudy.Setup s = result.config().setup();
        Limit limit = s.limit();
        ObjectNode root = JSON.createObjectNode();
        root.put("command", "limit");
        root.put("seed", s.seed());
        ObjectNode p = root.putObject("parameters");
        p.put("kind", limit.spec());
        if (limit instanceof Limit.NeuralOde ode) {
            p.put("kernel", ode.kernel().spec());
        }
        if (limit instanceof Limit.FractionalSde f) {
            p.put("hurst", f.hurst());
        }
        p.put("beta", limit.beta());
        p.put("block", s.block().spec());
        p.put("activation", s.activation().spec());
        p.put("width", s.width());
        p.put("input_dim", s.inputDim());
        ArrayNode depths = p.putArray("depths");
        s.depths().forEach(depths::add);
        p.put("reference_depth", s.referenceDepth());
        p.put("paths", s.paths());
        p.put("bootstrap", s.bootstrap());
        p.put("trace_path", result.tracePath());
        p.put("trace_coordinates", result.trajectories().get(0).coordinates());
        p.put("weights", limit.law().spec());
        p.put("scheme", limit.scheme());
        p.put("reference", limit.reference());
        p.put("h0", "A x, A uniform with variance 1/input_dim, x ~ U[0,1]^input_dim");
        p.put("streams", "path p: key(seed, p), children 0 limit path, 1 A, 2 x;"
                + " bootstrap: key(seed, " + ConvergenceStudy.BOOTSTRAP_STREAM + ")");
        ObjectNode prov = root.putObject("provenance");
        prov.put("depthlab_version", Provenance.version());
        prov.put("java", Provenance.runtime());
        prov.put("time", time.toString());
        prov.put("threads", threads);
        return JSON.writeValueAsString(root);
    }

    private static void number(ObjectNode node, String name, double v) {
        if (Double.isFinite(v)) {
            node.put(name, v);
        } else {
            node.putNull(name);
        }
    }

    private interface Body {
        void write(Writer w) throws IOException;
    }

    private static void atomically(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-",
                ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
