package org.depthlab.limit;

/** A d x d matrix-valued function of time V(t), the weights of a neural ODE. */
@FunctionalInterface
public interface MatrixFunction {

    /**
     * Writes V(t) to {@code out[i*d + j]} (row-major, out x in); out holds d*d values and is
     * the only array modified.
     *
     * @throws IllegalArgumentException if V is not available at t (e.g. off a sampling grid)
     */
    void at(double t, double[] out);
}
