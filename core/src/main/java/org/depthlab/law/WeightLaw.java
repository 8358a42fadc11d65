package org.depthlab.law;

/**
 * The law of a sequence of weight matrices M_0 .. M_{L-1} along depth.
 *
 * <p>Entries (i, j) are independent of each other and each has variance {@code 1/cols}
 * (the fan-in). The law says how one entry evolves with the layer index k: i.i.d. for white-noise
 * laws, as a stationary Gaussian sequence (fractional Gaussian noise, a sampled Gaussian
 * process) otherwise.
 *
 * <p>Layout of the output: {@code out[k*rows*cols + i*cols + j] = M_k[i, j]}, matrices stored
 * out x in (row-major), like {@code torch.nn.Linear.weight}.
 *
 * <p>Implementations are immutable and thread-safe; caches they keep (factorizations keyed by
 * depth) are safe to share between threads.
 */
public interface WeightLaw {

    /**
     * Draws the whole sequence.
     *
     * @param depth number of matrices L, at least 1
     * @param rows  rows of each matrix (fan-out), at least 1
     * @param cols  columns of each matrix (fan-in), at least 1; sets the entry variance 1/cols
     * @param key   stream key ({@link org.depthlab.random.Streams}); the law derives its own
     *              sub-streams from it, per layer or per entry
     * @param out   receives {@code depth*rows*cols} values; only this array is modified
     */
    void sample(int depth, int rows, int cols, long key, double[] out);

    /** The specification this law parses from, e.g. {@code fgn:0.7}. */
    String spec();

    /**
     * Correlation along depth of one entry between layers k and k + lag, for a network of the
     * given depth: 0 for every lag &gt; 0 for white noise, gamma(lag) for fGn, kappa(lag/L) for a
     * Gaussian process. Used by tests and plots.
     */
    double correlation(int lag, int depth);

    /**
     * Hölder regularity of one entry as a function of layer time k/L in the limit: 0 for white
     * noise (no regularity: increments of Brownian motion have exponent 1/2), H for fGn
     * (as increments of fBm of index H), and min(nu, 1) (capped) or 1 for smooth kernels.
     */
    double regularity();

    /** Whether entries are independent across layers (white noise). */
    default boolean independentAcrossLayers() {
        return false;
    }
}
