package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.random.GaussianFiller;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

class FractionalGaussianNoiseTest {

    /** Path length: not a power of two, so the embedding (m = 128, M = 256) is truncated. */
    private static final int LENGTH = 100;
    /** Pairs of paths per estimate: 4000 paths. */
    private static final int PAIRS = 2000;
    /** Largest lag whose autocovariance is checked. */
    private static final int MAX_LAG = 5;
    /**
     * Largest acceptable standard error of an autocovariance estimate: each path's average of
     * X_t X_{t+l} has variance at most E[X^4] = 3, so with 4000 paths the standard error is at
     * most sqrt(3 / 4000) = 0.027; 0.03 guards against a sample too small to detect errors.
     */
    private static final double MAX_STANDARD_ERROR = 0.03;
    /**
     * gamma(n) is a combination of three pow() values of size at most (n+1)^2H; for n &lt;= 10
     * rounding leaves it within a few ulps of 1, far below 1e-14.
     */
    private static final double FORMULA_TOLERANCE = 1e-14;
    /**
     * Largest difference between a path of {@code samplePairs} (batched FFT) and the same path
     * of {@code samplePair} (JTransforms): both sum the same M = 256 products in different
     * orders, so they differ by a few ulps of values of order 1 (about 1e-15).
     */
    private static final double FFT_AGREEMENT = 1e-12;
    /** Pairs per {@code samplePairs} call in the covariance check. */
    private static final int BATCH = 16;
    /** Marks output cells that must not be written. */
    private static final double UNTOUCHED = -99.0;

    @Test
    void autocovarianceFormula() {
        for (double h : new double[] {0.1, 0.3, 0.5, 0.7, 0.9}) {
            assertEquals(1.0, FractionalGaussianNoise.autocovariance(h, 0), FORMULA_TOLERANCE);
            assertEquals(Math.pow(2.0, 2 * h - 1) - 1.0,
                    FractionalGaussianNoise.autocovariance(h, 1), FORMULA_TOLERANCE);
            for (int n = 1; n <= 10; n++) {
                assertEquals(FractionalGaussianNoise.autocovariance(h, n),
                        FractionalGaussianNoise.autocovariance(h, -n), 0.0);
            }
        }
        for (int n = 1; n <= 10; n++) {
            assertEquals(0.0, FractionalGaussianNoise.autocovariance(0.5, n), FORMULA_TOLERANCE);
        }
    }

    @Test
    void sampleAutocovarianceMatchesGamma() {
        for (double h : new double[] {0.2, 0.5, 0.8}) {
            FractionalGaussianNoise fgn = new FractionalGaussianNoise(h, LENGTH);
            assertFalse(fgn.usesCholeskyFallback());
            assertAutocovariance(fgn, 11);
        }
    }

    @Test
    void halfGivesUncorrelatedIncrements() {
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.5, LENGTH);
        double[][] paths = paths(fgn, 12);
        for (int lag = 1; lag <= MAX_LAG; lag++) {
            Moments.assertMean("H = 1/2, lag " + lag, lagProducts(paths, paths, lag), 0.0,
                    MAX_STANDARD_ERROR);
        }
    }

    @Test
    void pairOfPathsFromOneFftIsUncorrelated() {
        // strongly correlated H: were the two paths dependent, their cross-covariance would show
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.8, LENGTH);
        double[][] paths = paths(fgn, 13);
        double[][] first = new double[PAIRS][];
        double[][] second = new double[PAIRS][];
        for (int p = 0; p < PAIRS; p++) {
            first[p] = paths[2 * p];
            second[p] = paths[2 * p + 1];
        }
        for (int lag = -2; lag <= 2; lag++) {
            Moments.assertMean("cross-covariance, lag " + lag, lagProducts(first, second, lag),
                    0.0, MAX_STANDARD_ERROR);
        }
    }

    @Test
    void embeddingIsNonnegativeOverAGridOfH() {
        for (int i = 1; i < 100; i += 2) {
            double h = i / 100.0;
            for (int n : new int[] {1, 2, 3, 7, 100, 1000, 1024, 1025, 4096}) {
                FractionalGaussianNoise fgn = new FractionalGaussianNoise(h, n);
                assertFalse(fgn.usesCholeskyFallback(), "fallback at H = " + h + ", n = " + n);
                assertTrue(fgn.minEigenvalueRatio()
                        >= -FractionalGaussianNoise.NEGATIVE_EIGENVALUE_TOLERANCE,
                        "H = " + h + ", n = " + n + ": " + fgn.minEigenvalueRatio());
            }
        }
    }

    @Test
    void choleskyFallbackGivesTheSameCovariance() {
        for (double h : new double[] {0.2, 0.8}) {
            FractionalGaussianNoise fgn = new FractionalGaussianNoise(h, LENGTH, true);
            assertTrue(fgn.usesCholeskyFallback());
            assertAutocovariance(fgn, 14);
        }
    }

    @Test
    void singlePathIsTheFirstOfThePair() {
        for (boolean cholesky : new boolean[] {false, true}) {
            FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.3, LENGTH, cholesky);
            double[] a = new double[LENGTH];
            double[] b = new double[LENGTH];
            double[] c = new double[LENGTH + 3];
            fgn.samplePair(Streams.generator(7), a, 0, b, 0, 2.0, null);
            fgn.sample(Streams.generator(7), c, 3, 2.0, new double[fgn.workspaceLength()]);
            assertArrayEquals(a, Arrays.copyOfRange(c, 3, LENGTH + 3), 0.0);
            assertArrayEquals(a, scaled(fgn.sample(Streams.generator(7)), 2.0), 0.0);
        }
    }

    @Test
    void samplePairsDrawsWhatSamplePairDraws() {
        int pairs = 4;
        int paths = 2 * pairs - 1;
        int stride = paths + 3;
        int off = 5;
        for (boolean cholesky : new boolean[] {false, true}) {
            FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.3, LENGTH, cholesky);
            double[] out = new double[off + (LENGTH - 1) * stride + paths + 2];
            Arrays.fill(out, UNTOUCHED);
            GaussianFiller[] gaussians = fillers(pairs, 21);
            fgn.samplePairs(gaussians, paths, out, off, stride, 2.0, fgn.newBatchWorkspace(pairs));

            double tolerance = cholesky ? 0.0 : FFT_AGREEMENT;
            for (int b = 0; b < pairs; b++) {
                GaussianFiller reference = Streams.gaussians(Streams.key(21, b));
                double[] x = new double[LENGTH];
                double[] y = new double[LENGTH];
                fgn.samplePair(reference, x, 0, y, 0, 2.0, null);
                assertArrayEquals(x, column(out, off, stride, 2 * b), tolerance, "path " + 2 * b);
                if (2 * b + 1 < paths) {
                    assertArrayEquals(y, column(out, off, stride, 2 * b + 1), tolerance,
                            "path " + (2 * b + 1));
                }
                assertEquals(reference.sample(), gaussians[b].sample(), 0.0,
                        "variates consumed by pair " + b);
            }
            for (int i = 0; i < out.length; i++) {
                int t = (i - off) / stride;
                boolean written = i >= off && t < LENGTH && (i - off) % stride < paths;
                if (!written) {
                    assertEquals(UNTOUCHED, out[i], 0.0, "cell " + i + " outside the block");
                }
            }
        }
    }

    @Test
    void aBatchedPairIsBitwiseIndependentOfItsBatch() {
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.7, LENGTH);
        int pairs = 5;
        double[] together = new double[LENGTH * 2 * pairs];
        fgn.samplePairs(fillers(pairs, 31), 2 * pairs, together, 0, 2 * pairs, 1.0,
                fgn.newBatchWorkspace(pairs));
        FractionalGaussianNoise.BatchWorkspace roomy = fgn.newBatchWorkspace(3 * pairs);
        for (int b = 0; b < pairs; b++) {
            double[] alone = new double[LENGTH * 2];
            fgn.samplePairs(new GaussianFiller[] {Streams.gaussians(Streams.key(31, b))}, 2,
                    alone, 0, 2, 1.0, roomy);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(column(alone, 0, 2, i), column(together, 0, 2 * pairs, 2 * b + i),
                        0.0, "pair " + b + ", path " + i);
            }
        }
    }

    @Test
    void batchedPathsHaveTheFgnAutocovariance() {
        for (double h : new double[] {0.2, 0.8}) {
            FractionalGaussianNoise fgn = new FractionalGaussianNoise(h, LENGTH);
            double[][] paths = batchedPaths(fgn, 15);
            for (int lag = 0; lag <= MAX_LAG; lag++) {
                Moments.assertMean("batched, H = " + h + ", lag " + lag,
                        lagProducts(paths, paths, lag),
                        FractionalGaussianNoise.autocovariance(h, lag), MAX_STANDARD_ERROR);
            }
            double[][] first = new double[PAIRS][];
            double[][] second = new double[PAIRS][];
            for (int p = 0; p < PAIRS; p++) {
                first[p] = paths[2 * p];
                second[p] = paths[2 * p + 1];
            }
            for (int lag = -1; lag <= 1; lag++) {
                Moments.assertMean("batched, H = " + h + ", cross-covariance, lag " + lag,
                        lagProducts(first, second, lag), 0.0, MAX_STANDARD_ERROR);
            }
        }
    }

    @Test
    void samplePairsRejectsInvalidArguments() {
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.7, 10);
        FractionalGaussianNoise.BatchWorkspace ws = fgn.newBatchWorkspace(2);
        GaussianFiller[] two = fillers(2, 1);
        double[] out = new double[40];
        fgn.samplePairs(two, 4, out, 0, 4, 1.0, ws);
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 0, out, 0, 4, 1.0, ws));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 5, new double[50], 0, 5, 1.0, ws));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(new GaussianFiller[] {two[0], null}, 4, out, 0, 4, 1.0, ws));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, out, 0, 3, 1.0, ws));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, out, 1, 4, 1.0, ws));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, null, 0, 4, 1.0, ws));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, out, 0, 4, 1.0, null));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, out, 0, 4, 1.0, fgn.newBatchWorkspace(1)));
        FractionalGaussianNoise longer = new FractionalGaussianNoise(0.7, 100);
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, out, 0, 4, 1.0, longer.newBatchWorkspace(2)));
        FractionalGaussianNoise cholesky = new FractionalGaussianNoise(0.7, 10, true);
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePairs(two, 4, out, 0, 4, 1.0, cholesky.newBatchWorkspace(2)));
        for (int pairs : new int[] {0, -1, FractionalGaussianNoise.MAX_BATCH_PAIRS + 1}) {
            assertThrows(IllegalArgumentException.class, () -> fgn.newBatchWorkspace(pairs));
        }
    }

    @Test
    void rejectsInvalidArguments() {
        for (double h : new double[] {0.0, 1.0, -0.1, 1.2, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new FractionalGaussianNoise(h, 10));
            assertTrue(e.getMessage().contains("(0, 1)"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new FractionalGaussianNoise(0.5, 0));
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.7, 10);
        UniformRandomProvider rng = Streams.generator(1);
        assertThrows(IllegalArgumentException.class,
                () -> fgn.sample(rng, new double[9], 0, 1.0, null));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.sample(rng, new double[10], 1, 1.0, null));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.sample(rng, new double[10], 0, 1.0, new double[3]));
        assertThrows(IllegalArgumentException.class,
                () -> fgn.samplePair(rng, new double[10], 0, null, 0, 1.0, null));
    }

    /** Checks the sample autocovariance at lags 0 .. MAX_LAG against gamma. */
    private static void assertAutocovariance(FractionalGaussianNoise fgn, long seed) {
        double[][] paths = paths(fgn, seed);
        for (int lag = 0; lag <= MAX_LAG; lag++) {
            Moments.assertMean("H = " + fgn.hurst() + ", lag " + lag
                    + (fgn.usesCholeskyFallback() ? " (Cholesky)" : ""),
                    lagProducts(paths, paths, lag),
                    FractionalGaussianNoise.autocovariance(fgn.hurst(), lag), MAX_STANDARD_ERROR);
        }
    }

    /** 2 * PAIRS unit-variance paths; paths 2p and 2p+1 come from one pair draw. */
    private static double[][] paths(FractionalGaussianNoise fgn, long seed) {
        double[][] paths = new double[2 * PAIRS][fgn.length()];
        double[] workspace = new double[fgn.workspaceLength()];
        for (int p = 0; p < PAIRS; p++) {
            fgn.samplePair(Streams.generator(seed, p), paths[2 * p], 0, paths[2 * p + 1], 0, 1.0,
                    workspace);
        }
        return paths;
    }

    /**
     * 2 * PAIRS unit-variance paths drawn by samplePairs, BATCH pairs per call; paths 2p and
     * 2p+1 come from one pair.
     */
    private static double[][] batchedPaths(FractionalGaussianNoise fgn, long seed) {
        int n = fgn.length();
        double[][] paths = new double[2 * PAIRS][];
        FractionalGaussianNoise.BatchWorkspace workspace = fgn.newBatchWorkspace(BATCH);
        double[] block = new double[n * 2 * BATCH];
        for (int p0 = 0; p0 < PAIRS; p0 += BATCH) {
            GaussianFiller[] gaussians = new GaussianFiller[BATCH];
            for (int b = 0; b < BATCH; b++) {
                gaussians[b] = Streams.gaussians(Streams.key(seed, p0 + b));
            }
            fgn.samplePairs(gaussians, 2 * BATCH, block, 0, 2 * BATCH, 1.0, workspace);
            for (int i = 0; i < 2 * BATCH; i++) {
                paths[2 * p0 + i] = column(block, 0, 2 * BATCH, i);
            }
        }
        return paths;
    }

    /** Fillers of the streams Streams.key(seed, b), b &lt; count. */
    private static GaussianFiller[] fillers(int count, long seed) {
        GaussianFiller[] g = new GaussianFiller[count];
        for (int b = 0; b < count; b++) {
            g[b] = Streams.gaussians(Streams.key(seed, b));
        }
        return g;
    }

    /** Column i of the LENGTH-row block at off with the given stride. */
    private static double[] column(double[] block, int off, int stride, int i) {
        double[] c = new double[LENGTH];
        for (int t = 0; t < LENGTH; t++) {
            c[t] = block[off + t * stride + i];
        }
        return c;
    }

    /** Per path: the average of x_t y_{t+lag} over the t where both exist. */
    private static double[] lagProducts(double[][] x, double[][] y, int lag) {
        double[] units = new double[x.length];
        int n = x[0].length;
        for (int p = 0; p < x.length; p++) {
            double s = 0.0;
            int count = 0;
            for (int t = Math.max(0, -lag); t < n && t + lag < n; t++) {
                s += x[p][t] * y[p][t + lag];
                count++;
            }
            units[p] = s / count;
        }
        return units;
    }

    private static double[] scaled(double[] v, double s) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            r[i] = s * v[i];
        }
        return r;
    }
}
