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
 * imaginary parts of one circulant-embedding FFT ({@link FractionalGaussianNoise#samplePair})
 * whose complex noise is drawn by {@code Streams.gaussians(Streams.child(key, p))}. An entry's
 * path therefore depends only on (key, e, L), not on threads or on the matrix shape beyond e.
 *
 * <p>One {@link FractionalGaussianNoise} (embedding eigenvalues) is computed per depth and cached;
 * the cache is thread-safe and grows with the number of distinct depths used.
 */
public final class FgnLaw implements WeightLaw {

    /** Entries drawn together before being scattered into the layers (an even number). */
    private static final int BLOCK_ENTRIES = 16;

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
     * Fills {@code out[k*rows*cols + i*cols + j] = M_k[i, j]}; allocates one FFT workspace
     * (4m doubles) and one block of 16 paths per call.
     */
    @Override
    public void sample(int depth, int rows, int cols, long key, double[] out) {
        WeightLaws.checkShape(depth, rows, cols, out);
        FractionalGaussianNoise fgn = noise(depth);
        int size = rows * cols;
        double scale = 1.0 / Math.sqrt(cols);
        double[] workspace = new double[fgn.workspaceLength()];
        double[] block = new double[BLOCK_ENTRIES * depth];

        for (int e0 = 0; e0 < size; e0 += BLOCK_ENTRIES) {
            int count = Math.min(BLOCK_ENTRIES, size - e0);

            // draw the paths of entries e0 .. e0+count-1, two per stream; path b at block[b*L ..]
            for (int b = 0; b < count; b += 2) {
                GaussianFiller noise = Streams.gaussians(Streams.child(key, (e0 + b) / 2));
                if (b + 1 < count) {
                    fgn.samplePair(noise, block, b * depth, block, (b + 1) * depth, scale,
                            workspace);
                } else {
                    fgn.sample(noise, block, b * depth, scale, workspace);
                }
            }

            // scatter: layer k receives count consecutive entries
            for (int k = 0; k < depth; k++) {
                int o = k * size + e0;
                for (int b = 0; b < count; b++) {
                    out[o + b] = block[b * depth + k];
                }
            }
        }
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
