package org.depthlab.limit;

import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.ResNet;

/**
 * Residual networks built from one limit path, so that a network and the continuous-depth
 * limit can be compared on the same randomness (a coupling).
 *
 * <ul>
 *   <li>{@link #driven}: alpha_L V_{k+1} = X((k+1)/L) - X(k/L) for a driving path X. With X a
 *       matrix Brownian motion of entry variance t/d and beta = 1/2, V_{k+1} = sqrt(L) dX has
 *       i.i.d. N(0, 1/d) entries (the Gaussian initialization) and the res-1 network is the
 *       Euler–Maruyama scheme of dH = dB sigma(H) ({@link EulerMaruyama}). With X a matrix of
 *       fBm of index H and beta = H, V_{k+1} = L^H dX has entries G_k / sqrt(d), G unit-variance
 *       fGn, by self-similarity: the {@code fgn:H} initialization.</li>
 *   <li>{@link #sampled}: V_{k+1} = V(k / L), alpha = 1/L: the network is explicit Euler for
 *       dH/dt = V(t) sigma(H) (res-1) or sigma(V(t) H) (res-2) ({@link ExplicitEuler},
 *       {@link ResidualField}).</li>
 * </ul>
 * The network's own layer index runs k = 0 .. L-1 (layer k holds V_{k+1} of the paper).
 * The returned networks wrap the given A and B (not copied) and fresh V arrays.
 */
public final class CoupledNetworks {

    private CoupledNetworks() {
    }

    /**
     * The network with V_k = (X((k+1)/L) - X(k/L)) / alpha, alpha = L^-beta, L = spec.depth().
     *
     * @param spec a res1 spec of the path's width (res2 only with the identity activation, where
     *             sigma(V h) = V sigma(h)); its depth must divide path.steps() by a power of two
     * @param beta the scaling exponent: 1/2 for Brownian, H for fBm of index H
     * @param a    input layer, width x inputDim
     * @param b    output layer, outputDim x width
     * @throws IllegalArgumentException if the block does not discretize dH = dX sigma(H), the
     *                                  widths differ or the grids do not nest
     */
    public static ResNet driven(NetworkSpec spec, double beta, DrivingPath path, double[] a,
            double[] b) {
        checkDrivenBlock(spec.block(), spec.activation());
        checkWidth(spec, path.width());
        int depth = spec.depth();
        int r = NestedGrids.ratio(depth, path.steps());
        int size = path.width() * path.width();
        double alpha = spec.alpha(beta);
        double[] v = new double[depth * size];
        for (int k = 0; k < depth; k++) {
            int o = k * size;
            path.increment(k * r, (k + 1) * r, v, o);
            for (int e = 0; e < size; e++) {
                v[o + e] /= alpha;
            }
        }
        return ResNet.of(spec, alpha, a, b, v, null, null);
    }

    /**
     * The network with V_k = V(k / L) and alpha = 1 / L (beta = 1), L = spec.depth().
     *
     * @param spec a res1 or res2 spec of the function's width; its depth must divide
     *             v.intervals() by a power of two
     * @throws IllegalArgumentException for res3, other widths or grids that do not nest
     */
    public static ResNet sampled(NetworkSpec spec, SampledMatrixFunction v, double[] a,
            double[] b) {
        if (spec.block().hasInnerWeights()) {
            throw new IllegalArgumentException("the neural-ODE coupling is defined for res1 and"
                    + " res2, not " + spec.block().spec());
        }
        checkWidth(spec, v.width());
        int depth = spec.depth();
        int r = NestedGrids.ratio(depth, v.intervals());
        int size = v.width() * v.width();
        double[] weights = new double[depth * size];
        for (int k = 0; k < depth; k++) {
            v.atIndex(k * r, weights, k * size);
        }
        return ResNet.of(spec, 1.0 / depth, a, b, weights, null, null);
    }

    /**
     * Checks that a block with this activation is a discretization of dH = dX sigma(H) on the
     * driving path: res1 always; res2 only for the identity, since otherwise
     * L^-beta sigma(L^beta dX h) is not a function of the increment dX h at leading order.
     *
     * @throws IllegalArgumentException otherwise, naming the block and the activation
     */
    public static void checkDrivenBlock(Block block, Activation sigma) {
        if (block == Block.RES1) {
            return;
        }
        if (block == Block.RES2 && "identity".equals(sigma.spec())) {
            return;
        }
        throw new IllegalArgumentException("block " + block.spec() + " with activation "
                + sigma.spec() + " is not a discretization of dH = dX sigma(H) on the same"
                + " path; the SDE and fgn couplings take res1, or res2 with the identity");
    }

    private static void checkWidth(NetworkSpec spec, int width) {
        if (spec.width() != width) {
            throw new IllegalArgumentException("network width " + spec.width()
                    + " differs from the path width " + width);
        }
    }
}
