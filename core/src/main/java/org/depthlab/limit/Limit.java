package org.depthlab.limit;

import java.util.Locale;
import org.depthlab.law.FgnLaw;
import org.depthlab.law.GaussianProcessLaw;
import org.depthlab.law.IidLaw;
import org.depthlab.law.Kernel;
import org.depthlab.law.WeightLaw;

/**
 * A continuous-depth limit of a residual network and the scheme the network is for it
 * (Marion, Fermanian, Biau and Vert, <i>Scaling ResNets in the Large-depth Regime</i>, JMLR 2025,
 * sections on the neural SDE and neural ODE limits). Each limit declares, as data, its scaling
 * exponent, the weights it implies and the theoretical orders of the network as a scheme.
 *
 * <ul>
 *   <li>{@link NeuralSde}: i.i.d. Gaussian weights, beta = 1/2; the network is Euler–Maruyama
 *       for dH = dB sigma(H), strong order 1/2, weak order 1.</li>
 *   <li>{@link NeuralOde}: Gaussian-process weights V(k / L), beta = 1; explicit Euler for
 *       dH/dt = V(t) sigma(H), order 1.</li>
 *   <li>{@link FractionalSde}: fGn weights of index H in (1/2, 1), beta = H; the Euler scheme of
 *       the Young equation dH = dB^H sigma(H), strong order 2H - 1.</li>
 * </ul>
 */
public sealed interface Limit permits Limit.NeuralSde, Limit.NeuralOde, Limit.FractionalSde {

    /** The grammar of {@link #parse}, for error messages and {@code --help}. */
    String GRAMMAR = "sde | ode | fgn:H (1/2 < H < 1)";

    /** The kernel of the neural-ODE weights when none is given: rbf with ell = 0.1. */
    Kernel DEFAULT_KERNEL = Kernel.rbf(0.1);

    /** The specification: {@code sde}, {@code ode} or {@code fgn:H}. */
    String spec();

    /** The scaling exponent beta of alpha_L = L^-beta under which the limit exists. */
    double beta();

    /** Theoretical strong order of the network as a scheme for its limit. */
    double strongOrder();

    /** Theoretical weak order; NaN where the literature gives none we rely on. */
    double weakOrder();

    /** The law along depth of the network's V that the coupling reproduces. */
    WeightLaw law();

    /** The scheme the network is, for files. */
    String scheme();

    /** How the reference solution is computed, for files. */
    String reference();

    /**
     * Parses {@code sde}, {@code ode} or {@code fgn:H}.
     *
     * @param kernel the kernel of the ODE weights; ignored unless the kind is ode
     * @throws IllegalArgumentException naming the value and the rule
     */
    static Limit parse(String text, Kernel kernel) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("limit kind is empty; expected " + GRAMMAR);
        }
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("sde")) {
            return new NeuralSde();
        }
        if (s.equals("ode")) {
            return new NeuralOde(kernel == null ? DEFAULT_KERNEL : kernel);
        }
        if (s.startsWith("fgn:")) {
            String h = s.substring(4);
            double hurst;
            try {
                hurst = Double.parseDouble(h);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit kind '" + text + "': H = '" + h
                        + "' is not a number; expected " + GRAMMAR);
            }
            return new FractionalSde(hurst);
        }
        throw new IllegalArgumentException("unknown limit kind '" + text + "'; expected "
                + GRAMMAR);
    }

    /** Whether the network is driven by increments of a path ({@link CoupledNetworks#driven}). */
    default boolean driven() {
        return !(this instanceof NeuralOde);
    }

    /** dH_t = dB_t sigma(H_t), B a d x d Brownian motion of entry variance t / d. */
    record NeuralSde() implements Limit {

        @Override
        public String spec() {
            return "sde";
        }

        @Override
        public double beta() {
            return 0.5;
        }

        @Override
        public double strongOrder() {
            return 0.5;
        }

        @Override
        public double weakOrder() {
            return 1.0;
        }

        @Override
        public WeightLaw law() {
            return IidLaw.gaussian();
        }

        @Override
        public String scheme() {
            return new EulerMaruyama().name();
        }

        @Override
        public String reference() {
            return "euler-maruyama on the reference grid, same Brownian path";
        }
    }

    /**
     * dH/dt = V(t) sigma(H) (res-1) or sigma(V(t) H) (res-2), V(t)[i, j] = Z_ij(t) / sqrt(d),
     * Z_ij independent Gaussian processes of the given kernel.
     */
    record NeuralOde(Kernel kernel) implements Limit {

        public NeuralOde {
            if (kernel == null) {
                throw new IllegalArgumentException("the neural-ODE limit needs a kernel");
            }
        }

        @Override
        public String spec() {
            return "ode";
        }

        @Override
        public double beta() {
            return 1.0;
        }

        @Override
        public double strongOrder() {
            return 1.0;
        }

        /** Given the path the error is deterministic, so the weak order is the strong one. */
        @Override
        public double weakOrder() {
            return 1.0;
        }

        @Override
        public WeightLaw law() {
            return new GaussianProcessLaw(kernel);
        }

        @Override
        public String scheme() {
            return new ExplicitEuler().name();
        }

        @Override
        public String reference() {
            return "rk4 on the reference grid, same " + kernel.spec() + " path sampled at the"
                    + " reference half steps";
        }
    }

    /**
     * dH = dB^H sigma(H), B^H a d x d matrix of fBm of index H in (1/2, 1), entry variance
     * t^2H / d, a pathwise (Young) integral.
     */
    record FractionalSde(double hurst) implements Limit {

        /**
         * @throws IllegalArgumentException unless 1/2 &lt; H &lt; 1
         */
        public FractionalSde {
            if (!(hurst > 0.5 && hurst < 1.0)) {
                throw new IllegalArgumentException("fgn limit: Hurst index H must lie in"
                        + " (1/2, 1), got " + hurst + "; for H > 1/2 the network with beta = H"
                        + " is the Euler scheme of a Young equation (for H = 1/2 use sde)");
            }
        }

        @Override
        public String spec() {
            return "fgn:" + hurst;
        }

        @Override
        public double beta() {
            return hurst;
        }

        /**
         * 2H - 1, the asymptotic rate of the Euler scheme for Young equations (Hu, Liu and
         * Nualart, Ann. Appl. Probab. 26, 2016). Its leading error term is
         * (1/2) L^(1-2H) int sum_a e_a sigma' sigma(H_a) dt / d: only the quadratic variations
         * of the d diagonal entries have a mean, so it carries a factor 1/d. The second-order
         * terms of the other entries have mean zero and decay like L^(1/2 - 2H) for H &lt; 3/4;
         * with d = 10 they dominate up to L of about a thousand, and measured slopes over
         * moderate depths lie near 2H - 1/2 (H = 0.75, d = 10, L = 8 .. 128: about 1.0; over
         * L = 8 .. 1024: about 0.93, bending toward 0.5). With d = 1 the slope is near 2H - 1.
         */
        @Override
        public double strongOrder() {
            return 2.0 * hurst - 1.0;
        }

        @Override
        public double weakOrder() {
            return Double.NaN;
        }

        @Override
        public WeightLaw law() {
            return new FgnLaw(hurst);
        }

        @Override
        public String scheme() {
            return "euler (young)";
        }

        @Override
        public String reference() {
            return "the same euler recursion on the reference grid, same fBm path; orders are"
                    + " relative to that grid";
        }
    }
}
