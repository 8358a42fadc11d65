package org.depthlab.nn;

import java.util.Arrays;

/**
 * Gradients of a loss with respect to every weight of a {@link ResNet}, in the same layouts.
 * Accumulated (summed over the batch) by {@link Propagator#backward}; {@link #zero} clears them.
 */
public final class Gradients {

    private final double[] a;
    private final double[] b;
    private final double[] v;
    private final double[] w;
    private final double[] bias;

    /** Allocates zero gradients shaped like the weights of networks of this spec. */
    public Gradients(NetworkSpec spec) {
        int d = spec.width();
        a = new double[d * spec.inputDim()];
        b = new double[spec.outputDim() * d];
        v = new double[spec.depth() * d * d];
        w = spec.block().hasInnerWeights() ? new double[spec.depth() * d * d] : null;
        bias = spec.block().hasInnerWeights() && spec.bias() ? new double[spec.depth() * d] : null;
    }

    /** Sets every gradient to zero. */
    public void zero() {
        Arrays.fill(a, 0);
        Arrays.fill(b, 0);
        Arrays.fill(v, 0);
        if (w != null) {
            Arrays.fill(w, 0);
        }
        if (bias != null) {
            Arrays.fill(bias, 0);
        }
    }

    public double[] a() {
        return a;
    }

    public double[] b() {
        return b;
    }

    public double[] v() {
        return v;
    }

    /** Null unless res3. */
    public double[] w() {
        return w;
    }

    /** Null unless res3 with bias. */
    public double[] bias() {
        return bias;
    }
}
