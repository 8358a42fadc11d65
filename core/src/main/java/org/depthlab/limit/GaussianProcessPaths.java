package org.depthlab.limit;

import org.depthlab.law.GaussianProcessLaw;
import org.depthlab.law.Kernel;

/**
 * Sample paths of the smooth weights of the neural-ODE limit: V(t)[i, j] = Z_ij(t) / sqrt(d)
 * with Z_ij independent centred Gaussian processes on [0, 1] of stationary kernel kappa,
 * sampled exactly on the closed grid t_m = m / M, m = 0 .. M.
 *
 * <p>{@link GaussianProcessLaw} samples the open grid k / n, k = 0 .. n-1, of a depth n. The
 * closed grid is that law's grid for n = M + 1 points under the length scale
 * ell' = ell M / (M + 1): distances |k - k'| / (M + 1) in units of ell' are distances
 * |k - k'| / M in units of ell, and stationary kernels depend on r / ell only. The endpoint
 * t = 1 is needed by the last step of Runge–Kutta 4.
 *
 * <p>For a coupling whose reference takes R Runge–Kutta steps, use M = 2R: the half steps of
 * RK4 are then grid points, and the depth-L network reads V(k / L) = V at m = k M / L.
 *
 * <p>Immutable and thread-safe; the law's factorization of the (M+1) x (M+1) Gram matrix is
 * computed once, on the first sample, and shared.
 */
public final class GaussianProcessPaths {

    private final Kernel kernel;
    private final int intervals;
    private final GaussianProcessLaw law;

    /**
     * @param kernel    kappa, with its length scale on [0, 1]
     * @param intervals M, at least 1
     */
    public GaussianProcessPaths(Kernel kernel, int intervals) {
        if (kernel == null) {
            throw new IllegalArgumentException("kernel must not be null");
        }
        if (intervals < 1 || intervals == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("intervals must lie in [1, "
                    + (Integer.MAX_VALUE - 1) + "], got " + intervals);
        }
        this.kernel = kernel;
        this.intervals = intervals;
        this.law = new GaussianProcessLaw(rescaled(kernel, (double) intervals / (intervals + 1)));
    }

    private static Kernel rescaled(Kernel kernel, double factor) {
        double ell = kernel.lengthScale() * factor;
        return Double.isNaN(kernel.nu()) ? Kernel.rbf(ell) : Kernel.matern(kernel.nu(), ell);
    }

    /** The kernel on [0, 1]. */
    public Kernel kernel() {
        return kernel;
    }

    /** M. */
    public int intervals() {
        return intervals;
    }

    /** Numerical rank of the Gram matrix on the M + 1 points (factorizes it if not yet done). */
    public int rank() {
        return law.rank(intervals + 1);
    }

    /**
     * The correlation of one entry between the grid points m and m', as the underlying law on
     * M + 1 points has it; equal to kappa(|m - m'| / M) up to rounding.
     */
    public double correlation(int m, int mPrime) {
        if (m < 0 || m > intervals || mPrime < 0 || mPrime > intervals) {
            throw new IllegalArgumentException("grid indices " + m + ", " + mPrime
                    + " outside 0 .. " + intervals);
        }
        return law.correlation(Math.abs(m - mPrime), intervals + 1);
    }

    /**
     * One path of d x d matrices; entry e = i*d + j from the sub-stream
     * {@code Streams.child(key, e)} (the layout of {@link GaussianProcessLaw}).
     */
    public SampledMatrixFunction sample(int width, long key) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        long size = (long) (intervals + 1) * width * width;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("(M + 1) * width^2 = " + size + " values exceed"
                    + " the largest Java array; reduce the reference depth or the width");
        }
        double[] values = new double[(int) size];
        law.sample(intervals + 1, width, width, key, values);
        return SampledMatrixFunction.wrap(width, intervals, values);
    }
}
