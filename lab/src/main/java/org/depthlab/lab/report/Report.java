package org.depthlab.lab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.depthlab.lab.Provenance;
import org.depthlab.lab.figure.FigureOutput;

/**
 * The self-contained {@code report.html} of a run directory: every figure found in its
 * subdirectories (each described by its {@code figure.json}), with images embedded as data
 * URIs, captions, measured findings, the command that made it and its configuration. No network
 * access is needed to view it.
 *
 * <p>The page marks itself when its images have decoded ({@code data-images-ok} on the body),
 * which the browser test reads.
 */
public final class Report {

    /** Name of the per-figure description file. */
    public static final String FIGURE_JSON = "figure.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Report() {
    }

    /** Writes {@code output.dir()/figure.json}, the figure's entry in the report. */
    public static void describe(FigureOutput output) throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", output.id());
        n.put("title", output.title());
        n.put("caption", output.caption());
        n.put("command", output.command());
        ArrayNode images = n.putArray("images");
        for (Path p : output.images()) {
            images.add(output.dir().relativize(p).toString());
        }
        ArrayNode findings = n.putArray("findings");
        output.findings().forEach(findings::add);
        n.put("seconds", output.seconds());
        n.set("config", JSON.readTree(output.config()));
        Files.writeString(output.dir().resolve(FIGURE_JSON), JSON.writeValueAsString(n) + "\n",
                StandardCharsets.UTF_8);
    }

    /** Figures that are not numbered, in the order the report shows them. */
    private static final List<String> NAMED_ORDER = List.of("limit-sde", "limit-ode",
            "limit-fgn");

    /** Sorts figures: 1 .. 9 by number, then the limit studies, then others by name. */
    static final Comparator<JsonNode> ORDER = Comparator.comparing((JsonNode n) -> rank(n))
            .thenComparing(n -> n.get("id").asText());

    private static String rank(JsonNode n) {
        String id = n.get("id").asText();
        if (id.matches("\\d+")) {
            return String.format(Locale.ROOT, "0-%08d", Integer.parseInt(id));
        }
        int named = NAMED_ORDER.indexOf(id);
        return named >= 0 ? String.format(Locale.ROOT, "1-%02d", named) : "2-" + id;
    }

    /** (Re)writes {@code dir/report.html} from every figure.json below {@code dir}. */
    public static Path write(Path dir, String heading) throws IOException {
        List<JsonNode> figures = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve(FIGURE_JSON))).forEach(dirs::add);
        }
        for (Path d : dirs) {
            ObjectNode n = (ObjectNode) JSON.readTree(d.resolve(FIGURE_JSON).toFile());
            n.put("_dir", d.getFileName().toString());
            figures.add(n);
        }
        figures.sort(ORDER);

        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width,")
                .append(" initial-scale=1\">\n")
                .append("<title>").append(esc(heading)).append("</title>\n<style>\n")
                .append(CSS).append("</style>\n</head>\n<body data-figures=\"")
                .append(figures.size()).append("\">\n<header>\n<h1>").append(esc(heading))
                .append("</h1>\n<p class=\"meta\">depthlab ").append(esc(Provenance.version()))
                .append(" · Java ").append(esc(Provenance.runtime())).append(" · written ")
                .append(esc(Instant.now().toString())).append("</p>\n<p>Residual networks")
                .append(" h<sub>k+1</sub> = h<sub>k</sub> + α<sub>L</sub> f<sub>k+1</sub>(h<sub>k")
                .append("</sub>) with α<sub>L</sub> = L<sup>−β</sup>, after Marion,")
                .append(" Fermanian, Biau and Vert, <em>Scaling ResNets in the Large-depth")
                .append(" Regime</em> (JMLR 2025).")
                .append(" Every figure below was computed by depthlab; its data, summary, SVG and")
                .append(" configuration sit in the folder named beside it.</p>\n");
        h.append("<nav><ol>\n");
        for (JsonNode f : figures) {
            h.append("<li><a href=\"#").append(anchor(f)).append("\">")
                    .append(esc(f.get("title").asText())).append("</a></li>\n");
        }
        h.append("</ol></nav>\n</header>\n<main>\n");
        if (figures.isEmpty()) {
            h.append("<p>No figures yet: run <code>depthlab figure N</code> or")
                    .append(" <code>depthlab reproduce</code>.</p>\n");
        }
        for (JsonNode f : figures) {
            String sub = f.get("_dir").asText();
            h.append("<section id=\"").append(anchor(f)).append("\">\n<h2>")
                    .append(esc(f.get("title").asText())).append("</h2>\n");
            List<String> svgs = new ArrayList<>();
            for (JsonNode img : f.get("images")) {
                Path png = dir.resolve(sub).resolve(img.asText());
                if (!Files.exists(png)) {
                    h.append("<p class=\"missing\">missing image ").append(esc(img.asText()))
                            .append("</p>\n");
                    continue;
                }
                String data = Base64.getEncoder().encodeToString(Files.readAllBytes(png));
                svgs.add(img.asText().replaceAll("\\.png$", ".svg"));
                h.append("<figure><img alt=\"").append(esc(f.get("title").asText()))
                        .append("\" src=\"data:image/png;base64,").append(data)
                        .append("\"></figure>\n");
            }
            h.append("<p class=\"caption\">").append(esc(f.get("caption").asText()))
                    .append(" <span class=\"files\">Files:");
            for (String svg : svgs) {
                h.append(" <a href=\"").append(esc(sub)).append('/').append(esc(svg))
                        .append("\">").append(esc(svg)).append("</a>");
            }
            for (String table : TABLES) {
                if (Files.exists(dir.resolve(sub).resolve(table))) {
                    h.append(" <a href=\"").append(esc(sub)).append('/').append(table)
                            .append("\">").append(table).append("</a>");
                }
            }
            h.append("</span></p>\n");
            if (f.has("findings") && f.get("findings").size() > 0) {
                h.append("<ul class=\"findings\">\n");
                for (JsonNode x : f.get("findings")) {
                    h.append("<li>").append(esc(x.asText())).append("</li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("<p class=\"cmd\">Command: <code>").append(esc(f.get("command").asText()))
                    .append("</code> · ").append(String.format(Locale.ROOT, "%.1f s",
                            f.get("seconds").asDouble())).append(" · folder <code>")
                    .append(esc(sub)).append("/</code></p>\n");
            h.append("<details><summary>Configuration</summary><pre>")
                    .append(esc(JSON.writeValueAsString(f.get("config"))))
                    .append("</pre></details>\n");
            h.append("</section>\n");
        }
        h.append("</main>\n<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");

        Path out = dir.resolve("report.html");
        Path tmp = dir.resolve(".report.html.tmp");
        Files.writeString(tmp, h, StandardCharsets.UTF_8);
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return out;
    }

    /** Result files linked from a figure's caption when present. */
    private static final List<String> TABLES = List.of("data.csv", "summary.csv",
            "boundary.csv", "errors.csv", "order.json", "trajectories.csv", "config.json");

    private static String anchor(JsonNode f) {
        return "fig-" + f.get("id").asText().replaceAll("[^A-Za-z0-9_-]", "-");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static final String CSS = String.join("\n",
            "body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;margin:0;",
            "  color:#222;background:#fafafa;line-height:1.45}",
            "header,main{max-width:1240px;margin:0 auto;padding:0 24px}",
            "header{padding-top:18px}",
            "h1{font-size:1.7em;margin:0.3em 0}",
            "h2{font-size:1.25em;margin:0 0 0.6em}",
            ".meta{color:#666;font-size:0.9em;margin:0}",
            "nav ol{columns:2;font-size:0.95em}",
            "section{background:#fff;border:1px solid #e3e3e3;border-radius:6px;",
            "  padding:16px 20px;margin:18px 0}",
            "figure{margin:0}",
            "img{max-width:100%;height:auto;display:block;margin:0 auto}",
            "figure+figure{margin-top:12px}",
            ".caption{margin-top:8px;font-size:0.95em;color:#333}",
            ".files{color:#777;font-size:0.9em}",
            ".findings{font-size:0.92em;color:#234}",
            ".cmd{font-size:0.88em;color:#555}",
            "code{background:#f1f1f1;padding:1px 4px;border-radius:3px;font-size:0.95em}",
            "pre{background:#f6f6f6;padding:10px;overflow:auto;font-size:0.8em;max-height:360px}",
            ".missing{color:#b00}",
            "");

    private static final String SCRIPT = String.join("\n",
            "(function(){",
            "  var imgs=[].slice.call(document.images);",
            "  function check(){",
            "    var ok=imgs.filter(function(i){return i.complete&&i.naturalWidth>0;}).length;",
            "    document.body.setAttribute('data-images-ok',String(ok));",
            "    document.body.setAttribute('data-images-total',String(imgs.length));",
            "  }",
            "  imgs.forEach(function(i){i.addEventListener('load',check);});",
            "  window.addEventListener('load',check);check();",
            "})();",
            "");
}
