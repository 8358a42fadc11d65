package org.depthlab.metrics;

/** The loss l = |F - y|^2 of the propagation experiments, per input, and its gradient in F. */
public final class SquaredLoss {

    private SquaredLoss() {
    }

    /**
     * Writes dl/dF = 2 (F - y) for {@code batch} inputs of dimension {@code dim}.
     * Reads {@code outputs} and {@code targets}; overwrites {@code grad}.
     */
    public static void gradient(double[] outputs, double[] targets, int batch, int dim,
            double[] grad) {
        for (int i = 0, n = batch * dim; i < n; i++) {
            grad[i] = 2.0 * (outputs[i] - targets[i]);
        }
    }

    /** l = |F - y|^2 for input b. */
    public static double value(double[] outputs, double[] targets, int b, int dim) {
        double s = 0;
        for (int i = b * dim; i < (b + 1) * dim; i++) {
            double e = outputs[i] - targets[i];
            s += e * e;
        }
        return s;
    }
}
