package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.depthlab.law.FractionalGaussianNoise;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

/** Driving paths: their laws (variance t/d, t^2H/d), increments over sub-intervals, copies. */
class DrivingPathTest {

    private static final long SEED = 99L;
    /**
     * Relative tolerance of a sample variance from n = 4096 (Brownian) or 2048 (fBm) Gaussian
     * values: its relative standard error is sqrt(2/n) = 0.022 or 0.031; 0.15 is about five.
     */
    private static final double VARIANCE_REL_TOL = 0.15;
    /** Sums in a different order: a few ulps. */
    private static final double SUM_TOL = 1e-14;

    @Test
    void brownianIncrementsHaveVarianceStepOverWidth() {
        int d = 4;
        int steps = 256;
        DrivingPath path = DrivingPath.brownian(d, steps, Streams.key(SEED, 0));
        double sum = 0;
        for (double v : path.increments()) {
            sum += v * v;
        }
        double variance = sum / (steps * d * d);
        double expected = 1.0 / (steps * d);
        assertEquals(expected, variance, VARIANCE_REL_TOL * expected);
    }

    @Test
    void fractionalBrownianEndpointHasVarianceOneOverWidth() {
        int d = 8;
        int steps = 64;
        double hurst = 0.7;
        FractionalGaussianNoise noise = new FractionalGaussianNoise(hurst, steps);
        double[] end = new double[d * d];
        double sum = 0;
        int paths = 32;
        for (int p = 0; p < paths; p++) {
            DrivingPath path = DrivingPath.fractionalBrownian(noise, d, Streams.key(SEED, 1, p));
            path.increment(0, steps, end, 0);
            for (double v : end) {
                sum += v * v;
            }
        }
        double variance = sum / (paths * d * d);
        assertEquals(1.0 / d, variance, VARIANCE_REL_TOL / d);
    }

    @Test
    void incrementOverAnIntervalIsTheSumOfItsSteps() {
        DrivingPath path = DrivingPath.brownian(2, 8, Streams.key(SEED, 2));
        double[] all = path.increments();
        double[] out = new double[5];
        path.increment(2, 5, out, 1);
        for (int e = 0; e < 4; e++) {
            assertEquals(all[8 + e] + all[12 + e] + all[16 + e], out[1 + e], SUM_TOL);
        }
        assertEquals(0.0, out[0], 0.0);
        path.increment(3, 3, out, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, java.util.Arrays.copyOf(out, 4));
        assertThrows(IllegalArgumentException.class, () -> path.increment(5, 2, out, 0));
        assertThrows(IllegalArgumentException.class, () -> path.increment(0, 9, out, 0));
        assertThrows(IllegalArgumentException.class, () -> path.increment(0, 1, out, 2));
    }

    @Test
    void ofCopiesAndValidates() {
        double[] inc = {1, 2, 3, 4};
        DrivingPath path = DrivingPath.of(1, 4, inc);
        inc[0] = 100;
        assertEquals(1.0, path.increments()[0], 0.0);
        assertThrows(IllegalArgumentException.class, () -> DrivingPath.of(1, 3, inc));
        assertThrows(IllegalArgumentException.class,
                () -> DrivingPath.of(1, 1, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> DrivingPath.brownian(0, 4, 1L));
    }

    @Test
    void sameKeySamePath() {
        assertArrayEquals(DrivingPath.brownian(3, 16, 5L).increments(),
                DrivingPath.brownian(3, 16, 5L).increments());
    }
}
