package org.depthlab.limit;

import org.depthlab.nn.Activation;

/**
 * A time-stepping scheme for the neural SDE of the res-1 network,
 * <pre>
 *   dH_t = dX_t sigma(H_t),   t in [0, 1],   H_0 = h0,
 * </pre>
 * that is dH^i = sum_j sigma(H^j) dX^{ij}, with X a d x d matrix path ({@link DrivingPath}):
 * Brownian for the neural SDE (Itô integral), fractional Brownian with H &gt; 1/2 for the
 * intermediate regime (Young integral).
 *
 * <p>A scheme declares its orders as data; tests read them. Orders are for a Brownian driver and
 * a smooth sigma with bounded derivatives (tanh, sigmoid, GELU, identity for linear growth).
 * Implementations are immutable values: every buffer is allocated per call, none per step.
 */
public interface SdeSolver {

    /** The scheme's name in files, e.g. {@code euler-maruyama}. */
    String name();

    /** Strong order gamma: sup_k E|h_k - H(t_k)| = O(L^-gamma) for a Brownian driver. */
    double strongOrder();

    /** Weak order: |E f(h_L) - E f(H_1)| = O(L^-order) for smooth f, Brownian driver. */
    double weakOrder();

    /**
     * Solves on the grid t_k = k / steps, k = 0 .. steps.
     *
     * @param path       the driver; steps must divide path.steps() by a power of two
     * @param steps      number of steps L
     * @param sigma      the activation, applied entrywise
     * @param h0         H_0, d values; read only
     * @param trajectory receives h_k at {@code trajectory[k*d + i]}, k = 0 .. L; at least
     *                   (L+1)*d values; only this array is modified
     * @throws IllegalArgumentException if the grids do not nest or a size is wrong
     */
    void solve(DrivingPath path, int steps, Activation sigma, double[] h0, double[] trajectory);

    /** Shared argument checks; returns the refinement ratio path.steps() / steps. */
    static int check(DrivingPath path, int steps, Activation sigma, double[] h0,
            double[] trajectory) {
        if (path == null || sigma == null) {
            throw new IllegalArgumentException("path and sigma must not be null");
        }
        int r = NestedGrids.ratio(steps, path.steps());
        Checks.state(h0, path.width(), "h0");
        Checks.trajectory(trajectory, steps, path.width());
        return r;
    }
}
