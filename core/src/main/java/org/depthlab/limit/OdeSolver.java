package org.depthlab.limit;

/**
 * A fixed-step scheme for dy/dt = f(t, y) on [t0, t1], with a declared order: the global error
 * is O(h^order) for h = (t1 - t0) / steps and f smooth enough.
 *
 * <p>Implementations are immutable values: buffers are allocated per call, none per step. The
 * scheme evaluates f at t_k = t0 + (t1 - t0) k / steps and, for multistage schemes, at the
 * points listed by {@link #stageNodes()}; a field sampled on a grid must contain those times.
 */
public interface OdeSolver {

    /** The scheme's name in files, e.g. {@code rk4}. */
    String name();

    /** Global order p: sup_k |y_k - y(t_k)| = O(h^p). */
    int order();

    /** The offsets c_i in [0, 1] of the stage times t_k + c_i h, for grids that feed f. */
    double[] stageNodes();

    /**
     * Solves dy/dt = f(t, y), y(t0) = y0, with {@code steps} equal steps.
     *
     * @param trajectory receives y_k at {@code trajectory[k*n + i]}, k = 0 .. steps, n =
     *                   y0.length; at least (steps+1)*n values; only this array is modified
     * @throws IllegalArgumentException if steps &lt; 1, t0 &gt;= t1, a time is not finite, or a
     *                                  size is wrong
     */
    void solve(OdeField f, double t0, double t1, double[] y0, int steps, double[] trajectory);

    /** Shared argument checks; returns the step h. */
    static double check(OdeField f, double t0, double t1, double[] y0, int steps,
            double[] trajectory) {
        if (f == null) {
            throw new IllegalArgumentException("the field f must not be null");
        }
        if (!(Double.isFinite(t0) && Double.isFinite(t1) && t0 < t1)) {
            throw new IllegalArgumentException("need finite t0 < t1, got t0 = " + t0 + ", t1 = "
                    + t1);
        }
        if (y0 == null || y0.length < 1) {
            throw new IllegalArgumentException("y0 must hold at least one value");
        }
        Checks.state(y0, y0.length, "y0");
        Checks.trajectory(trajectory, steps, y0.length);
        return (t1 - t0) / steps;
    }

    /** t_k = t0 + (t1 - t0) k / steps, computed so that t_steps = t1 exactly. */
    static double time(double t0, double t1, int k, int steps) {
        return k == steps ? t1 : t0 + (t1 - t0) * ((double) k / steps);
    }
}
