package org.depthlab.metrics;

/**
 * The three behaviours of a deep residual network at initialization, read from
 * log10 of {@code hidden_diff} (or {@code grad_diff}).
 */
public enum Regime {
    /** The signal blows up: log10 ratio at or above the upper threshold, or not finite. */
    EXPLOSION,
    /** The network neither explodes nor collapses. */
    NON_TRIVIAL,
    /** The residual branches vanish: the network is close to the identity. */
    IDENTITY;

    /** Default upper threshold on log10 of the difference ratio (a factor 10). */
    public static final double DEFAULT_EXPLOSION_LOG10 = 1.0;
    /** Default lower threshold on log10 of the difference ratio (a factor 1/10). */
    public static final double DEFAULT_IDENTITY_LOG10 = -1.0;

    /** Classifies with the default thresholds +1 and -1. */
    public static Regime classify(double diffRatio) {
        return classify(diffRatio, DEFAULT_IDENTITY_LOG10, DEFAULT_EXPLOSION_LOG10);
    }

    /**
     * Classifies a difference ratio: explosion if log10(ratio) &gt;= upper or the ratio is
     * infinite or NaN, identity if log10(ratio) &lt;= lower, non-trivial otherwise.
     *
     * @throws IllegalArgumentException unless lower &lt; upper, both finite, and the ratio is
     *                                  not negative
     */
    public static Regime classify(double diffRatio, double lowerLog10, double upperLog10) {
        if (!(Double.isFinite(lowerLog10) && Double.isFinite(upperLog10)
                && lowerLog10 < upperLog10)) {
            throw new IllegalArgumentException("regime thresholds must be finite with"
                    + " lower < upper, got lower=" + lowerLog10 + ", upper=" + upperLog10);
        }
        if (Double.isNaN(diffRatio) || Double.isInfinite(diffRatio)) {
            return EXPLOSION;
        }
        if (diffRatio < 0) {
            throw new IllegalArgumentException("a difference ratio is a quotient of norms and"
                    + " cannot be negative, got " + diffRatio);
        }
        double l = Math.log10(diffRatio);
        if (l >= upperLog10) {
            return EXPLOSION;
        }
        if (l <= lowerLog10) {
            return IDENTITY;
        }
        return NON_TRIVIAL;
    }

    /** Lower-case name used in files: explosion, non-trivial, identity. */
    public String spec() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
