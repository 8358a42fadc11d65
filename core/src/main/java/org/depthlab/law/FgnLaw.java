package org.depthlab.law;

import java.util.concurrent.ConcurrentHashMap;
import org.depthlab.random.GaussianFiller;
import org.depthlab.random.Streams;

/**
 * Fractional Gaussian noise along depth, spec {@code fgn:H}: M_k[i, j] = G_k / sqrt(cols),
 * k = 0 .. L-1, with G a unit-variance fGn path of Hurst index H (0 &lt; H &lt; 1) and length L,
 * independent across entries. Correlation along depth gamma(lag) =
 * (|lag+1|^2H - 2|lag|^2H + |lag-1|^2H) / 2: H = 1/2 is i.i.d. N(0, 1/cols), H &gt; 1/2
 * positively correlated (long memory), H &lt; 1/2 anti-correlated.
 *
 * <p>Streams: entry e = i*cols + j belongs to pair p = e / 2; entries 2p and 2p+1 are the real and
 * imaginary parts of one circulant-embedding FFT whose complex noise is drawn by
 * {@code Streams.gaussians(Streams.child(key, p))}. The FFTs of up to {@link #PAIRS_PER_BATCH}
 * pairs run together ({@link FractionalGaussianNoise#samplePairs}), and a pair's paths are bitwise
 * the same whatever the batch, so an entry's path depends only on (key, e, L), not on threads, on
 * the batching or on the matrix shape beyond e. It agrees with what
 * {@link FractionalGaussianNoise#samplePair} draws from the same stream up to the rounding of the
 * FFT (about 1e-15 relative).
 *
 * <p>One {@link FractionalGaussianNoise} (embedding eigenvalues) is computed per depth and cached;
 * the cache is thread-safe and grows with the number of distinct depths used.
 */
public final class FgnLaw implements WeightLaw {

    /**
     * Pairs of entries whose FFTs run together ({@link FractionalGaussianNoise#samplePairs}), at
     * most: each butterfly is a loop over the pairs with a fixed cost of about 12 ns, which wide
     * batches amortize (at depth 1000, 64 pairs draw a 40 x 40 matrix about 5% faster than 32,
     * while 128 are no faster and double the workspace).
     */
    static final int PAIRS_PER_BATCH = 64;
    /**
     * Bound on pairs * M: keeps the batch's FFT rows (16 pairs M bytes plus 32 M bytes of array
     * headers) near 2 MiB for long paths; up to M = 2048 (depths up to 1024) it allows
     * {@link #PAIRS_PER_BATCH}.
     */
    private static final int BATCH_ROW_BUDGET = 1 << 17;

    private final double hurst;
    private final ConcurrentHashMap<Integer, FractionalGaussianNoise> noises =
            new ConcurrentHashMap<>();

    /**
     * @param hurst Hurst index H, 0 &lt; H &lt; 1, kept exactly as given
     * @throws IllegalArgumentException if H is outside (0, 1)
     */
    public FgnLaw(double hurst) {
        FractionalGaussianNoise.checkHurst(hurst);
        this.hurst = hurst;
    }

    /** The Hurst index H. */
    public double hurst() {
        return hurst;
    }

    /** Whether paths of this length fall back to Cholesky (embedding not nonnegative). */
    public boolean usesCholeskyFallback(int depth) {
        return noise(depth).usesCholeskyFallback();
    }

    /** The cached sampler of fGn paths of length {@code depth}. */
    FractionalGaussianNoise noise(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        return noises.computeIfAbsent(depth, n -> new FractionalGaussianNoise(hurst, n));
    }

    /**
     * Fills {@code out[k*rows*cols + i*cols + j] = M_k[i, j]}; allocates one batch workspace
     * ({@link FractionalGaussianNoise#newBatchWorkspace}, about 2.2 MB at depth 1000) per call.
     */
    @Override
    public void sample(int depth, int rows, int cols, long key, double[] out) {
        WeightLaws.checkShape(depth, rows, cols, out);
        FractionalGaussianNoise fgn = noise(depth);
        int size = rows * cols;
        int pairCount = (size + 1) / 2;
        int batch = Math.min(pairsPerBatch(fgn.embeddingSize()), pairCount);
        FractionalGaussianNoise.BatchWorkspace workspace = fgn.newBatchWorkspace(batch);
        GaussianFiller[] gaussians = new GaussianFiller[batch];
        double scale = 1.0 / Math.sqrt(cols);

        for (int p0 = 0; p0 < pairCount; p0 += batch) {
            int pairs = Math.min(batch, pairCount - p0);
            for (int b = 0; b < pairs; b++) {
                gaussians[b] = Streams.gaussians(Streams.child(key, p0 + b));
            }
            // entries 2 p0 .. are columns of the L x size block out[k*size + e]
            int e0 = 2 * p0;
            fgn.samplePairs(gaussians, Math.min(2 * pairs, size - e0), out, e0, size, scale,
                    workspace);
        }
    }

    /** Pairs per batch at embedding size M: {@link #PAIRS_PER_BATCH}, fewer for long paths. */
    static int pairsPerBatch(int embeddingSize) {
        return Math.max(1, Math.min(PAIRS_PER_BATCH, BATCH_ROW_BUDGET / embeddingSize));
    }

    @Override
    public String spec() {
        return "fgn:" + Kernel.format(hurst);
    }

    /** gamma(lag), independent of the depth. */
    @Override
    public double correlation(int lag, int depth) {
        return FractionalGaussianNoise.autocovariance(hurst, lag);
    }

    /** H: the entries are increments of a fractional Brownian motion of index H. */
    @Override
    public double regularity() {
        return hurst;
    }

    @Override
    public String toString() {
        return spec();
    }
}
