package org.depthlab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.depthlab.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code depthlab export}: array names and shapes, the trajectory h recomputed from the exported
 * weights in plain Java, and agreement of its network and input with {@code depthlab propagate}.
 */
class ExportCommandTest {

    private static final int WIDTH = 6;
    private static final int DEPTH = 9;
    private static final int INPUT_DIM = 4;
    private static final int OUTPUT_DIM = 2;
    private static final double BETA = 0.5;
    private static final String SEED = "17";
    /** The network options shared by export and propagate in these tests. */
    private static final String[] NETWORK = {"--block", "res3", "--width", String.valueOf(WIDTH),
        "--depth", String.valueOf(DEPTH), "--input-dim", String.valueOf(INPUT_DIM),
        "--output-dim", String.valueOf(OUTPUT_DIM), "--beta", String.valueOf(BETA),
        "--seed", SEED};
    /**
     * Agreement of recomputed and exported values: the same arithmetic in another summation
     * order, nine layers of O(1) values, so differences are a few ulps, far below 1e-12.
     */
    private static final double REL_TOL = 1e-12;

    @TempDir
    Path dir;

    private static int run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        if (code != 0) {
            fail("exit status " + code + " for " + String.join(" ", args) + ": " + err);
        }
        return code;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private Map<String, Npz.Array> export(String name, String... extra) throws IOException {
        Path out = dir.resolve(name);
        run(concat(concat(new String[] {"export"}, NETWORK), concat(extra, "--out",
                out.toString())));
        return Npz.read(out);
    }

    @ParameterizedTest(name = "bias={0}")
    @ValueSource(booleans = {false, true})
    void namesAndShapesAreAsDocumented(boolean bias) throws IOException {
        Map<String, Npz.Array> z = bias ? export("b.npz", "--bias") : export("nb.npz");
        List<String> expected = new ArrayList<>(List.of("A", "B", "V", "W"));
        if (bias) {
            expected.add("b");
        }
        expected.addAll(List.of("alpha", "x", "h"));
        assertEquals(expected, new ArrayList<>(z.keySet()));
        assertArrayEquals(new int[] {WIDTH, INPUT_DIM}, z.get("A").shape(), "A (d, n_in)");
        assertArrayEquals(new int[] {OUTPUT_DIM, WIDTH}, z.get("B").shape(), "B (n_out, d)");
        assertArrayEquals(new int[] {DEPTH, WIDTH, WIDTH}, z.get("V").shape(), "V (L, d, d)");
        assertArrayEquals(new int[] {DEPTH, WIDTH, WIDTH}, z.get("W").shape(), "W (L, d, d)");
        if (bias) {
            assertArrayEquals(new int[] {DEPTH, WIDTH}, z.get("b").shape(), "b (L, d)");
            for (double v : z.get("b").data()) {
                assertEquals(0.0, v, "the bias is zero at initialization");
            }
        }
        assertArrayEquals(new int[0], z.get("alpha").shape(), "alpha is a scalar");
        assertEquals(Math.pow(DEPTH, -BETA), z.get("alpha").data()[0], "alpha = L^-beta");
        assertArrayEquals(new int[] {INPUT_DIM}, z.get("x").shape(), "x (n_in,)");
        assertArrayEquals(new int[] {DEPTH + 1, WIDTH}, z.get("h").shape(), "h (L+1, d)");
        for (double v : z.get("x").data()) {
            assertTrue(v >= 0 && v < 1, "x ~ U[0,1]: " + v);
        }
    }

    @ParameterizedTest(name = "bias={0}")
    @ValueSource(booleans = {false, true})
    void trajectoryFollowsTheExportedWeights(boolean bias) throws IOException {
        Map<String, Npz.Array> z = bias ? export("b.npz", "--bias") : export("nb.npz");
        double[] a = z.get("A").data();
        double[] v = z.get("V").data();
        double[] w = z.get("W").data();
        double[] b = bias ? z.get("b").data() : new double[DEPTH * WIDTH];
        double alpha = z.get("alpha").data()[0];
        double[] x = z.get("x").data();
        double[] h = z.get("h").data();

        // h[0] = A @ x
        double[] h0 = matVec(a, 0, WIDTH, INPUT_DIM, x, 0);
        assertClose(h0, h, 0, "h[0] = A @ x");

        // h[k+1] = h[k] + alpha * V[k] @ relu(W[k] @ h[k] + b[k]), from the exported h[k]
        for (int k = 0; k < DEPTH; k++) {
            double[] pre = matVec(w, k * WIDTH * WIDTH, WIDTH, WIDTH, h, k * WIDTH);
            for (int i = 0; i < WIDTH; i++) {
                pre[i] = Math.max(0.0, pre[i] + b[k * WIDTH + i]);
            }
            double[] branch = matVec(v, k * WIDTH * WIDTH, WIDTH, WIDTH, pre, 0);
            double[] next = new double[WIDTH];
            for (int i = 0; i < WIDTH; i++) {
                next[i] = h[k * WIDTH + i] + alpha * branch[i];
            }
            assertClose(next, h, (k + 1) * WIDTH, "h[" + (k + 1) + "]");
        }
    }

    /** The exported network and input are those of propagate's (sample, input) row. */
    @Test
    void exportMatchesTheCorrespondingPropagateRow() throws IOException {
        Path csv = dir.resolve("p.csv");
        run(concat(concat(new String[] {"propagate"}, NETWORK), "--samples", "3",
                "--inputs-per-network", "2", "--threads", "2", "--out", csv.toString()));
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);

        int[][] picks = {{0, 0}, {2, 1}};
        for (int[] pick : picks) {
            Map<String, Npz.Array> z = export("e" + pick[0] + pick[1] + ".npz", "--sample",
                    String.valueOf(pick[0]), "--input", String.valueOf(pick[1]));
            double[] h = z.get("h").data();
            double h0 = norm(h, 0);
            double hL = norm(h, DEPTH * WIDTH);
            double diff = 0;
            for (int i = 0; i < WIDTH; i++) {
                double e = h[DEPTH * WIDTH + i] - h[i];
                diff += e * e;
            }
            double hiddenRatio = hL / h0;
            double hiddenDiff = Math.sqrt(diff) / h0;

            String[] f = rows.get(1 + pick[0] * 2 + pick[1]).split(",");
            assertEquals(String.valueOf(pick[0]), f[0]);
            assertEquals(String.valueOf(pick[1]), f[1]);
            double expectedRatio = Double.parseDouble(f[4]);
            double expectedDiff = Double.parseDouble(f[5]);
            assertEquals(expectedRatio, hiddenRatio, REL_TOL * expectedRatio,
                    "hidden_ratio of sample " + pick[0] + " input " + pick[1]);
            assertEquals(expectedDiff, hiddenDiff, REL_TOL * expectedDiff,
                    "hidden_diff of sample " + pick[0] + " input " + pick[1]);
        }
    }

    @Test
    void differentSamplesExportDifferentNetworks() throws IOException {
        Map<String, Npz.Array> first = export("s0.npz", "--sample", "0");
        Map<String, Npz.Array> second = export("s1.npz", "--sample", "1");
        assertFalse(java.util.Arrays.equals(first.get("V").data(), second.get("V").data()));
        assertFalse(java.util.Arrays.equals(first.get("x").data(), second.get("x").data()));
        Map<String, Npz.Array> again = export("s0b.npz", "--sample", "0");
        assertArrayEquals(first.get("V").data(), again.get("V").data(), "same seed, same V");
        assertArrayEquals(first.get("h").data(), again.get("h").data(), "same seed, same h");
    }

    @Test
    void res1ExportHasNoInnerWeights() throws IOException {
        Path out = dir.resolve("r1.npz");
        run("export", "--block", "res1", "--width", "5", "--depth", "3", "--input-dim", "2",
                "--out", out.toString());
        assertEquals(List.of("A", "B", "V", "alpha", "x", "h"),
                new ArrayList<>(Npz.read(out).keySet()));
    }

    @Test
    void badValueGivesStatusTwoAndNoFile() throws IOException {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        Path out = dir.resolve("never.npz");
        int code = cl.execute("export", "--block", "res1", "--bias", "--out", out.toString());
        assertEquals(Main.BAD_INPUT, code, err.toString());
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("--bias"), err.toString());
        assertFalse(Files.exists(out));
    }

    private static double[] matVec(double[] m, int off, int rows, int cols, double[] x,
            int xOff) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += m[off + i * cols + j] * x[xOff + j];
            }
            y[i] = s;
        }
        return y;
    }

    private static double norm(double[] x, int off) {
        double s = 0;
        for (int i = 0; i < WIDTH; i++) {
            s += x[off + i] * x[off + i];
        }
        return Math.sqrt(s);
    }

    /** |expected - h[off ..]|_inf &lt;= REL_TOL * max(1, |expected|_inf). */
    private static void assertClose(double[] expected, double[] h, int off, String what) {
        double scale = 1.0;
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            worst = Math.max(worst, Math.abs(expected[i] - h[off + i]));
        }
        assertTrue(worst <= REL_TOL * scale, what + ": largest difference " + worst);
    }
}
