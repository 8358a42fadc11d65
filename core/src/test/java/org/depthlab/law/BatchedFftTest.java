package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.random.Streams;
import org.jtransforms.fft.DoubleFFT_1D;
import org.junit.jupiter.api.Test;

class BatchedFftTest {

    /**
     * Largest acceptable error relative to max |X|: radix-2 rounding grows like log2(n) ulps and
     * the O(n^2) reference's like sqrt(n) ulps, both below 1e-14 for n &lt;= 2048.
     */
    private static final double DFT_TOLERANCE = 1e-12;
    /** Batch sizes checked: a single vector, odd batches, and one a multiple of the SIMD width. */
    private static final int[] BATCHES = {1, 3, 5, 8};

    @Test
    void equalsTheDirectDftForSmallSizes() {
        for (int n = 1; n <= 64; n *= 2) {
            BatchedFft fft = new BatchedFft(n);
            assertEquals(n, fft.size());
            for (int batch : BATCHES) {
                double[][] re = random(batch, n, 10L * n + batch);
                double[][] im = random(batch, n, 10L * n + batch + 1000);
                double[][][] rows = rows(re, im, 0);
                fft.forward(rows[0], rows[1], batch);
                for (int b = 0; b < batch; b++) {
                    double[][] expected = directDft(re[b], im[b]);
                    assertClose("n = " + n + ", batch " + batch + ", lane " + b, expected,
                            lane(rows, b));
                }
            }
        }
    }

    @Test
    void equalsJTransformsAtTheFgnSize() {
        int n = 2048;
        BatchedFft fft = new BatchedFft(n);
        DoubleFFT_1D reference = new DoubleFFT_1D(n);
        for (int batch : BATCHES) {
            double[][] re = random(batch, n, 7L + batch);
            double[][] im = random(batch, n, 70L + batch);
            double[][][] rows = rows(re, im, 0);
            fft.forward(rows[0], rows[1], batch);
            for (int b = 0; b < batch; b++) {
                double[] interleaved = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    interleaved[2 * k] = re[b][k];
                    interleaved[2 * k + 1] = im[b][k];
                }
                reference.complexForward(interleaved);
                double[][] expected = new double[2][n];
                for (int k = 0; k < n; k++) {
                    expected[0][k] = interleaved[2 * k];
                    expected[1][k] = interleaved[2 * k + 1];
                }
                assertClose("n = 2048, batch " + batch + ", lane " + b, expected,
                        lane(rows, b));
            }
        }
    }

    @Test
    void aLaneIsBitwiseIndependentOfItsBatch() {
        int n = 256;
        int batch = 7;
        BatchedFft fft = new BatchedFft(n);
        double[][] re = random(batch, n, 3);
        double[][] im = random(batch, n, 4);
        double[][][] together = rows(re, im, 0);
        fft.forward(together[0], together[1], batch);
        for (int b = 0; b < batch; b++) {
            double[][][] alone = rows(new double[][] {re[b]}, new double[][] {im[b]}, 0);
            fft.forward(alone[0], alone[1], 1);
            double[][] x = lane(alone, 0);
            double[][] y = lane(together, b);
            assertArrayEquals(x[0], y[0], 0.0, "real part, lane " + b);
            assertArrayEquals(x[1], y[1], 0.0, "imaginary part, lane " + b);
        }
    }

    @Test
    void leavesValuesBeyondTheBatchAlone() {
        int n = 32;
        int batch = 3;
        int extra = 5;
        double[][][] rows = rows(random(batch, n, 5), random(batch, n, 6), extra);
        for (double[][] part : rows) {
            for (double[] row : part) {
                for (int i = batch; i < row.length; i++) {
                    row[i] = i;
                }
            }
        }
        new BatchedFft(n).forward(rows[0], rows[1], batch);
        for (double[][] part : rows) {
            for (double[] row : part) {
                for (int i = batch; i < row.length; i++) {
                    assertEquals(i, row[i], 0.0);
                }
            }
        }
    }

    @Test
    void rejectsInvalidArguments() {
        for (int n : new int[] {0, -4, 3, 12, 1000}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new BatchedFft(n));
            assertTrue(e.getMessage().contains("power of two"), e.getMessage());
        }
        BatchedFft fft = new BatchedFft(8);
        double[][] ok = new double[8][2];
        assertThrows(IllegalArgumentException.class,
                () -> fft.forward(new double[4][2], new double[4][2], 1));
        assertThrows(IllegalArgumentException.class, () -> fft.forward(ok, null, 1));
        assertThrows(IllegalArgumentException.class,
                () -> fft.forward(ok, new double[8][2], 0));
        assertThrows(IllegalArgumentException.class,
                () -> fft.forward(ok, new double[8][1], 2));
        double[][] withNull = new double[8][2];
        withNull[5] = null;
        assertThrows(IllegalArgumentException.class, () -> fft.forward(withNull, ok, 1));
    }

    /** batch x n values uniform in [-1, 1) from a fixed stream. */
    private static double[][] random(int batch, int n, long seed) {
        UniformRandomProvider rng = Streams.generator(seed);
        double[][] v = new double[batch][n];
        for (double[] x : v) {
            for (int k = 0; k < n; k++) {
                x[k] = 2.0 * rng.nextDouble() - 1.0;
            }
        }
        return v;
    }

    /**
     * The batched layout {real rows, imaginary rows}: real row k = [re[0][k] .. re[B-1][k]],
     * followed by {@code extra} zeros, and likewise for the imaginary rows.
     */
    private static double[][][] rows(double[][] re, double[][] im, int extra) {
        int batch = re.length;
        int n = re[0].length;
        double[][][] rows = new double[2][n][batch + extra];
        for (int k = 0; k < n; k++) {
            for (int b = 0; b < batch; b++) {
                rows[0][k][b] = re[b][k];
                rows[1][k][b] = im[b][k];
            }
        }
        return rows;
    }

    /** {real parts, imaginary parts} of lane b. */
    private static double[][] lane(double[][][] rows, int b) {
        int n = rows[0].length;
        double[][] x = new double[2][n];
        for (int k = 0; k < n; k++) {
            x[0][k] = rows[0][k][b];
            x[1][k] = rows[1][k][b];
        }
        return x;
    }

    /** X[k] = sum_j z[j] exp(-2 pi i jk / n), the angle reduced mod n before the cos and sin. */
    private static double[][] directDft(double[] re, double[] im) {
        int n = re.length;
        double[][] x = new double[2][n];
        for (int k = 0; k < n; k++) {
            for (int j = 0; j < n; j++) {
                double angle = -2.0 * Math.PI * ((long) j * k % n) / n;
                double c = Math.cos(angle);
                double s = Math.sin(angle);
                x[0][k] += re[j] * c - im[j] * s;
                x[1][k] += re[j] * s + im[j] * c;
            }
        }
        return x;
    }

    private static void assertClose(String what, double[][] expected, double[][] actual) {
        double max = 0.0;
        double err = 0.0;
        for (int part = 0; part < 2; part++) {
            for (int k = 0; k < expected[part].length; k++) {
                max = Math.max(max, Math.abs(expected[part][k]));
                err = Math.max(err, Math.abs(expected[part][k] - actual[part][k]));
            }
        }
        assertTrue(err <= DFT_TOLERANCE * max, what + ": max error " + err + " exceeds "
                + DFT_TOLERANCE + " * max |X| = " + DFT_TOLERANCE * max);
    }
}
