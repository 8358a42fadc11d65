package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

class FractionalBrownianMotionTest {

    private static final int STEPS = 64;
    private static final int PATHS = 4000;
    /**
     * Largest acceptable standard error of a second-moment estimate: B(t)^2 has variance
     * 2 t^4H &lt;= 2, so with 4000 paths the standard error is at most sqrt(2 / 4000) = 0.022.
     */
    private static final double MAX_STANDARD_ERROR = 0.025;

    @Test
    void varianceIsTToTheTwoH() {
        for (double h : new double[] {0.2, 0.5, 0.8}) {
            double[][] paths = paths(h, 21);
            for (int k : new int[] {1, 8, 32, 64}) {
                double t = (double) k / STEPS;
                Moments.assertMean("H = " + h + ", Var B(" + t + ")", products(paths, k, k),
                        Math.pow(t, 2 * h), MAX_STANDARD_ERROR);
            }
        }
    }

    @Test
    void covarianceMatchesTheFbmKernel() {
        for (double h : new double[] {0.2, 0.8}) {
            double[][] paths = paths(h, 22);
            Moments.assertMean("H = " + h + ", E B(1/4) B(3/4)", products(paths, 16, 48),
                    FractionalBrownianMotion.covariance(h, 0.25, 0.75), MAX_STANDARD_ERROR);
        }
    }

    @Test
    void pathStartsAtZeroWithStepsPlusOneValues() {
        double[] path = FractionalBrownianMotion.path(0.3, 10, Streams.generator(3));
        assertEquals(11, path.length);
        assertEquals(0.0, path[0], 0.0);
    }

    @Test
    void rejectsInvalidArguments() {
        assertThrows(IllegalArgumentException.class,
                () -> FractionalBrownianMotion.path(0.5, 0, Streams.generator(3)));
        assertThrows(IllegalArgumentException.class,
                () -> FractionalBrownianMotion.path(1.0, 10, Streams.generator(3)));
        assertThrows(IllegalArgumentException.class,
                () -> FractionalBrownianMotion.path(0.0, 10, Streams.generator(3)));
    }

    private static double[][] paths(double h, long seed) {
        double[][] paths = new double[PATHS][];
        for (int p = 0; p < PATHS; p++) {
            paths[p] = FractionalBrownianMotion.path(h, STEPS, Streams.generator(seed, p));
        }
        return paths;
    }

    /** Per path: B(a / STEPS) B(b / STEPS). */
    private static double[] products(double[][] paths, int a, int b) {
        double[] units = new double[paths.length];
        for (int p = 0; p < paths.length; p++) {
            units[p] = paths[p][a] * paths[p][b];
        }
        return units;
    }
}
