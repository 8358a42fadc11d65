package org.depthlab.limit;

import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.Dense;

/**
 * The neural-ODE fields of the residual blocks without inner weights, f(t, h) for
 * dH/dt = f(t, H):
 * <ul>
 *   <li>res-1: f(t, h) = V(t) sigma(h);</li>
 *   <li>res-2: f(t, h) = sigma(V(t) h).</li>
 * </ul>
 * Explicit Euler on the grid k / L with these fields is the network of that block with
 * alpha = 1 / L and V_k = V(k / L). A field keeps scratch buffers: one per thread.
 */
public final class ResidualField implements OdeField {

    private final Block block;
    private final Activation sigma;
    private final MatrixFunction v;
    private final int width;
    private final double[] matrix;
    private final double[] tmp;

    /**
     * @throws IllegalArgumentException for res3 (it has inner weights W), a null argument or
     *                                  width &lt; 1
     */
    public ResidualField(Block block, Activation sigma, MatrixFunction v, int width) {
        if (block == null || sigma == null || v == null) {
            throw new IllegalArgumentException("block, sigma and V must not be null");
        }
        if (block.hasInnerWeights()) {
            throw new IllegalArgumentException("the ODE field is defined for res1 and res2, not "
                    + block.spec() + " (its inner weights W have no limit path here)");
        }
        if (width < 1) {
            throw new IllegalArgumentException("width must be >= 1, got " + width);
        }
        this.block = block;
        this.sigma = sigma;
        this.v = v;
        this.width = width;
        this.matrix = new double[width * width];
        this.tmp = new double[width];
    }

    @Override
    public void evaluate(double t, double[] y, double[] dydt) {
        int d = width;
        v.at(t, matrix);
        if (block == Block.RES1) {
            sigma.apply(y, 0, tmp, 0, d);
            Dense.multiplyVector(matrix, 0, d, d, tmp, 0, dydt, 0);
        } else {
            Dense.multiplyVector(matrix, 0, d, d, y, 0, tmp, 0);
            sigma.apply(tmp, 0, dydt, 0, d);
        }
    }
}
