package org.depthlab.limit;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Least-squares fit of log(error) = c + p log(1 / L): the fitted convergence order p.
 *
 * <p>The interval [low, high] is the regression's 95% interval p +/- t_{0.975, n-2} se(p), with
 * se from the residuals: it measures how far the points are from a power law, not the Monte
 * Carlo error of each point (for that, bootstrap the paths: {@link ConvergenceStudy}). It is NaN
 * with fewer than three depths.
 *
 * @param order         p, NaN when fewer than two depths or a nonpositive error
 * @param intercept     c
 * @param standardError se(p)
 * @param low           p - t se(p)
 * @param high          p + t se(p)
 */
public record OrderFit(double order, double intercept, double standardError, double low,
        double high) {

    /** Confidence level of the interval. */
    public static final double LEVEL = 0.95;

    /**
     * Fits the order.
     *
     * @param depths the depths L, at least 1 each; read only
     * @param errors the error at each depth; read only
     */
    public static OrderFit fit(int[] depths, double[] errors) {
        if (depths.length != errors.length) {
            throw new IllegalArgumentException(depths.length + " depths but " + errors.length
                    + " errors");
        }
        int n = depths.length;
        double nan = Double.NaN;
        if (n < 2) {
            return new OrderFit(nan, nan, nan, nan, nan);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (depths[i] < 1) {
                throw new IllegalArgumentException("depth " + depths[i] + " must be >= 1");
            }
            if (!(errors[i] > 0) || !Double.isFinite(errors[i])) {
                return new OrderFit(nan, nan, nan, nan, nan);
            }
            x[i] = -Math.log(depths[i]);
            y[i] = Math.log(errors[i]);
        }

        // slope and intercept
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        if (!(sxx > 0)) {
            return new OrderFit(nan, nan, nan, nan, nan);
        }
        double p = sxy / sxx;
        double c = my - p * mx;
        if (n < 3) {
            return new OrderFit(p, c, nan, nan, nan);
        }

        // standard error from the residuals, t interval
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - c - p * x[i];
            rss += r * r;
        }
        double se = Math.sqrt(rss / (n - 2) / sxx);
        double t = new TDistribution(null, n - 2)
                .inverseCumulativeProbability(0.5 + LEVEL / 2);
        return new OrderFit(p, c, se, p - t * se, p + t * se);
    }

    /** The slope alone, for bootstrap resamples; NaN as in {@link #fit}. */
    static double slope(double[] logInverseDepths, double[] errors) {
        int n = errors.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            if (!(errors[i] > 0) || !Double.isFinite(errors[i])) {
                return Double.NaN;
            }
            mx += logInverseDepths[i];
            my += Math.log(errors[i]);
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double dx = logInverseDepths[i] - mx;
            sxx += dx * dx;
            sxy += dx * (Math.log(errors[i]) - my);
        }
        return sxx > 0 ? sxy / sxx : Double.NaN;
    }
}
