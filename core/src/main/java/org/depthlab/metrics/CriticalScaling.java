package org.depthlab.metrics;

/**
 * The critical scaling exponent beta* read off a measured curve: the beta where the mean log10
 * of a difference ratio crosses 0 from above, i.e. where the network passes from explosion
 * (ratio above 1) to identity (ratio below 1), by linear interpolation between grid points.
 *
 * <p>A finite-depth estimate: at depth L the crossing sits near, not at, the asymptotic
 * critical exponent (for i.i.d. weights the ratio at beta = 1/2 is of order one, not exactly
 * one).
 */
public final class CriticalScaling {

    private CriticalScaling() {
    }

    /**
     * The first beta at which {@code meanLog10} (one value per beta, betas increasing) crosses
     * 0 from above. Infinite or NaN values count as overflow (+Infinity); a crossing out of an
     * overflowed point returns the next grid point. NaN when there is no crossing in the grid.
     *
     * @throws IllegalArgumentException if the arrays differ in length or betas do not increase
     */
    public static double crossing(double[] betas, double[] meanLog10) {
        if (betas.length != meanLog10.length) {
            throw new IllegalArgumentException("betas and values differ in length: "
                    + betas.length + " and " + meanLog10.length);
        }
        for (int j = 1; j < betas.length; j++) {
            if (!(betas[j] > betas[j - 1])) {
                throw new IllegalArgumentException("betas must increase, found " + betas[j - 1]
                        + " then " + betas[j]);
            }
        }
        for (int j = 0; j + 1 < betas.length; j++) {
            double a = Double.isNaN(meanLog10[j]) ? Double.POSITIVE_INFINITY : meanLog10[j];
            double b = Double.isNaN(meanLog10[j + 1]) ? Double.POSITIVE_INFINITY
                    : meanLog10[j + 1];
            if (a > 0 && b <= 0) {
                if (Double.isInfinite(a)) {
                    return betas[j + 1];
                }
                return betas[j] + a / (a - b) * (betas[j + 1] - betas[j]);
            }
        }
        return Double.NaN;
    }
}
