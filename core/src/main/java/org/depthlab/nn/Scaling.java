package org.depthlab.nn;

/** The branch scaling alpha_L = L^(-beta) of the paper. */
public final class Scaling {

    private Scaling() {
    }

    /**
     * alpha_L = L^(-beta).
     *
     * @throws IllegalArgumentException if depth &lt; 1 or beta is not finite
     */
    public static double alpha(int depth, double beta) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be >= 1, got " + depth);
        }
        if (!Double.isFinite(beta)) {
            throw new IllegalArgumentException("beta must be a finite number, got " + beta);
        }
        return Math.pow(depth, -beta);
    }
}
