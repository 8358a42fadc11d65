package org.depthlab.law;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.depthlab.random.Streams;

/**
 * A Gaussian process along depth, spec {@code rbf:ell} or {@code matern:nu:ell}:
 * M_k[i, j] = Z_ij(t_k) / sqrt(cols) with t_k = k / L, k = 0 .. L-1, and Z_ij independent centred
 * Gaussian processes on [0, 1] with the stationary {@link Kernel} kappa. Layer k uses the left
 * endpoint t_k = k / L of its interval, as explicit Euler does for dH/dt = V(t) sigma(H).
 *
 * <p>Exact sampling with one factorization per depth, shared by all entries and cached: the
 * L x L Gram matrix K[a][b] = kappa(|a - b| / L) is factored as K ~ F F^T, F of shape L x r, by a
 * pivoted (rank-revealing) Cholesky that stops when the largest remaining conditional variance
 * falls below {@link #RANK_TOLERANCE} times trace(K) = L. The residual K - F F^T is then positive
 * semi-definite with every entry below that bound, so the law sampled differs from the exact one
 * by a covariance of at most 1e-12 L entrywise. A plain Cholesky would fail: the rbf Gram matrix
 * is numerically singular (its rank at L = 1000, ell = 0.1, is a few dozen). Rough kernels
 * (Matern 1/2, and Matern 3/2 on fine grids) give a full-rank K, factored in about L^3 / 6
 * multiply-adds (under a second at L = 2000).
 *
 * <p>One entry path is F z with z ~ N(0, I_r); entry e = i*cols + j draws its z from the
 * sub-stream {@code Streams.child(key, e)}. All entries at once are the product
 * (L x r) (r x rows*cols), which is the output layout up to the pivoting order of the rows;
 * F is lower trapezoidal in that order, which halves the product for a full-rank K.
 *
 * <p>Cost of a draw: about L r rows cols multiply-adds, r = {@link #rank(int)}; tens of
 * milliseconds for rbf at L = 1000 and 40 x 40 entries.
 *
 * <p>Matern kernels (half-integer nu) are Markov and are sampled instead by their exact
 * state-space recursion ({@link MaternStateSpace}), O(L (nu + 1/2)^2) per entry: a full-rank
 * Gram matrix would cost L^3 / 6 to factor and L^2 / 2 per entry. Entry e still draws from the
 * sub-stream {@code Streams.child(key, e)}. {@link #rank(int)} still reports the numerical
 * rank of the Gram matrix, factoring it on demand.
 */
public final class GaussianProcessLaw implements WeightLaw {

    /**
     * Pivoted Cholesky stops when max remaining diagonal &lt; RANK_TOLERANCE * trace(K): the
     * variance left out is below 1e-12 relative to the total.
     */
    public static final double RANK_TOLERANCE = 1e-12;

    /** Entries per column block of the product F Z (keeps a block of Z in cache). */
    private static final int ENTRY_BLOCK = 64;

    private final Kernel kernel;
    private final ConcurrentHashMap<Integer, Factor> factors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, MaternStateSpace> chains =
            new ConcurrentHashMap<>();

    /**
     * @param kernel the covariance along depth time t in [0, 1]
     * @throws IllegalArgumentException if kernel is null
     */
    public GaussianProcessLaw(Kernel kernel) {
        if (kernel == null) {
            throw new IllegalArgumentException("Gaussian process kernel must not be null");
        }
        this.kernel = kernel;
    }

    /** The kernel kappa. */
    public Kernel kernel() {
        return kernel;
    }

    /** The number r of columns of the factor F at this depth (numerical rank of K). */
    public int rank(int depth) {
        return factor(depth).rank;
    }

    /** The cached factor at this depth (see {@link Factor}); not to be modified. */
    Factor factor(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        return factors.computeIfAbsent(depth, this::factorize);
    }

    private Factor factorize(int depth) {
        double[] lagCovariance = new double[depth];
        for (int l = 0; l < depth; l++) {
            lagCovariance[l] = kernel.at((double) l / depth);
        }
        return pivotedCholesky(lagCovariance, RANK_TOLERANCE);
    }

    /**
     * Fills {@code out[k*rows*cols + e] = (F z_e)[k] / sqrt(cols)}; allocates the r x rows*cols
     * matrix of Gaussian coefficients.
     */
    @Override
    public void sample(int depth, int rows, int cols, long key, double[] out) {
        WeightLaws.checkShape(depth, rows, cols, out);
        if (!Double.isNaN(kernel.nu())) {
            sampleMarkov(depth, rows * cols, 1.0 / Math.sqrt(cols), key, out);
            return;
        }
        Factor factor = factor(depth);
        int r = factor.rank;
        double[] f = factor.f;
        int size = rows * cols;
        if ((long) r * size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rank " + r + " x " + size + " entries exceeds the"
                    + " largest Java array; draw fewer entries per call");
        }
        double scale = 1.0 / Math.sqrt(cols);

        // coefficients: z[q*size + e] = z_e[q], entry e from its own stream
        double[] z = new double[r * size];
        for (int e = 0; e < size; e++) {
            ZigguratSampler.NormalizedGaussian gauss =
                    ZigguratSampler.NormalizedGaussian.of(Streams.generator(Streams.child(key, e)));
            for (int q = 0; q < r; q++) {
                z[q * size + e] = gauss.sample();
            }
        }

        // out (L x size) = scale * F (L x r) * z (r x size), by column blocks of entries; row i
        // of F in pivoted order is layer perm[i] and has nonzeros in columns 0 .. min(i, r-1)
        int[] perm = factor.perm;
        for (int e0 = 0; e0 < size; e0 += ENTRY_BLOCK) {
            int e1 = Math.min(size, e0 + ENTRY_BLOCK);
            for (int i = 0; i < depth; i++) {
                int o = perm[i] * size;
                int row = i * r;
                int nonzero = Math.min(i + 1, r);
                for (int e = e0; e < e1; e++) {
                    out[o + e] = 0.0;
                }
                // four columns of F at a time: one pass over the output row per four
                int q = 0;
                for (; q + 4 <= nonzero; q += 4) {
                    double f0 = scale * f[row + q];
                    double f1 = scale * f[row + q + 1];
                    double f2 = scale * f[row + q + 2];
                    double f3 = scale * f[row + q + 3];
                    int z0 = q * size;
                    int z1 = z0 + size;
                    int z2 = z1 + size;
                    int z3 = z2 + size;
                    for (int e = e0; e < e1; e++) {
                        out[o + e] += f0 * z[z0 + e] + f1 * z[z1 + e] + f2 * z[z2 + e]
                                + f3 * z[z3 + e];
                    }
                }
                for (; q < nonzero; q++) {
                    double fq = scale * f[row + q];
                    int zq = q * size;
                    for (int e = e0; e < e1; e++) {
                        out[o + e] += fq * z[zq + e];
                    }
                }
            }
        }
    }

    @Override
    public String spec() {
        return kernel.spec();
    }

    /**
     * kappa(lag / L): the correlation of one entry between layers k and k + lag.
     *
     * @throws IllegalArgumentException if depth &lt; 1
     */
    @Override
    public double correlation(int lag, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        return kernel.at((double) lag / depth);
    }

    /** The kernel's Hölder exponent, capped at 1. */
    @Override
    public double regularity() {
        return kernel.regularity();
    }

    @Override
    public String toString() {
        return spec();
    }

    /** Matern: entry e's path by the exact state-space recursion on the grid k / depth. */
    private void sampleMarkov(int depth, int size, double scale, long key, double[] out) {
        MaternStateSpace chain = chains.computeIfAbsent(depth,
                n -> new MaternStateSpace(kernel, 1.0 / n));
        for (int e = 0; e < size; e++) {
            chain.sample(Streams.gaussians(Streams.child(key, e)), out, e, size, depth, scale);
        }
    }

    /**
     * A factor F (n x r) with F F^T ~ K, stored in pivoted row order: {@code f[i*r + q]} is
     * F[perm[i]][q], and is zero for q &gt; i (lower trapezoidal). Immutable by convention.
     */
    static final class Factor {
        final int n;
        final int rank;
        final int[] perm;
        final double[] f;

        Factor(int n, int rank, int[] perm, double[] f) {
            this.n = n;
            this.rank = rank;
            this.perm = perm;
            this.f = f;
        }

        /** F[perm[i]][q]. */
        double at(int i, int q) {
            return f[i * rank + q];
        }
    }

    /**
     * Pivoted Cholesky of the symmetric Toeplitz matrix K[a][b] = c[|a - b|], n = c.length: at
     * step j the row with the largest remaining conditional variance d is pivoted in; stops
     * before step j when max d &lt; tolerance * trace(K). Works on columns in pivoted row order
     * (remaining rows contiguous) so the updates are vectorizable axpys; cost about n r^2 / 2
     * multiply-adds. Reads {@code c} only.
     *
     * @return F (n x r), rows in pivoted order, with (F F^T)[a][b] = K[a][b] up to
     *         tolerance * trace(K) entrywise
     */
    static Factor pivotedCholesky(double[] c, double tolerance) {
        int n = c.length;
        int[] perm = new int[n];
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
            d[i] = c[0];
        }
        double threshold = tolerance * n * c[0];
        double[][] columns = new double[n][];
        int rank = 0;

        for (int j = 0; j < n; j++) {
            // pivot: the largest remaining conditional variance
            int p = j;
            for (int i = j + 1; i < n; i++) {
                if (d[i] > d[p]) {
                    p = i;
                }
            }
            if (!(d[p] >= threshold) || d[p] <= 0.0) {
                break;
            }
            swap(perm, j, p);
            swap(d, j, p);
            for (int q = 0; q < j; q++) {
                swap(columns[q], j, p);
            }

            // column j: (K[., pivot] - sum_q F[., q] F[pivot, q]) / sqrt(d_pivot), rows below j
            double pivot = Math.sqrt(d[j]);
            double[] col = new double[n];
            col[j] = pivot;
            int pj = perm[j];
            for (int i = j + 1; i < n; i++) {
                col[i] = c[Math.abs(perm[i] - pj)];
            }
            for (int q = 0; q < j; q++) {
                double[] cq = columns[q];
                double s = cq[j];
                if (s != 0.0) {
                    for (int i = j + 1; i < n; i++) {
                        col[i] -= s * cq[i];
                    }
                }
            }
            double inv = 1.0 / pivot;
            for (int i = j + 1; i < n; i++) {
                double v = col[i] * inv;
                col[i] = v;
                d[i] -= v * v;
            }
            columns[j] = col;
            rank = j + 1;
        }

        // F row-major n x r, rows in pivoted order
        double[] f = new double[n * rank];
        for (int q = 0; q < rank; q++) {
            double[] cq = columns[q];
            for (int i = q; i < n; i++) {
                f[i * rank + q] = cq[i];
            }
        }
        return new Factor(n, rank, perm, f);
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    private static void swap(double[] a, int i, int j) {
        double t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
