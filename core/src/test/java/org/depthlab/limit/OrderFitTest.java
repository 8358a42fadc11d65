package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The least-squares order: exact on power laws, a t interval from residuals, NaN if undefined. */
class OrderFitTest {

    /** An exact power law is fitted to rounding. */
    private static final double EXACT_TOL = 1e-12;

    @Test
    void exactPowerLawGivesItsExponentAndAZeroStandardError() {
        int[] depths = {8, 16, 32, 64};
        double[] errors = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            errors[i] = 3.0 * Math.pow(depths[i], -0.7);
        }
        OrderFit fit = OrderFit.fit(depths, errors);
        assertEquals(0.7, fit.order(), EXACT_TOL);
        assertEquals(Math.log(3.0), fit.intercept(), EXACT_TOL);
        assertEquals(0.0, fit.standardError(), EXACT_TOL);
        assertEquals(0.7, fit.low(), EXACT_TOL);
        assertEquals(0.7, fit.high(), EXACT_TOL);
    }

    @Test
    void intervalUsesTheStudentQuantile() {
        // residuals +e, -e, -e, +e around slope 1 on log-depths spaced by log 2
        int[] depths = {1, 2, 4, 8};
        double e = 0.05;
        double[] signs = {1, -1, -1, 1};
        double[] errors = new double[4];
        for (int i = 0; i < 4; i++) {
            errors[i] = Math.exp(e * signs[i]) / depths[i];
        }
        OrderFit fit = OrderFit.fit(depths, errors);
        assertEquals(1.0, fit.order(), EXACT_TOL);
        double sxx = 5.0 * Math.log(2) * Math.log(2);
        double se = Math.sqrt(4 * e * e / 2 / sxx);
        assertEquals(se, fit.standardError(), EXACT_TOL);
        double t = 4.302652729911275; // t_{0.975} with 2 degrees of freedom
        assertEquals(1.0 - t * se, fit.low(), 1e-9);
        assertEquals(1.0 + t * se, fit.high(), 1e-9);
    }

    @Test
    void undefinedCasesAreNaN() {
        assertTrue(Double.isNaN(OrderFit.fit(new int[] {8}, new double[] {0.1}).order()));
        OrderFit two = OrderFit.fit(new int[] {8, 16}, new double[] {0.2, 0.1});
        assertEquals(1.0, two.order(), EXACT_TOL);
        assertTrue(Double.isNaN(two.low()));
        assertTrue(Double.isNaN(OrderFit.fit(new int[] {8, 16, 32},
                new double[] {0.2, 0.0, 0.1}).order()));
        assertThrows(IllegalArgumentException.class,
                () -> OrderFit.fit(new int[] {8, 16}, new double[] {0.1}));
    }
}
