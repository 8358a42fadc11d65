package org.depthlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalCommandTest {

    /**
     * With i.i.d. weights the crossing of mean log10 hidden_diff through 0 sits just below the
     * critical 1/2 at finite depth (the ratio at beta = 1/2 is about 0.8); 0.1 on either side
     * is far from both neighbouring regimes' grid points.
     */
    private static final double IID_CRITICAL_TOLERANCE = 0.1;

    @Test
    void iidWeightsAreCriticalNearOneHalf(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("critical.csv");
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("critical", "--width", "20", "--depth", "200", "--samples", "3",
                "--inputs-per-network", "4", "--betas", "0.2:0.9:15", "--out", csv.toString());
        assertEquals(0, code);
        assertTrue(err.toString().matches("(?s)critical res3, relu, d=20, L=200, uniform: beta\\*"
                + " = 0\\.\\d{3} \\(hidden states\\), 0\\.\\d{3} \\(gradients\\)\\s*"),
                err.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(16, lines.size(), "header and one row per beta");
        double star = Double.NaN;
        for (int i = 1; i + 1 < lines.size(); i++) {
            double b0 = Double.parseDouble(lines.get(i).split(",")[0]);
            double h0 = Double.parseDouble(lines.get(i).split(",")[2]);
            double b1 = Double.parseDouble(lines.get(i + 1).split(",")[0]);
            double h1 = Double.parseDouble(lines.get(i + 1).split(",")[2]);
            if (h0 > 0 && h1 <= 0) {
                star = b0 + h0 / (h0 - h1) * (b1 - b0);
                break;
            }
        }
        assertEquals(0.5, star, IID_CRITICAL_TOLERANCE, "beta* of i.i.d. weights");
        assertTrue(lines.get(1).endsWith("explosion"), lines.get(1));
        assertTrue(lines.get(15).endsWith("identity"), lines.get(15));
    }

    @Test
    void badGridsAndAStrayBetaAreRejected(@TempDir Path dir) {
        for (String[] args : new String[][] {
            {"critical", "--betas", "1,0.5"},
            {"critical", "--betas", "0:1:1"},
            {"critical", "--betas", "a:b:c"},
            {"critical", "--beta", "0.5"}}) {
            StringWriter err = new StringWriter();
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(err));
            int code = cl.execute(args);
            assertEquals(2, code, String.join(" ", args));
            String text = err.toString().trim();
            assertFalse(text.contains("\n"), "one line: " + text);
            assertTrue(text.contains(args[1]), "names the option: " + text);
        }
    }
}
