package org.depthlab.lab.figure;

import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.metrics.PropagationMetrics;
import org.depthlab.metrics.SquaredLoss;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;

/**
 * Measures one network at many inputs and many beta in shared passes over its weights: column
 * (input i, beta j) of the batch runs with alpha_j = L^(-beta_j), so every layer's weights are
 * read once for all columns. Columns are processed in chunks of at most {@link #MAX_COLUMNS} to
 * bound the trajectory memory. One propagator is kept per thread.
 */
public final class BetaBatch {

    /** Largest number of columns in one pass: (L+1) x 140 x d doubles per stored trajectory. */
    public static final int MAX_COLUMNS = 140;

    private static final ThreadLocal<Propagator> CACHE = new ThreadLocal<>();

    private BetaBatch() {
    }

    /** Draws input x ~ U[0,1]^n_in and target y ~ U[0,1]^n_out from the stream {@code key}. */
    public static void drawInput(NetworkSpec spec, long key, double[] x, int xOff, double[] y,
            int yOff) {
        UniformRandomProvider rx = Streams.generator(Streams.child(key, 0));
        Draws.uniform(rx, x, xOff, spec.inputDim(), 0.0, 1.0);
        UniformRandomProvider ry = Streams.generator(Streams.child(key, 1));
        Draws.uniform(ry, y, yOff, spec.outputDim(), 0.0, 1.0);
    }

    /**
     * Returns {@code metrics[i][j]} for input i (x_i, y_i stored row-wise in {@code x}, {@code y})
     * and beta j; the loss is l = |B h_L - y|^2. Reads its arrays only.
     */
    public static PropagationMetrics[][] measure(ResNet net, double[] x, double[] y, int inputs,
            double[] betas) {
        NetworkSpec spec = net.spec();
        int nIn = spec.inputDim();
        int nOut = spec.outputDim();
        int columns = inputs * betas.length;
        int capacity = Math.min(columns, MAX_COLUMNS);
        Propagator p = CACHE.get();
        if (p == null || !p.spec().equals(spec) || p.capacity() < capacity) {
            p = new Propagator(spec, capacity);
            CACHE.set(p);
        }
        double[] cx = new double[capacity * nIn];
        double[] cy = new double[capacity * nOut];
        double[] alphas = new double[capacity];
        double[] dOut = new double[capacity * nOut];
        PropagationMetrics[][] out = new PropagationMetrics[inputs][betas.length];
        for (int start = 0; start < columns; start += capacity) {
            int n = Math.min(capacity, columns - start);
            for (int c = 0; c < n; c++) {
                int i = (start + c) / betas.length;
                int j = (start + c) % betas.length;
                System.arraycopy(x, i * nIn, cx, c * nIn, nIn);
                System.arraycopy(y, i * nOut, cy, c * nOut, nOut);
                alphas[c] = spec.alpha(betas[j]);
            }
            p.forward(net, cx, n, alphas);
            SquaredLoss.gradient(p.outputs(), cy, n, nOut, dOut);
            p.backward(net, dOut, null);
            for (int c = 0; c < n; c++) {
                out[(start + c) / betas.length][(start + c) % betas.length] =
                        PropagationMetrics.of(p, c);
            }
        }
        return out;
    }
}
