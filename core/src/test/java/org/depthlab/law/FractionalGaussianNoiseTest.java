package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
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
