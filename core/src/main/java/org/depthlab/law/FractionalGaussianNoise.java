package org.depthlab.law;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.depthlab.random.GaussianFiller;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Exact sampler of unit-variance fractional Gaussian noise X_0 .. X_{n-1} of Hurst index H,
 * 0 &lt; H &lt; 1: a stationary centred Gaussian sequence with autocovariance
 * gamma(k) = (|k+1|^2H - 2|k|^2H + |k-1|^2H) / 2, the increments of fractional Brownian
 * motion on an integer grid.
 *
 * <p>Method: circulant embedding (Davies and Harte, Biometrika 74, 1987; Wood and Chan,
 * J. Comput. Graph. Stat. 3, 1994). The n x n Toeplitz covariance is embedded in the
 * symmetric circulant C of size M = 2m whose first row is
 * c_j = gamma(j) for 0 &lt;= j &lt;= m and c_j = gamma(M - j) for m &lt; j &lt; M, with
 * <b>m the smallest power of two &gt;= n</b> (so that the FFT has a power-of-two size). Its
 * eigenvalues lambda_k = sum_j c_j exp(-2 pi i jk / M) are computed once, in the constructor.
 * With W a complex vector whose real and imaginary parts are i.i.d. N(0, 1) and F the
 * unnormalized DFT matrix, X = F diag(sqrt(lambda / M)) W has E[X X^*] = 2C and
 * E[X X^T] = 0, hence Re X and Im X are <i>independent</i> N(0, C) vectors: one complex FFT of
 * length M gives two independent paths (their first n values). Cost per pair: 2M Gaussian
 * variates and one FFT, O(M log M).
 *
 * <p>For fGn the embedding eigenvalues are nonnegative for every H (Craigmile, J. Time Ser.
 * Anal. 24, 2003); rounding can make some slightly negative, and those within
 * {@link #NEGATIVE_EIGENVALUE_TOLERANCE} are set to zero. Should an eigenvalue be more negative
 * than that, the sampler falls back to the Cholesky factor of the n x n Toeplitz matrix
 * (O(n^3) once, O(n^2) per path) and {@link #usesCholeskyFallback()} reports it.
 *
 * <p>Noise: the sampling methods come in two forms, one taking a {@link GaussianFiller} (fast
 * exact ziggurat, used by {@link FgnLaw}) and one taking a {@link UniformRandomProvider}, whose
 * variates come from the commons-rng ziggurat. Both consume the standard normals in the same
 * order, so a path is the same function of its variates either way.
 *
 * <p>FFTs: one pair ({@link #samplePair}, {@link #sample}) is transformed by JTransforms; many
 * pairs at once ({@link #samplePairs}) by a {@link BatchedFft} that vectorizes across the pairs,
 * about twice as fast per pair at M = 2048. The two FFTs round differently, so a pair drawn by
 * {@link #samplePairs} agrees with the same pair drawn by {@link #samplePair} to about 1e-15
 * relative, not bitwise; within {@link #samplePairs} a pair's paths are bitwise a function of its
 * variates alone, whatever the other pairs of the batch.
 *
 * <p>Instances are immutable and thread-safe: callers pass the workspace (or {@code null} to
 * allocate one per call). For M &gt; 8192 JTransforms may run one FFT on several threads.
 */
public final class FractionalGaussianNoise {

    /**
     * Most negative embedding eigenvalue accepted, relative to the largest eigenvalue; values in
     * [-tol * max, 0) are rounding errors and are set to 0, more negative ones trigger the
     * Cholesky fallback.
     */
    public static final double NEGATIVE_EIGENVALUE_TOLERANCE = 1e-10;

    /** Largest supported path length (keeps the 4m-double workspace within one Java array). */
    public static final int MAX_LENGTH = 1 << 27;

    /** Largest batch of {@link #samplePairs}: far beyond any use, it bounds the staging tile. */
    public static final int MAX_BATCH_PAIRS = 1 << 20;

    /**
     * Rows of the embedding filled per call of a generator in {@link #samplePairs}: the variates
     * of all pairs for this many rows (2 * 16 per pair, 16 KiB for 64 pairs) are staged, then
     * transposed into the batched layout while they are in cache.
     */
    private static final int FILL_ROWS = 16;

    private final double hurst;
    private final int length;
    private final int embeddingSize;
    private final double minEigenvalueRatio;
    /** sqrt(max(lambda_k, 0) / M) for k &lt; M; null under the Cholesky fallback. */
    private final double[] amplitudes;
    private final DoubleFFT_1D fft;
    /** The FFT of {@link #samplePairs}; null under the Cholesky fallback. */
    private final BatchedFft batchedFft;
    /** Packed rows of the lower Cholesky factor: L[i][j] at i(i+1)/2 + j; null unless used. */
    private final double[] cholesky;

    /**
     * Prepares the sampler: embedding eigenvalues by one FFT of size M, or the Cholesky factor if
     * the embedding is not nonnegative.
     *
     * @param hurst  Hurst index H, 0 &lt; H &lt; 1
     * @param length path length n, 1 &lt;= n &lt;= {@link #MAX_LENGTH}
     * @throws IllegalArgumentException on H or n outside those ranges
     */
    public FractionalGaussianNoise(double hurst, int length) {
        this(hurst, length, false);
    }

    /** As the public constructor; {@code forceCholesky} selects the fallback (for tests). */
    FractionalGaussianNoise(double hurst, int length, boolean forceCholesky) {
        checkHurst(hurst);
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("fgn path length must lie in [1, " + MAX_LENGTH
                    + "], got " + length);
        }
        this.hurst = hurst;
        this.length = length;
        int m = Integer.highestOneBit(length);
        if (m < length) {
            m <<= 1;
        }
        this.embeddingSize = 2 * m;
        int size = embeddingSize;

        // eigenvalues of the circulant: FFT of its (real, symmetric) first row
        double[] a = new double[2 * size];
        for (int j = 0; j <= m; j++) {
            a[2 * j] = autocovariance(hurst, j);
        }
        for (int j = m + 1; j < size; j++) {
            a[2 * j] = a[2 * (size - j)];
        }
        DoubleFFT_1D transform = new DoubleFFT_1D(size);
        transform.complexForward(a);
        double max = 0.0;
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < size; k++) {
            max = Math.max(max, a[2 * k]);
            min = Math.min(min, a[2 * k]);
        }
        this.minEigenvalueRatio = min / max;

        // accept the embedding, or fall back to Cholesky
        if (!forceCholesky && minEigenvalueRatio >= -NEGATIVE_EIGENVALUE_TOLERANCE) {
            double[] amp = new double[size];
            for (int k = 0; k < size; k++) {
                amp[k] = Math.sqrt(Math.max(a[2 * k], 0.0) / size);
            }
            this.amplitudes = amp;
            this.fft = transform;
            this.batchedFft = new BatchedFft(size);
            this.cholesky = null;
        } else {
            this.amplitudes = null;
            this.fft = null;
            this.batchedFft = null;
            this.cholesky = toeplitzCholesky(hurst, length);
        }
    }

    /**
     * gamma(lag) = (|lag+1|^2H - 2|lag|^2H + |lag-1|^2H) / 2, the autocovariance of unit-variance
     * fGn; gamma(0) = 1, gamma(-lag) = gamma(lag), and gamma(lag) = 0 for lag != 0 when H = 1/2.
     */
    public static double autocovariance(double hurst, int lag) {
        checkHurst(hurst);
        double n = Math.abs((double) lag);
        double h2 = 2.0 * hurst;
        return 0.5 * (Math.pow(n + 1.0, h2) - 2.0 * Math.pow(n, h2)
                + Math.pow(Math.abs(n - 1.0), h2));
    }

    static void checkHurst(double hurst) {
        if (!(hurst > 0.0 && hurst < 1.0)) {
            throw new IllegalArgumentException("fgn Hurst index H must lie in (0, 1), got "
                    + Kernel.format(hurst));
        }
    }

    /** The Hurst index H. */
    public double hurst() {
        return hurst;
    }

    /** The path length n. */
    public int length() {
        return length;
    }

    /** The circulant size M = 2m, m the smallest power of two &gt;= n. */
    public int embeddingSize() {
        return embeddingSize;
    }

    /** Whether sampling uses the Cholesky factor: the embedding had a negative eigenvalue. */
    public boolean usesCholeskyFallback() {
        return cholesky != null;
    }

    /** min_k lambda_k / max_k lambda_k of the embedding (computed even under the fallback). */
    double minEigenvalueRatio() {
        return minEigenvalueRatio;
    }

    /** Length of the workspace that {@link #samplePair} and {@link #sample} need: 2M doubles. */
    public int workspaceLength() {
        return 2 * embeddingSize;
    }

    /**
     * Draws two independent fGn paths, multiplied by {@code scale}, from one complex FFT:
     * {@code out1[off1 + t] = scale * X_t}, {@code out2[off2 + t] = scale * Y_t}, t &lt; n. The
     * first path is the one {@link #sample} draws from the same generator state. Consumes 2M
     * Gaussian variates (2n under the fallback).
     *
     * @param rng       source of randomness; advanced
     * @param out1      receives the first path at [off1, off1 + n); must not overlap out2's range
     * @param out2      receives the second path at [off2, off2 + n)
     * @param scale     factor applied to both paths (1 for unit variance)
     * @param workspace at least {@link #workspaceLength()} doubles, overwritten; or {@code null}
     *                  to allocate one
     */
    public void samplePair(UniformRandomProvider rng, double[] out1, int off1, double[] out2,
            int off2, double scale, double[] workspace) {
        checkRange(out1, off1, "out1");
        checkRange(out2, off2, "out2");
        if (rng == null) {
            throw new IllegalArgumentException("random generator must not be null");
        }
        draw(rng, null, out1, off1, out2, off2, scale, workspace);
    }

    /**
     * As {@link #samplePair(UniformRandomProvider, double[], int, double[], int, double,
     * double[])}, with the 2M standard normals (2n under the fallback) drawn by {@code gaussians},
     * which is advanced.
     */
    public void samplePair(GaussianFiller gaussians, double[] out1, int off1, double[] out2,
            int off2, double scale, double[] workspace) {
        checkRange(out1, off1, "out1");
        checkRange(out2, off2, "out2");
        if (gaussians == null) {
            throw new IllegalArgumentException("Gaussian filler must not be null");
        }
        draw(null, gaussians, out1, off1, out2, off2, scale, workspace);
    }

    /**
     * Draws one fGn path times {@code scale} into {@code out[off, off + n)}: the first path of
     * {@link #samplePair} (same variates consumed, second path discarded).
     *
     * @param rng       source of randomness; advanced
     * @param out       modified at [off, off + n) only
     * @param workspace at least {@link #workspaceLength()} doubles, overwritten; or {@code null}
     */
    public void sample(UniformRandomProvider rng, double[] out, int off, double scale,
            double[] workspace) {
        checkRange(out, off, "out");
        if (rng == null) {
            throw new IllegalArgumentException("random generator must not be null");
        }
        draw(rng, null, out, off, null, 0, scale, workspace);
    }

    /**
     * As {@link #sample(UniformRandomProvider, double[], int, double, double[])}, with the
     * standard normals drawn by {@code gaussians}, which is advanced: the first path of
     * {@link #samplePair(GaussianFiller, double[], int, double[], int, double, double[])}.
     */
    public void sample(GaussianFiller gaussians, double[] out, int off, double scale,
            double[] workspace) {
        checkRange(out, off, "out");
        if (gaussians == null) {
            throw new IllegalArgumentException("Gaussian filler must not be null");
        }
        draw(null, gaussians, out, off, null, 0, scale, workspace);
    }

    /** Convenience: one unit-variance path in a new array of length n. */
    public double[] sample(UniformRandomProvider rng) {
        double[] out = new double[length];
        sample(rng, out, 0, 1.0, null);
        return out;
    }

    /**
     * Scratch space of {@link #samplePairs} for up to {@code pairs} pairs of this sampler: the
     * 2M rows of the batched FFT ({@code pairs} doubles each) and a staging tile of variates, or
     * under the Cholesky fallback two vectors of n doubles. Overwritten by every call; not
     * thread-safe (one per thread).
     */
    public static final class BatchWorkspace {

        private final int embeddingSize;
        private final int pairs;
        /** Real and imaginary parts, M rows of {@code pairs} doubles each; null under fallback. */
        private final double[][] re;
        private final double[][] im;
        /** pairs * 2 * FILL_ROWS variates, or 2n doubles (variates, then one path). */
        private final double[] staging;

        private BatchWorkspace(int embeddingSize, int pairs, double[][] re, double[][] im,
                double[] staging) {
            this.embeddingSize = embeddingSize;
            this.pairs = pairs;
            this.re = re;
            this.im = im;
            this.staging = staging;
        }

        /** The largest number of pairs one {@link #samplePairs} call may draw with it. */
        public int pairs() {
            return pairs;
        }
    }

    /**
     * A workspace for {@link #samplePairs} of up to {@code pairs} pairs; allocates 2M rows, M *
     * (16 * pairs + 32) bytes with the array headers (about 2.2 MB for 64 pairs at M = 2048), or
     * 2n doubles under the fallback.
     *
     * @param pairs at least 1 and at most {@link #MAX_BATCH_PAIRS}
     * @throws IllegalArgumentException if pairs is outside that range
     */
    public BatchWorkspace newBatchWorkspace(int pairs) {
        if (pairs < 1 || pairs > MAX_BATCH_PAIRS) {
            throw new IllegalArgumentException("fgn batch must hold between 1 and "
                    + MAX_BATCH_PAIRS + " pairs, got " + pairs);
        }
        if (cholesky != null) {
            return new BatchWorkspace(embeddingSize, pairs, null, null, new double[2 * length]);
        }
        double[][] re = new double[embeddingSize][];
        double[][] im = new double[embeddingSize][];
        for (int k = 0; k < embeddingSize; k++) {
            re[k] = new double[pairs];
            im[k] = new double[pairs];
        }
        return new BatchWorkspace(embeddingSize, pairs, re, im,
                new double[2 * FILL_ROWS * pairs]);
    }

    /**
     * Draws {@code paths} fGn paths times {@code scale} as the columns of an n x stride block:
     * {@code out[off + t*stride + i] = scale * X^(i)_t}, t &lt; n, i &lt; paths. Paths 2b and
     * 2b + 1 are the pair that {@link #samplePair(GaussianFiller, double[], int, double[], int,
     * double, double[])} draws from {@code gaussians[b]}: the same 2M variates (2n under the
     * fallback), consumed in the same order, one generator per pair. For odd {@code paths} the
     * last pair's second path is discarded (its variates are still consumed). The FFTs of all
     * pairs run together in a {@link BatchedFft}, so the values agree with samplePair's to
     * rounding (bitwise under the fallback), and a path is bitwise the same whatever the other
     * pairs of the call and the position b.
     *
     * @param gaussians one generator per pair, at least ceil(paths / 2) of them; each advanced
     * @param paths     number of paths, at least 1
     * @param out       modified at {@code [off + t*stride, off + t*stride + paths)}, t &lt; n, only
     * @param stride    distance between the rows of the block, at least {@code paths}
     * @param scale     factor applied to every path (1 for unit variance)
     * @param workspace from {@link #newBatchWorkspace} of this sampler, for at least ceil(paths /
     *                  2) pairs; overwritten
     * @throws IllegalArgumentException if an argument breaks the rules above
     */
    public void samplePairs(GaussianFiller[] gaussians, int paths, double[] out, int off,
            int stride, double scale, BatchWorkspace workspace) {
        if (paths < 1) {
            throw new IllegalArgumentException("number of fgn paths must be >= 1, got " + paths);
        }
        int pairs = (paths + 1) / 2;
        if (gaussians == null || gaussians.length < pairs) {
            throw new IllegalArgumentException(paths + " fgn paths need " + pairs
                    + " Gaussian fillers, got " + (gaussians == null ? "null" : gaussians.length));
        }
        for (int b = 0; b < pairs; b++) {
            if (gaussians[b] == null) {
                throw new IllegalArgumentException("Gaussian filler " + b + " is null");
            }
        }
        if (stride < paths) {
            throw new IllegalArgumentException("row stride " + stride + " of the output block"
                    + " is shorter than its " + paths + " columns");
        }
        if (out == null || off < 0
                || off + (long) (length - 1) * stride + paths > out.length) {
            throw new IllegalArgumentException(length + " x " + paths + " paths with stride "
                    + stride + " from offset " + off + " need " + (off + (long) (length - 1)
                    * stride + paths) + " values, but out holds "
                    + (out == null ? "null" : out.length));
        }
        if (workspace == null || workspace.embeddingSize != embeddingSize
                || (workspace.re == null) != (cholesky != null) || workspace.pairs < pairs) {
            throw new IllegalArgumentException("workspace must come from newBatchWorkspace of"
                    + " this sampler (M = " + embeddingSize + ") with at least " + pairs
                    + " pairs" + (workspace == null ? ", got null" : ", got one for M = "
                    + workspace.embeddingSize + " and " + workspace.pairs + " pairs"));
        }

        if (cholesky != null) {
            choleskyPairs(gaussians, paths, out, off, stride, scale, workspace.staging);
            return;
        }

        // noise: lane b of row k is sqrt(lambda_k / M) (U + i V), U and V the variates 2k and
        // 2k + 1 of generator b; staged FILL_ROWS rows at a time, then transposed
        double[][] re = workspace.re;
        double[][] im = workspace.im;
        double[] tile = workspace.staging;
        double[] amp = amplitudes;
        int tileStride = 2 * FILL_ROWS;
        for (int k0 = 0; k0 < embeddingSize; k0 += FILL_ROWS) {
            int count = Math.min(FILL_ROWS, embeddingSize - k0);
            for (int b = 0; b < pairs; b++) {
                gaussians[b].fill(tile, b * tileStride, 2 * count, 1.0);
            }
            for (int k = 0; k < count; k++) {
                double[] x = re[k0 + k];
                double[] y = im[k0 + k];
                double s = amp[k0 + k];
                int t = 2 * k;
                for (int b = 0; b < pairs; b++, t += tileStride) {
                    x[b] = tile[t] * s;
                    y[b] = tile[t + 1] * s;
                }
            }
        }

        // all pairs' FFTs at once
        batchedFft.forward(re, im, pairs);

        // real part of lane b to column 2b, imaginary part to column 2b + 1
        int whole = paths / 2;
        for (int t = 0; t < length; t++) {
            double[] x = re[t];
            double[] y = im[t];
            int o = off + t * stride;
            for (int b = 0; b < whole; b++) {
                out[o + 2 * b] = scale * x[b];
                out[o + 2 * b + 1] = scale * y[b];
            }
            if (whole < pairs) {
                out[o + 2 * whole] = scale * x[whole];
            }
        }
    }

    /** {@link #samplePairs} under the fallback: pair by pair, as {@link #draw} does. */
    private void choleskyPairs(GaussianFiller[] gaussians, int paths, double[] out, int off,
            int stride, double scale, double[] scratch) {
        // scratch[0, n): the variates of one path; scratch[n, 2n): the path
        for (int i = 0; i < paths + (paths & 1); i++) {
            GaussianFiller g = gaussians[i / 2];
            g.fill(scratch, 0, length, 1.0);
            if (i < paths) {
                lowerTimes(scratch, scratch, length, scale);
                for (int t = 0; t < length; t++) {
                    out[off + t * stride + i] = scratch[length + t];
                }
            }
        }
    }

    /** The shared body: the normals come from {@code gaussians} if not null, else from rng. */
    private void draw(UniformRandomProvider rng, GaussianFiller gaussians, double[] out1,
            int off1, double[] out2, int off2, double scale, double[] workspace) {
        double[] w = workspace;
        if (w == null) {
            w = new double[workspaceLength()];
        } else if (w.length < workspaceLength()) {
            throw new IllegalArgumentException("workspace holds " + w.length
                    + " values, expected at least " + workspaceLength());
        }
        ZigguratSampler.NormalizedGaussian gauss =
                gaussians == null ? ZigguratSampler.NormalizedGaussian.of(rng) : null;

        if (cholesky != null) {
            normals(gaussians, gauss, w, length);
            lowerTimes(w, out1, off1, scale);
            normals(gaussians, gauss, w, length);
            if (out2 != null) {
                lowerTimes(w, out2, off2, scale);
            }
            return;
        }

        // complex noise sqrt(lambda_k / M) (U_k + i V_k), then one FFT
        int size = embeddingSize;
        normals(gaussians, gauss, w, 2 * size);
        double[] amp = amplitudes;
        for (int k = 0; k < size; k++) {
            double s = amp[k];
            w[2 * k] *= s;
            w[2 * k + 1] *= s;
        }
        fft.complexForward(w);

        // real part: first path, imaginary part: second path
        for (int t = 0; t < length; t++) {
            out1[off1 + t] = scale * w[2 * t];
        }
        if (out2 != null) {
            for (int t = 0; t < length; t++) {
                out2[off2 + t] = scale * w[2 * t + 1];
            }
        }
    }

    /** z[0 .. n) = the next n standard normals, from {@code gaussians} if not null. */
    private static void normals(GaussianFiller gaussians, ZigguratSampler.NormalizedGaussian gauss,
            double[] z, int n) {
        if (gaussians != null) {
            gaussians.fill(z, 0, n, 1.0);
            return;
        }
        for (int i = 0; i < n; i++) {
            z[i] = gauss.sample();
        }
    }

    /** out[off + i] = scale * sum_{j &lt;= i} L[i][j] z[j]. */
    private void lowerTimes(double[] z, double[] out, int off, double scale) {
        double[] c = cholesky;
        for (int i = 0; i < length; i++) {
            int row = i * (i + 1) / 2;
            double s = 0.0;
            for (int j = 0; j <= i; j++) {
                s += c[row + j] * z[j];
            }
            out[off + i] = scale * s;
        }
    }

    private void checkRange(double[] out, int off, String name) {
        if (out == null || off < 0 || (long) off + length > out.length) {
            throw new IllegalArgumentException(name + " must hold " + length
                    + " values from offset " + off + ", but holds "
                    + (out == null ? 0 : out.length));
        }
    }

    /**
     * Lower Cholesky factor, packed by rows, of the n x n Toeplitz matrix T[i][j] =
     * gamma(|i - j|) (positive definite for 0 &lt; H &lt; 1).
     *
     * @throws IllegalStateException if a pivot is not positive (T numerically singular)
     */
    private static double[] toeplitzCholesky(double hurst, int n) {
        if ((long) n * (n + 1) / 2 > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Cholesky fallback for fgn of length " + n
                    + " needs more than one Java array; use a shorter path");
        }
        double[] gamma = new double[n];
        for (int k = 0; k < n; k++) {
            gamma[k] = autocovariance(hurst, k);
        }
        double[] c = new double[n * (n + 1) / 2];
        for (int i = 0; i < n; i++) {
            int ri = i * (i + 1) / 2;
            for (int j = 0; j <= i; j++) {
                int rj = j * (j + 1) / 2;
                double s = gamma[i - j];
                for (int q = 0; q < j; q++) {
                    s -= c[ri + q] * c[rj + q];
                }
                if (i == j) {
                    if (!(s > 0.0)) {
                        throw new IllegalStateException("fgn Toeplitz covariance (H = "
                                + Kernel.format(hurst) + ", n = " + n + ") is numerically singular:"
                                + " pivot " + s + " at row " + i);
                    }
                    c[ri + i] = Math.sqrt(s);
                } else {
                    c[ri + j] = s / c[rj + j];
                }
            }
        }
        return c;
    }
}
