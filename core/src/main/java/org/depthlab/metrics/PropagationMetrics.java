package org.depthlab.metrics;

import org.depthlab.nn.Dense;
import org.depthlab.nn.Propagator;

/**
 * The four propagation ratios of the paper for one input, measured on h_0 and h_L and on the
 * state gradients g_0 = dl/dh_0 and g_L = dl/dh_L:
 *
 * <pre>
 *   hidden_ratio = |h_L| / |h_0|          hidden_diff = |h_L - h_0| / |h_0|
 *   grad_ratio   = |g_0| / |g_L|          grad_diff   = |g_L - g_0| / |g_L|
 * </pre>
 *
 * Norms are Euclidean and computed with scaling, so large finite values do not overflow. A norm
 * that overflows, or whose vector holds a NaN (born of Inf - Inf in an exploding pass), is
 * {@code Infinity}, and a ratio with an infinite numerator is {@code Infinity}: overflow is
 * recorded as {@code Infinity}, which {@link Regime#classify} reads as an explosion.
 */
public record PropagationMetrics(double hiddenRatio, double hiddenDiff, double gradRatio,
        double gradDiff) {

    /** Column names in files, in the order of the record components. */
    public static final String[] COLUMNS = {"hidden_ratio", "hidden_diff", "grad_ratio",
        "grad_diff"};

    /** Reads the metrics of input {@code b} after a forward and a backward pass. */
    public static PropagationMetrics of(Propagator p, int b) {
        int d = p.spec().width();
        int depth = p.spec().depth();
        double[] hs = p.states();
        double[] gs = p.stateGradients();
        int first = p.offset(0, b);
        int last = p.offset(depth, b);
        double h0 = Dense.norm(hs, first, d);
        double hL = Dense.norm(hs, last, d);
        double g0 = Dense.norm(gs, first, d);
        double gL = Dense.norm(gs, last, d);
        return new PropagationMetrics(
                ratio(hL, h0),
                ratio(Dense.distance(hs, last, hs, first, d), h0),
                ratio(g0, gL),
                ratio(Dense.distance(gs, last, gs, first, d), gL));
    }

    /** a / b where an infinite numerator stays infinite even over an infinite denominator. */
    static double ratio(double a, double b) {
        if (Double.isInfinite(a)) {
            return Double.POSITIVE_INFINITY;
        }
        return a / b;
    }

    /** The value of the named column. */
    public double get(String column) {
        switch (column) {
            case "hidden_ratio":
                return hiddenRatio;
            case "hidden_diff":
                return hiddenDiff;
            case "grad_ratio":
                return gradRatio;
            case "grad_diff":
                return gradDiff;
            default:
                throw new IllegalArgumentException("unknown metric '" + column
                        + "'; expected one of " + String.join(", ", COLUMNS));
        }
    }
}
