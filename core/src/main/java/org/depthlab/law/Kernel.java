package org.depthlab.law;

import java.math.BigDecimal;

/**
 * A stationary covariance kernel kappa(r) on [0, 1], r = |s - t|, with unit variance
 * kappa(0) = 1.
 *
 * <ul>
 *   <li>{@code rbf:ell}: kappa(r) = exp(-r^2 / (2 ell^2)); sample paths are C-infinity.</li>
 *   <li>{@code matern:nu:ell}, nu in {1/2, 3/2, 5/2}, with the closed forms
 *     <ul>
 *       <li>nu = 1/2: kappa(r) = exp(-r / ell) (Ornstein–Uhlenbeck),</li>
 *       <li>nu = 3/2: kappa(r) = (1 + sqrt(3) r / ell) exp(-sqrt(3) r / ell),</li>
 *       <li>nu = 5/2: kappa(r) = (1 + sqrt(5) r / ell + 5 r^2 / (3 ell^2))
 *           exp(-sqrt(5) r / ell);</li>
 *     </ul>
 *     sample paths are Hölder of every order below min(nu, 1) and differentiable for nu &gt; 1
 *     (Rasmussen and Williams, <i>Gaussian Processes for Machine Learning</i>, 2006, §4.2.1).
 *   </li>
 * </ul>
 *
 * <p>Instances are immutable values (equal when family and parameters are equal).
 */
public final class Kernel {

    /** The smoothness values nu of the Matern family that have closed forms, as text. */
    public static final String MATERN_NU_VALUES = "0.5, 1.5, 2.5";

    private static final double SQRT3 = Math.sqrt(3.0);
    private static final double SQRT5 = Math.sqrt(5.0);

    private enum Family { RBF, MATERN }

    private final Family family;
    private final double nu;
    private final double ell;

    private Kernel(Family family, double nu, double ell) {
        this.family = family;
        this.nu = nu;
        this.ell = ell;
    }

    /**
     * The squared-exponential kernel exp(-r^2 / (2 ell^2)).
     *
     * @param ell length scale, positive and finite
     * @throws IllegalArgumentException if ell is not positive and finite
     */
    public static Kernel rbf(double ell) {
        checkLengthScale("rbf", ell);
        return new Kernel(Family.RBF, Double.NaN, ell);
    }

    /**
     * The Matern kernel of smoothness nu in {0.5, 1.5, 2.5} and length scale ell (closed forms
     * in the class comment).
     *
     * @throws IllegalArgumentException if nu is not one of 0.5, 1.5, 2.5, or ell is not positive
     *                                  and finite
     */
    public static Kernel matern(double nu, double ell) {
        if (nu != 0.5 && nu != 1.5 && nu != 2.5) {
            throw new IllegalArgumentException("matern smoothness nu must be one of "
                    + MATERN_NU_VALUES + " (the closed forms), got " + format(nu));
        }
        checkLengthScale("matern", ell);
        return new Kernel(Family.MATERN, nu, ell);
    }

    private static void checkLengthScale(String family, double ell) {
        if (!(ell > 0.0) || ell == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(family + " length scale ell must be positive and"
                    + " finite, got " + format(ell));
        }
    }

    /** kappa(|distance|); 1 at distance 0, decreasing in |distance|. */
    public double at(double distance) {
        double r = Math.abs(distance) / ell;
        if (family == Family.RBF) {
            return Math.exp(-0.5 * r * r);
        }
        if (nu == 0.5) {
            return Math.exp(-r);
        }
        if (nu == 1.5) {
            double s = SQRT3 * r;
            return (1.0 + s) * Math.exp(-s);
        }
        double s = SQRT5 * r;
        return (1.0 + s + s * s / 3.0) * Math.exp(-s);
    }

    /** The specification this kernel parses from: {@code rbf:ell} or {@code matern:nu:ell}. */
    public String spec() {
        return family == Family.RBF ? "rbf:" + format(ell)
                : "matern:" + format(nu) + ":" + format(ell);
    }

    /**
     * Hölder exponent of sample paths, capped at 1: 1 for {@code rbf} (smooth), min(nu, 1) for
     * {@code matern} (paths are Hölder of every order strictly below that value).
     */
    public double regularity() {
        return family == Family.RBF ? 1.0 : Math.min(nu, 1.0);
    }

    /** The length scale ell. */
    public double lengthScale() {
        return ell;
    }

    /** The Matern smoothness nu; NaN for {@code rbf}. */
    public double nu() {
        return nu;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Kernel)) {
            return false;
        }
        Kernel k = (Kernel) o;
        return family == k.family && Double.compare(ell, k.ell) == 0
                && Double.compare(nu, k.nu) == 0;
    }

    @Override
    public int hashCode() {
        return (family.hashCode() * 31 + Double.hashCode(nu)) * 31 + Double.hashCode(ell);
    }

    @Override
    public String toString() {
        return spec();
    }

    /**
     * The shortest decimal text that parses back to exactly {@code v}, without exponent or
     * trailing zeros: 0.7 gives "0.7", 2.0 gives "2". Non-finite values print as Java does.
     */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == 0.0) {
            return "0";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
