package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.depthlab.law.Kernel;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * Gaussian-process paths on the closed grid m / M, m = 0 .. M: the rescaled law has the
 * kernel's correlations at those points, entries have variance 1/d, and only grid times are
 * served.
 */
class GaussianProcessPathsTest {

    private static final long SEED = 5L;
    /** Correlations computed two ways (kernel at r / ell vs. rescaled distances): rounding. */
    private static final double CORRELATION_TOL = 1e-12;
    /**
     * Sample variance over 20 paths x 64 entries x 33 points: the points of one path are
     * strongly correlated (ell = 0.3), so about 20 x 64 x 3 effective values; relative standard
     * error about sqrt(2 / 3840) = 0.023, and 0.15 is over five of them.
     */
    private static final double VARIANCE_REL_TOL = 0.15;

    @Test
    void correlationsAreTheKernelsOnTheClosedGrid() {
        for (Kernel kernel : new Kernel[] {Kernel.rbf(0.1), Kernel.matern(1.5, 0.3)}) {
            int intervals = 40;
            GaussianProcessPaths gp = new GaussianProcessPaths(kernel, intervals);
            for (int m = 0; m <= intervals; m += 5) {
                assertEquals(kernel.at(m / (double) intervals), gp.correlation(0, m),
                        CORRELATION_TOL, kernel + " at lag " + m);
            }
            assertEquals(kernel.at(1.0), gp.correlation(intervals, 0), CORRELATION_TOL);
        }
    }

    @Test
    void entriesHaveVarianceOneOverWidth() {
        int d = 8;
        int intervals = 32;
        GaussianProcessPaths gp = new GaussianProcessPaths(Kernel.rbf(0.3), intervals);
        double[] v = new double[d * d];
        double sum = 0;
        int count = 0;
        for (int p = 0; p < 20; p++) {
            SampledMatrixFunction f = gp.sample(d, Streams.key(SEED, p));
            for (int m = 0; m <= intervals; m++) {
                f.atIndex(m, v, 0);
                for (double x : v) {
                    sum += x * x;
                    count++;
                }
            }
        }
        assertEquals(1.0 / d, sum / count, VARIANCE_REL_TOL / d);
    }

    @Test
    void servesGridTimesOnly() {
        GaussianProcessPaths gp = new GaussianProcessPaths(Kernel.rbf(0.2), 16);
        SampledMatrixFunction f = gp.sample(2, 1L);
        double[] out = new double[4];
        double[] direct = new double[4];
        f.at(3.0 / 8.0, out);
        f.atIndex(6, direct, 0);
        assertEquals(direct[0], out[0], 0.0);
        f.at(1.0, out);
        assertThrows(IllegalArgumentException.class, () -> f.at(1.0 / 3.0, out));
        assertThrows(IllegalArgumentException.class, () -> f.at(1.5, out));
        assertThrows(IllegalArgumentException.class, () -> f.atIndex(17, out, 0));
    }
}
