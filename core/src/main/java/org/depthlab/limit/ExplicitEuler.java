package org.depthlab.limit;

/**
 * Explicit Euler: y_{k+1} = y_k + h f(t_k, y_k); order 1.
 *
 * <p>For f(t, h) = V(t) sigma(h) and t_k = k / L this is the res-1 network with beta = 1 and
 * V_k = V(k / L) (see {@link CoupledNetworks#sampled}); for f(t, h) = sigma(V(t) h), res-2.
 */
public record ExplicitEuler() implements OdeSolver {

    @Override
    public String name() {
        return "euler";
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public double[] stageNodes() {
        return new double[] {0.0};
    }

    @Override
    public void solve(OdeField f, double t0, double t1, double[] y0, int steps,
            double[] trajectory) {
        double h = OdeSolver.check(f, t0, t1, y0, steps, trajectory);
        int n = y0.length;
        double[] y = new double[n];
        double[] k1 = new double[n];
        System.arraycopy(y0, 0, trajectory, 0, n);

        for (int k = 0; k < steps; k++) {
            int o = k * n;
            System.arraycopy(trajectory, o, y, 0, n);
            f.evaluate(OdeSolver.time(t0, t1, k, steps), y, k1);
            for (int i = 0; i < n; i++) {
                trajectory[o + n + i] = y[i] + h * k1[i];
            }
        }
    }
}
