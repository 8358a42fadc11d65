package org.depthlab.limit;

import org.depthlab.nn.Activation;
import org.depthlab.nn.Dense;

/**
 * The Milstein scheme for dH = dX sigma(H) with its iterated integrals, Lévy areas included,
 * replaced by Itô sums over the driving path's finer grid. On a coarse step [t_k, t_{k+1}]
 * covering the fine steps n = n_k .. n_k + r - 1 of the path, with s = sigma(h_k) and
 * s' = sigma'(h_k):
 * <pre>
 *   u_n     = (X(s_n) - X(t_k)) s                      (u at the left end of fine step n)
 *   h_{k+1} = h_k + (X(t_{k+1}) - X(t_k)) s + sum_n dX_n (s' . u_n)
 * </pre>
 * where "." is the entrywise product. The last sum is the Milstein term
 * sum_{c,d,b} e_c sigma'(h_d) sigma(h_b) I[(d,b),(c,d)] with the iterated Itô integrals
 * I[(p),(q)] = int int dX^p dX^q evaluated as left-point sums on the fine grid.
 *
 * <p><b>What it covers.</b> The noise fields g_{ab}(h) = e_a sigma(h_b) do not commute for
 * d &gt;= 2 (L^{g_ab} g_cd = e_c sigma'(h_d) sigma(h_b) [a = d], not symmetric), so a Milstein
 * scheme without Lévy areas has strong order 1/2 only. This one takes the areas from the same
 * path the reference uses; hence
 * <ul>
 *   <li>against the Euler–Maruyama solution on the path's own grid (the reference of a
 *       coupling), its strong error is O(1/L): the scheme is that solution's second-order
 *       expansion over each coarse step;</li>
 *   <li>against the exact solution, its error is O(1/L + N^-1/2), N = path.steps(): the fine sums
 *       approximate the areas with an O(N^-1/2) error that no coarse step removes.</li>
 * </ul>
 * {@link #strongOrder()} = 1 is the order in the first sense, the one a coupled experiment
 * measures. With steps = N the correction vanishes and the scheme is Euler–Maruyama.
 * The Itô sum is meaningful for Brownian drivers only.
 */
public record DiscreteAreaMilstein() implements SdeSolver {

    @Override
    public String name() {
        return "milstein-discrete-areas";
    }

    /** 1, relative to the Euler–Maruyama solution on the driving path's grid (class comment). */
    @Override
    public double strongOrder() {
        return 1.0;
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
        int size = d * d;
        double[] inc = path.raw();
        double[] s = new double[d];
        double[] sp = new double[d];
        double[] u = new double[d];
        double[] w = new double[d];
        double[] y = new double[d];
        double[] c = new double[d];
        System.arraycopy(h0, 0, trajectory, 0, d);

        for (int k = 0; k < steps; k++) {
            int h = k * d;

            // s = sigma(h_k), s' = sigma'(h_k)
            sigma.apply(trajectory, h, s, 0, d);
            for (int i = 0; i < d; i++) {
                sp[i] = sigma.derivative(trajectory[h + i]);
            }

            // fine steps: c += dX_n (s' . u_n), then u_{n+1} = u_n + dX_n s
            java.util.Arrays.fill(u, 0.0);
            java.util.Arrays.fill(c, 0.0);
            for (int n = k * r, end = (k + 1) * r; n < end; n++) {
                int o = n * size;
                for (int i = 0; i < d; i++) {
                    w[i] = sp[i] * u[i];
                }
                Dense.multiplyVector(inc, o, d, d, w, 0, y, 0);
                for (int i = 0; i < d; i++) {
                    c[i] += y[i];
                }
                Dense.multiplyVector(inc, o, d, d, s, 0, y, 0);
                for (int i = 0; i < d; i++) {
                    u[i] += y[i];
                }
            }

            // h_{k+1} = h_k + (X(t_{k+1}) - X(t_k)) s + correction; u now holds the first term
            for (int i = 0; i < d; i++) {
                trajectory[h + d + i] = trajectory[h + i] + u[i] + c[i];
            }
        }
    }
}
