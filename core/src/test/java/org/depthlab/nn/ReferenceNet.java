package org.depthlab.nn;

/**
 * A plain, unoptimized forward pass written straight from the definition, one input at a time,
 * for tests to compare against {@link Propagator}:
 *
 * <pre>
 *   h_0 = A x,   h_{k+1} = h_k + alpha f_{k+1}(h_k),   F = B h_L
 *   res1: f(h) = V sigma(h)   res2: f(h) = sigma(V h)   res3: f(h) = V sigma(W h + b)
 * </pre>
 *
 * Layer k (0-based) uses V[k], W[k], b[k]; matrices are row-major, out x in.
 */
final class ReferenceNet {

    private ReferenceNet() {
    }

    /** h_0 .. h_L for one input x (length inputDim); a new (L+1) x d array. */
    static double[][] trajectory(ResNet net, double[] x) {
        NetworkSpec spec = net.spec();
        double[] h0 = multiply(net.a(), 0, spec.width(), spec.inputDim(), x);
        return runFrom(net, 0, h0);
    }

    /** h_k .. h_L starting from a given h_k; row 0 of the result is a copy of hk. */
    static double[][] runFrom(ResNet net, int k, double[] hk) {
        int depth = net.spec().depth();
        double[][] h = new double[depth - k + 1][];
        h[0] = hk.clone();
        for (int layer = k; layer < depth; layer++) {
            double[] f = branch(net, layer, h[layer - k]);
            double[] next = new double[f.length];
            for (int i = 0; i < f.length; i++) {
                next[i] = h[layer - k][i] + net.alpha() * f[i];
            }
            h[layer - k + 1] = next;
        }
        return h;
    }

    /** f_{k+1}(h) of layer k (0-based). */
    static double[] branch(ResNet net, int layer, double[] h) {
        NetworkSpec spec = net.spec();
        int d = spec.width();
        Activation sigma = spec.activation();
        double[] z = preActivation(net, layer, h);
        double[] s = new double[d];
        for (int i = 0; i < d; i++) {
            s[i] = sigma.apply(z[i]);
        }
        switch (spec.block()) {
            case RES1:
            case RES3:
                return multiply(net.v(), layer * d * d, d, d, s);
            case RES2:
                return s;
            default:
                throw new IllegalStateException("unhandled block " + spec.block());
        }
    }

    /** The argument of sigma in layer k: h (res1), V h (res2), W h + b (res3). */
    static double[] preActivation(ResNet net, int layer, double[] h) {
        int d = net.spec().width();
        switch (net.spec().block()) {
            case RES1:
                return h.clone();
            case RES2:
                return multiply(net.v(), layer * d * d, d, d, h);
            case RES3:
                double[] z = multiply(net.w(), layer * d * d, d, d, h);
                if (net.bias() != null) {
                    for (int i = 0; i < d; i++) {
                        z[i] += net.bias()[layer * d + i];
                    }
                }
                return z;
            default:
                throw new IllegalStateException("unhandled block " + net.spec().block());
        }
    }

    /** F = B h_L. */
    static double[] output(ResNet net, double[] hL) {
        return multiply(net.b(), 0, net.spec().outputDim(), net.spec().width(), hL);
    }

    /** M x for the rows x cols matrix at m[off ..]. */
    static double[] multiply(double[] m, int off, int rows, int cols, double[] x) {
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += m[off + i * cols + j] * x[j];
            }
            y[i] = s;
        }
        return y;
    }
}
