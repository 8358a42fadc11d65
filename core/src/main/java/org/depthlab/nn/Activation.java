package org.depthlab.nn;

import java.util.Locale;
import org.apache.commons.math3.special.Erf;

/**
 * A scalar activation sigma, applied entrywise, with its derivative.
 *
 * <p>Each activation declares whether it is Lipschitz and whether it is smooth (C^1 at least),
 * the two properties the paper's limit theorems ask for. Instances are immutable.
 *
 * <p>Specifications: {@code identity | relu | leaky-relu[:slope] | tanh | sigmoid | gelu}.
 * GELU is the exact x Phi(x), not the tanh approximation.
 */
public abstract class Activation {

    /** The grammar, for error messages and {@code --help}. */
    public static final String GRAMMAR = "identity | relu | leaky-relu[:slope] | tanh | sigmoid"
            + " | gelu";

    /** Default negative-side slope of leaky ReLU, as in PyTorch. */
    public static final double DEFAULT_LEAKY_SLOPE = 0.01;

    private final String spec;
    private final boolean lipschitz;
    private final boolean smooth;

    private Activation(String spec, boolean lipschitz, boolean smooth) {
        this.spec = spec;
        this.lipschitz = lipschitz;
        this.smooth = smooth;
    }

    /** sigma(z). */
    public abstract double apply(double z);

    /** sigma'(z); at a kink, the left derivative (relu'(0) = 0, as in PyTorch). */
    public abstract double derivative(double z);

    /** out[outOff + i] = sigma(z[zOff + i]) for i in [0, n). Modifies {@code out} only. */
    public void apply(double[] z, int zOff, double[] out, int outOff, int n) {
        for (int i = 0; i < n; i++) {
            out[outOff + i] = apply(z[zOff + i]);
        }
    }

    /** g[gOff + i] *= sigma'(z[zOff + i]) for i in [0, n). Modifies {@code g} only. */
    public void multiplyByDerivative(double[] z, int zOff, double[] g, int gOff, int n) {
        for (int i = 0; i < n; i++) {
            g[gOff + i] *= derivative(z[zOff + i]);
        }
    }

    /** The specification this activation parses from. */
    public String spec() {
        return spec;
    }

    /** Whether sigma is globally Lipschitz. */
    public boolean isLipschitz() {
        return lipschitz;
    }

    /** Whether sigma is continuously differentiable everywhere. */
    public boolean isSmooth() {
        return smooth;
    }

    @Override
    public String toString() {
        return spec;
    }

    /** Parses a specification; the message of a failure names the value and the grammar. */
    public static Activation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("activation is empty; expected " + GRAMMAR);
        }
        String s = spec.trim().toLowerCase(Locale.ROOT);
        switch (s) {
            case "identity":
            case "linear":
                return identity();
            case "relu":
                return relu();
            case "leaky-relu":
            case "leaky_relu":
            case "leakyrelu":
                return leakyRelu(DEFAULT_LEAKY_SLOPE);
            case "tanh":
                return tanh();
            case "sigmoid":
                return sigmoid();
            case "gelu":
                return gelu();
            default:
                break;
        }
        if (s.startsWith("leaky-relu:")) {
            String text = s.substring("leaky-relu:".length());
            double slope;
            try {
                slope = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + spec + "': slope '" + text
                        + "' is not a number");
            }
            return leakyRelu(slope);
        }
        throw new IllegalArgumentException("unknown activation '" + spec + "'; expected "
                + GRAMMAR);
    }

    public static Activation identity() {
        return Identity.INSTANCE;
    }

    public static Activation relu() {
        return Relu.INSTANCE;
    }

    /**
     * Leaky ReLU max(z, slope z) for slope in [0, 1).
     *
     * @throws IllegalArgumentException if the slope is not finite or outside [0, 1)
     */
    public static Activation leakyRelu(double slope) {
        return new LeakyRelu(slope);
    }

    public static Activation tanh() {
        return Tanh.INSTANCE;
    }

    public static Activation sigmoid() {
        return Sigmoid.INSTANCE;
    }

    public static Activation gelu() {
        return Gelu.INSTANCE;
    }

    private static final class Identity extends Activation {
        static final Identity INSTANCE = new Identity();

        Identity() {
            super("identity", true, true);
        }

        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        public double derivative(double z) {
            return 1.0;
        }

        @Override
        public void apply(double[] z, int zOff, double[] out, int outOff, int n) {
            System.arraycopy(z, zOff, out, outOff, n);
        }

        @Override
        public void multiplyByDerivative(double[] z, int zOff, double[] g, int gOff, int n) {
            // sigma' = 1: nothing to do
        }
    }

    private static final class Relu extends Activation {
        static final Relu INSTANCE = new Relu();

        Relu() {
            super("relu", true, false);
        }

        @Override
        public double apply(double z) {
            return Math.max(z, 0.0);
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public void apply(double[] z, int zOff, double[] out, int outOff, int n) {
            for (int i = 0; i < n; i++) {
                out[outOff + i] = Math.max(z[zOff + i], 0.0);
            }
        }

        @Override
        public void multiplyByDerivative(double[] z, int zOff, double[] g, int gOff, int n) {
            for (int i = 0; i < n; i++) {
                g[gOff + i] = z[zOff + i] > 0 ? g[gOff + i] : 0.0;
            }
        }
    }

    private static final class LeakyRelu extends Activation {
        private final double slope;

        LeakyRelu(double slope) {
            super("leaky-relu:" + slope, true, false);
            if (!(slope >= 0 && slope < 1)) {
                throw new IllegalArgumentException("leaky-relu slope must lie in [0, 1), got "
                        + slope);
            }
            this.slope = slope;
        }

        @Override
        public double apply(double z) {
            return z > 0 ? z : slope * z;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : slope;
        }
    }

    private static final class Tanh extends Activation {
        static final Tanh INSTANCE = new Tanh();

        Tanh() {
            super("tanh", true, true);
        }

        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }
    }

    private static final class Sigmoid extends Activation {
        static final Sigmoid INSTANCE = new Sigmoid();

        Sigmoid() {
            super("sigmoid", true, true);
        }

        @Override
        public double apply(double z) {
            return z >= 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
        }

        @Override
        public double derivative(double z) {
            double s = apply(z);
            return s * (1.0 - s);
        }
    }

    /** GELU z Phi(z), derivative Phi(z) + z phi(z). */
    private static final class Gelu extends Activation {
        static final Gelu INSTANCE = new Gelu();
        private static final double INV_SQRT2 = 1.0 / Math.sqrt(2.0);
        private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

        Gelu() {
            super("gelu", true, true);
        }

        private static double phiCdf(double z) {
            return 0.5 * Erf.erfc(-z * INV_SQRT2);
        }

        @Override
        public double apply(double z) {
            if (Double.isInfinite(z)) {
                return z > 0 ? z : 0.0;
            }
            return z * phiCdf(z);
        }

        @Override
        public double derivative(double z) {
            if (Double.isInfinite(z)) {
                return z > 0 ? 1.0 : 0.0;
            }
            return phiCdf(z) + z * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
        }
    }
}
