package org.depthlab.nn;

/**
 * Forward and backward passes of a {@link ResNet} over a batch of inputs, hand-derived, in
 * double precision, with every buffer allocated once and reused.
 *
 * <p>Forward: {@code h_0 = A x}, {@code h_{k+1} = h_k + alpha f_{k+1}(h_k)}, {@code F = B h_L},
 * keeping the whole trajectory h_0 .. h_L (and the pre-activations of res2 and res3).
 *
 * <p>Backward, given g_F = dl/dF for each input, with g_k = dl/dh_k:
 * <pre>
 *   g_L = B^T g_F
 *   res1: g_k = g_{k+1} + alpha sigma'(h_k) . (V^T g_{k+1})
 *         dV += alpha g_{k+1} sigma(h_k)^T
 *   res2: z = V h_k, e = alpha sigma'(z) . g_{k+1}; g_k = g_{k+1} + V^T e
 *         dV += e h_k^T
 *   res3: z = W h_k + b, e = sigma'(z) . (alpha V^T g_{k+1}); g_k = g_{k+1} + W^T e
 *         dV += alpha g_{k+1} sigma(z)^T, dW += e h_k^T, db += e
 *   dB += g_F h_L^T, dA += g_0 x^T
 * </pre>
 * Weight gradients are summed over the batch; g_k is kept per input for every k.
 *
 * <p>A propagator is sized for one (spec, batch capacity) and is not thread-safe: use one per
 * thread. Overflow in an exploding network yields infinities and NaNs in the outputs, never an
 * exception.
 */
public final class Propagator {

    private final NetworkSpec spec;
    private final int capacity;
    private final int d;
    private final int depth;

    private final double[] x;        // batch x inputDim, copy of the last inputs
    private final double[] hs;       // (depth+1) x batch x d
    private final double[] zs;       // depth x batch x d, pre-activations (res2, res3)
    private final double[] gs;       // (depth+1) x batch x d
    private final double[] out;      // batch x outputDim
    private final double[] tmp;      // batch x d
    private final double[] tmp2;     // batch x d
    private final double[] alphas;   // batch, the branch scale of each input
    private int batch;
    private boolean forwardDone;

    /**
     * @param spec     the networks this propagator will run
     * @param capacity the largest batch it will be given, at least 1
     */
    public Propagator(NetworkSpec spec, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1, got " + capacity);
        }
        this.spec = spec;
        this.capacity = capacity;
        this.d = spec.width();
        this.depth = spec.depth();
        long states = (long) (depth + 1) * capacity * d;
        if (states > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("(depth+1) * batch * width = " + states
                    + " exceeds the largest Java array; reduce the batch");
        }
        x = new double[capacity * spec.inputDim()];
        hs = new double[(int) states];
        zs = spec.block() == Block.RES1 ? null : new double[depth * capacity * d];
        gs = new double[(int) states];
        out = new double[capacity * spec.outputDim()];
        tmp = new double[capacity * d];
        tmp2 = new double[capacity * d];
        alphas = new double[capacity];
    }

    public NetworkSpec spec() {
        return spec;
    }

    public int capacity() {
        return capacity;
    }

    /**
     * Runs the forward pass for {@code batch} inputs stored at {@code inputs[b*inputDim + j]},
     * all with the network's alpha. Reads {@code inputs} only; the trajectory and outputs stay in
     * this propagator.
     */
    public void forward(ResNet net, double[] inputs, int batch) {
        checkBatch(batch);
        java.util.Arrays.fill(alphas, 0, batch, net.alpha());
        run(net, inputs, batch);
    }

    /**
     * Runs the forward pass with a branch scale per input: input b sees the weights of
     * {@code net} scaled by {@code inputAlphas[b]} (the network's own alpha is ignored). One
     * pass over the weights then serves every beta of a sweep. Reads its arrays only.
     */
    public void forward(ResNet net, double[] inputs, int batch, double[] inputAlphas) {
        checkBatch(batch);
        if (inputAlphas.length < batch) {
            throw new IllegalArgumentException("alphas hold " + inputAlphas.length
                    + " values, expected one per input (" + batch + ")");
        }
        for (int b = 0; b < batch; b++) {
            if (!Double.isFinite(inputAlphas[b])) {
                throw new IllegalArgumentException("alpha of input " + b + " must be finite, got "
                        + inputAlphas[b]);
            }
        }
        System.arraycopy(inputAlphas, 0, alphas, 0, batch);
        run(net, inputs, batch);
    }

    private void checkBatch(int batch) {
        if (batch < 1 || batch > capacity) {
            throw new IllegalArgumentException("batch must lie in [1, " + capacity + "], got "
                    + batch);
        }
    }

    private void run(ResNet net, double[] inputs, int batch) {
        checkNet(net);
        int nIn = spec.inputDim();
        if (inputs.length < batch * nIn) {
            throw new IllegalArgumentException("inputs hold " + inputs.length
                    + " values, expected batch * inputDim = " + batch * nIn);
        }
        this.batch = batch;
        System.arraycopy(inputs, 0, x, 0, batch * nIn);
        Activation sigma = spec.activation();
        double[] v = net.v();
        double[] w = net.w();
        double[] bias = net.bias();
        int n = batch * d;
        int dd = d * d;

        // input layer
        Dense.multiplyTransposed(net.a(), 0, d, nIn, x, 0, batch, hs, 0);

        // the L residual blocks
        for (int k = 0; k < depth; k++) {
            int h = k * n;
            int next = h + n;
            switch (spec.block()) {
                case RES1:
                    sigma.apply(hs, h, tmp, 0, n);
                    Dense.multiplyTransposed(v, k * dd, d, d, tmp, 0, batch, tmp2, 0);
                    addScaled(hs, h, tmp2, 0, hs, next, batch);
                    break;
                case RES2:
                    Dense.multiplyTransposed(v, k * dd, d, d, hs, h, batch, zs, h);
                    sigma.apply(zs, h, tmp, 0, n);
                    addScaled(hs, h, tmp, 0, hs, next, batch);
                    break;
                case RES3:
                    Dense.multiplyTransposed(w, k * dd, d, d, hs, h, batch, zs, h);
                    if (bias != null) {
                        for (int bb = 0; bb < batch; bb++) {
                            for (int i = 0; i < d; i++) {
                                zs[h + bb * d + i] += bias[k * d + i];
                            }
                        }
                    }
                    sigma.apply(zs, h, tmp, 0, n);
                    Dense.multiplyTransposed(v, k * dd, d, d, tmp, 0, batch, tmp2, 0);
                    addScaled(hs, h, tmp2, 0, hs, next, batch);
                    break;
                default:
                    throw new IllegalStateException("unhandled block " + spec.block());
            }
        }

        // output layer
        Dense.multiplyTransposed(net.b(), 0, spec.outputDim(), d, hs, depth * n, batch, out, 0);
        forwardDone = true;
    }

    /**
     * Runs the backward pass of the last forward pass.
     *
     * @param net     the network of the last {@link #forward}
     * @param dOutput dl/dF per input, {@code dOutput[b*outputDim + o]}; read only
     * @param grads   receives weight gradients summed over the batch (added to what it holds),
     *                or {@code null} to compute only dl/dh_k (cheaper by half)
     */
    public void backward(ResNet net, double[] dOutput, Gradients grads) {
        checkNet(net);
        if (!forwardDone) {
            throw new IllegalStateException("backward called before forward");
        }
        int nOut = spec.outputDim();
        if (dOutput.length < batch * nOut) {
            throw new IllegalArgumentException("dOutput holds " + dOutput.length
                    + " values, expected batch * outputDim = " + batch * nOut);
        }
        Activation sigma = spec.activation();
        double[] v = net.v();
        double[] w = net.w();
        int n = batch * d;
        int dd = d * d;
        boolean weights = grads != null;

        // output layer: g_L = B^T g_F
        int last = depth * n;
        java.util.Arrays.fill(gs, last, last + n, 0.0);
        Dense.addMultiplied(net.b(), 0, nOut, d, dOutput, 0, batch, 1.0, gs, last);
        if (weights) {
            Dense.addOuter(dOutput, 0, nOut, hs, last, d, batch, 1.0, grads.b(), 0);
        }

        // the L blocks, last to first
        for (int k = depth - 1; k >= 0; k--) {
            int h = k * n;
            int next = h + n;
            System.arraycopy(gs, next, gs, h, n);
            switch (spec.block()) {
                case RES1:
                    java.util.Arrays.fill(tmp, 0, n, 0.0);
                    Dense.addMultiplied(v, k * dd, d, d, gs, next, batch, 1.0, tmp, 0);
                    scaleRows(tmp, batch);
                    sigma.multiplyByDerivative(hs, h, tmp, 0, n);
                    addInPlace(gs, h, tmp, 0, n);
                    if (weights) {
                        sigma.apply(hs, h, tmp2, 0, n);
                        scaleRows(tmp2, batch);
                        Dense.addOuter(gs, next, d, tmp2, 0, d, batch, 1.0, grads.v(), k * dd);
                    }
                    break;
                case RES2:
                    System.arraycopy(gs, next, tmp, 0, n);
                    scaleRows(tmp, batch);
                    sigma.multiplyByDerivative(zs, h, tmp, 0, n);
                    Dense.addMultiplied(v, k * dd, d, d, tmp, 0, batch, 1.0, gs, h);
                    if (weights) {
                        Dense.addOuter(tmp, 0, d, hs, h, d, batch, 1.0, grads.v(), k * dd);
                    }
                    break;
                case RES3:
                    java.util.Arrays.fill(tmp, 0, n, 0.0);
                    Dense.addMultiplied(v, k * dd, d, d, gs, next, batch, 1.0, tmp, 0);
                    scaleRows(tmp, batch);
                    sigma.multiplyByDerivative(zs, h, tmp, 0, n);
                    Dense.addMultiplied(w, k * dd, d, d, tmp, 0, batch, 1.0, gs, h);
                    if (weights) {
                        sigma.apply(zs, h, tmp2, 0, n);
                        scaleRows(tmp2, batch);
                        Dense.addOuter(gs, next, d, tmp2, 0, d, batch, 1.0, grads.v(), k * dd);
                        Dense.addOuter(tmp, 0, d, hs, h, d, batch, 1.0, grads.w(), k * dd);
                        if (grads.bias() != null) {
                            double[] db = grads.bias();
                            for (int bb = 0; bb < batch; bb++) {
                                for (int i = 0; i < d; i++) {
                                    db[k * d + i] += tmp[bb * d + i];
                                }
                            }
                        }
                    }
                    break;
                default:
                    throw new IllegalStateException("unhandled block " + spec.block());
            }
        }

        // input layer
        if (weights) {
            Dense.addOuter(gs, 0, d, x, 0, spec.inputDim(), batch, 1.0, grads.a(), 0);
        }
    }

    private void checkNet(ResNet net) {
        if (net.spec() != spec && !net.spec().equals(spec)) {
            throw new IllegalArgumentException("network spec differs from the propagator's spec");
        }
    }

    /** out_b = x_b + alpha_b y_b for each input b of the batch (rows of length d). */
    private void addScaled(double[] x, int xOff, double[] y, int yOff, double[] out, int outOff,
            int batch) {
        for (int b = 0; b < batch; b++) {
            double a = alphas[b];
            int o = b * d;
            for (int i = 0; i < d; i++) {
                out[outOff + o + i] = x[xOff + o + i] + a * y[yOff + o + i];
            }
        }
    }

    /** Multiplies row b of {@code x} (length d) by alpha_b, in place. */
    private void scaleRows(double[] x, int batch) {
        for (int b = 0; b < batch; b++) {
            double a = alphas[b];
            int o = b * d;
            for (int i = 0; i < d; i++) {
                x[o + i] *= a;
            }
        }
    }

    private static void addInPlace(double[] x, int xOff, double[] y, int yOff, int n) {
        for (int i = 0; i < n; i++) {
            x[xOff + i] += y[yOff + i];
        }
    }

    /** Batch size of the last forward pass. */
    public int batch() {
        return batch;
    }

    /**
     * The trajectory: h_k of input b at {@code states()[(k*batch + b)*width + i]}, k = 0..L.
     * The live buffer, valid until the next forward pass.
     */
    public double[] states() {
        return hs;
    }

    /** dl/dh_k of input b at {@code stateGradients()[(k*batch + b)*width + i]}; live buffer. */
    public double[] stateGradients() {
        return gs;
    }

    /** F(x) of input b at {@code outputs()[b*outputDim + o]}; live buffer. */
    public double[] outputs() {
        return out;
    }

    /** Offset of h_k of input b in {@link #states()} (and of g_k in {@link #stateGradients()}). */
    public int offset(int k, int b) {
        return (k * batch + b) * d;
    }

    /** Copies h_k of input b into a new array. */
    public double[] state(int k, int b) {
        double[] h = new double[d];
        System.arraycopy(hs, offset(k, b), h, 0, d);
        return h;
    }

    /** Copies dl/dh_k of input b into a new array. */
    public double[] stateGradient(int k, int b) {
        double[] g = new double[d];
        System.arraycopy(gs, offset(k, b), g, 0, d);
        return g;
    }
}
