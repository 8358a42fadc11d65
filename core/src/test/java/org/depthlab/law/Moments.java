package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Test support: compares the mean of independent per-unit statistics (one per path, entry or
 * pair of entries) with an exact value, in units of the estimated standard error.
 */
final class Moments {

    /**
     * Allowed deviation, in standard errors. A correct sampler exceeds 5 standard errors with
     * probability about 6e-7 per comparison, so the few hundred comparisons of the law tests
     * pass (their seeds are fixed, so a pass is reproducible), while a bias of a few percent is
     * many standard errors away with the sample sizes used.
     */
    static final double STANDARD_ERRORS = 5.0;

    private Moments() {
    }

    /**
     * Asserts |mean(units) - exact| &lt;= {@link #STANDARD_ERRORS} * sd(units) / sqrt(n), and that
     * the standard error is at most {@code maxStandardError} (so the check has power).
     */
    static void assertMean(String what, double[] units, double exact, double maxStandardError) {
        int n = units.length;
        double mean = 0.0;
        for (double u : units) {
            mean += u;
        }
        mean /= n;
        double ss = 0.0;
        for (double u : units) {
            ss += (u - mean) * (u - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        assertTrue(se <= maxStandardError, what + ": standard error " + se + " exceeds "
                + maxStandardError + "; the check would have no power");
        assertTrue(Math.abs(mean - exact) <= STANDARD_ERRORS * se, what + ": expected " + exact
                + " but estimated " + mean + " (standard error " + se + ", "
                + (Math.abs(mean - exact) / se) + " standard errors away)");
    }
}
