package org.depthlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CriticalScalingTest {

    /** Linear interpolation of exact binary fractions: only the last bits may differ. */
    private static final double EXACT = 1e-12;

    @Test
    void interpolatesTheFirstDownwardCrossing() {
        double[] betas = {0, 0.5, 1, 1.5};
        assertEquals(0.75, CriticalScaling.crossing(betas, new double[] {3, 1, -1, -2}), EXACT);
        assertEquals(0.5, CriticalScaling.crossing(betas, new double[] {3, 0, -1, -2}), EXACT,
                "a value of exactly 0 is the crossing");
    }

    @Test
    void overflowCountsAsExplosion() {
        double[] betas = {0, 0.5, 1};
        assertEquals(0.5, CriticalScaling.crossing(betas,
                new double[] {Double.POSITIVE_INFINITY, -1, -2}), EXACT);
        assertEquals(0.75, CriticalScaling.crossing(betas,
                new double[] {Double.NaN, 1, -1}), EXACT);
    }

    @Test
    void noCrossingIsNaNAndBadGridsAreRejected() {
        assertTrue(Double.isNaN(CriticalScaling.crossing(new double[] {0, 1},
                new double[] {2, 1})));
        assertThrows(IllegalArgumentException.class,
                () -> CriticalScaling.crossing(new double[] {0, 1}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> CriticalScaling.crossing(new double[] {1, 0}, new double[] {1, -1}));
    }
}
