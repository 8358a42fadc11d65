package org.depthlab.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;

/**
 * The weights of one scaled residual network and its branch scale alpha.
 *
 * <p>Layouts (row-major, matrices out x in like {@code torch.nn.Linear.weight}):
 * <ul>
 *   <li>{@code a}: width x inputDim; {@code b}: outputDim x width;</li>
 *   <li>{@code v}, {@code w}: depth x width x width, layer k at offset {@code k*width*width};</li>
 *   <li>{@code bias}: depth x width, or {@code null}.</li>
 * </ul>
 *
 * <p>The arrays are shared, not copied: {@link #withAlpha} returns a network with another scale
 * over the same weights (one draw serves every beta of a sweep), and a training step updates
 * them in place. {@code w} is {@code null} unless the block is res3.
 */
public final class ResNet {

    /** Sub-stream indices of a network key; fixed so that files stay reproducible. */
    static final long STREAM_A = 0;
    static final long STREAM_B = 1;
    static final long STREAM_V = 2;
    static final long STREAM_W = 3;

    private final NetworkSpec spec;
    private final double alpha;
    private final double[] a;
    private final double[] b;
    private final double[] v;
    private final double[] w;
    private final double[] bias;

    private ResNet(NetworkSpec spec, double alpha, double[] a, double[] b, double[] v,
            double[] w, double[] bias) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("alpha must be finite, got " + alpha);
        }
        this.spec = spec;
        this.alpha = alpha;
        this.a = a;
        this.b = b;
        this.v = v;
        this.w = w;
        this.bias = bias;
    }

    /**
     * Draws a network at initialization from the stream {@code key}: A, B, V and W each from
     * their own sub-stream, biases zero.
     */
    public static ResNet draw(NetworkSpec spec, double alpha, long key) {
        return redraw(spec, alpha, key, null);
    }

    /**
     * As {@link #draw}, but writes the weights into the arrays of {@code recycled} when it is a
     * network of the same spec (the result then shares, and overwrites, its arrays); otherwise
     * allocates. Draws of many large networks in a row then reuse one set of arrays instead of
     * allocating (and zeroing) hundreds of megabytes per network. The weights are those
     * {@link #draw} gives for the same key.
     *
     * @param recycled a network whose arrays may be overwritten, or null
     */
    public static ResNet redraw(NetworkSpec spec, double alpha, long key, ResNet recycled) {
        int d = spec.width();
        int depth = spec.depth();
        boolean reuse = recycled != null && recycled.spec.equals(spec);
        double[] a = reuse ? recycled.a : new double[d * spec.inputDim()];
        double[] b = reuse ? recycled.b : new double[spec.outputDim() * d];
        outer(spec.outerInit(), spec.inputDim(), Streams.child(key, STREAM_A), a);
        outer(spec.outerInit(), d, Streams.child(key, STREAM_B), b);

        double[] v = reuse ? recycled.v : new double[depth * d * d];
        spec.lawV().sample(depth, d, d, Streams.child(key, STREAM_V), v);
        double[] w = null;
        double[] bias = null;
        if (spec.block().hasInnerWeights()) {
            w = reuse ? recycled.w : new double[depth * d * d];
            spec.lawW().sample(depth, d, d, Streams.child(key, STREAM_W), w);
            if (spec.bias()) {
                bias = reuse ? recycled.bias : new double[depth * d];
                java.util.Arrays.fill(bias, 0.0);
            }
        }
        return new ResNet(spec, alpha, a, b, v, w, bias);
    }

    /**
     * Wraps given weights (not copied).
     *
     * @throws IllegalArgumentException if an array is missing or has the wrong length
     */
    public static ResNet of(NetworkSpec spec, double alpha, double[] a, double[] b, double[] v,
            double[] w, double[] bias) {
        int d = spec.width();
        checkLength("A", a, (long) d * spec.inputDim());
        checkLength("B", b, (long) spec.outputDim() * d);
        checkLength("V", v, (long) spec.depth() * d * d);
        if (spec.block().hasInnerWeights()) {
            checkLength("W", w, (long) spec.depth() * d * d);
            if (spec.bias()) {
                checkLength("bias", bias, (long) spec.depth() * d);
            } else if (bias != null) {
                throw new IllegalArgumentException("bias given but the spec has bias=false");
            }
        } else if (w != null || bias != null) {
            throw new IllegalArgumentException("W and bias exist only for res3, block is "
                    + spec.block().spec());
        }
        return new ResNet(spec, alpha, a, b, v, w, bias);
    }

    private static void checkLength(String name, double[] x, long expected) {
        if (x == null || x.length != expected) {
            throw new IllegalArgumentException(name + " must hold " + expected + " values, got "
                    + (x == null ? "null" : x.length));
        }
    }

    private static void outer(OuterInit init, int fanIn, long key, double[] out) {
        UniformRandomProvider rng = Streams.generator(key);
        if (init == OuterInit.UNIFORM) {
            double bound = Math.sqrt(3.0 / fanIn);
            Draws.uniform(rng, out, 0, out.length, -bound, bound);
        } else {
            Draws.gaussian(rng, out, 0, out.length, Math.sqrt(1.0 / fanIn));
        }
    }

    /** The same weights under another branch scale. */
    public ResNet withAlpha(double newAlpha) {
        return new ResNet(spec, newAlpha, a, b, v, w, bias);
    }

    /** The same weights under alpha = depth^(-beta). */
    public ResNet withBeta(double beta) {
        return withAlpha(spec.alpha(beta));
    }

    public NetworkSpec spec() {
        return spec;
    }

    public double alpha() {
        return alpha;
    }

    /** Input layer A, width x inputDim; the live array. */
    public double[] a() {
        return a;
    }

    /** Output layer B, outputDim x width; the live array. */
    public double[] b() {
        return b;
    }

    /** Outer branch weights V, depth x width x width; the live array. */
    public double[] v() {
        return v;
    }

    /** Inner branch weights W (res3), depth x width x width, or null; the live array. */
    public double[] w() {
        return w;
    }

    /** Biases (res3 with bias), depth x width, or null; the live array. */
    public double[] bias() {
        return bias;
    }
}
