package org.depthlab.limit;

import org.depthlab.nn.Activation;
import org.depthlab.nn.Dense;

/**
 * Euler–Maruyama: h_{k+1} = h_k + (X(t_{k+1}) - X(t_k)) sigma(h_k), with the increment summed
 * from the driving path's finer grid.
 *
 * <p>Strong order 1/2 and weak order 1 for a Brownian driver (Kloeden and Platen, <i>Numerical
 * Solution of Stochastic Differential Equations</i>, 1992, Thms 10.2.2 and 14.1.5). Order 1/2 is
 * sharp here: the noise of dH = dB sigma(H) is not commutative for d &gt;= 2, so the Lévy areas
 * this scheme ignores contribute O(h) per step with random sign.
 *
 * <p>This is exactly the res-1 network with alpha_L V_{k+1} = X(t_{k+1}) - X(t_k)
 * (see {@link CoupledNetworks#driven}). For a fractional Brownian driver with H &gt; 1/2 it is
 * the Euler scheme of a Young differential equation, whose strong order is 2H - 1 (Hu, Liu and
 * Nualart, Ann. Appl. Probab. 26, 2016).
 */
public record EulerMaruyama() implements SdeSolver {

    @Override
    public String name() {
        return "euler-maruyama";
    }

    @Override
    public double strongOrder() {
        return 0.5;
    }

    @Override
    public double weakOrder() {
        return 1.0;
    }

    @Override
    public void solve(DrivingPath path, int steps, Activation sigma, double[] h0,
            double[] trajectory) {
        int r = SdeSolver.check(path, steps, sigma, h0, trajectory);
        int d = path.width();
        double[] dx = new double[d * d];
        double[] s = new double[d];
        double[] ds = new double[d];
        System.arraycopy(h0, 0, trajectory, 0, d);

        for (int k = 0; k < steps; k++) {
            int h = k * d;
            path.increment(k * r, (k + 1) * r, dx, 0);
            sigma.apply(trajectory, h, s, 0, d);
            Dense.multiplyVector(dx, 0, d, d, s, 0, ds, 0);
            for (int i = 0; i < d; i++) {
                trajectory[h + d + i] = trajectory[h + i] + ds[i];
            }
        }
    }
}
