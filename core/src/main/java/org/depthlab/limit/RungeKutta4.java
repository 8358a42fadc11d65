package org.depthlab.limit;

/**
 * The classical fourth-order Runge–Kutta scheme; order 4.
 * <pre>
 *   k1 = f(t, y)            k2 = f(t + h/2, y + h k1 / 2)
 *   k3 = f(t + h/2, y + h k2 / 2)    k4 = f(t + h, y + h k3)
 *   y' = y + h (k1 + 2 k2 + 2 k3 + k4) / 6
 * </pre>
 * It evaluates f at the half steps: a field sampled on a grid needs a grid twice as fine as
 * the steps (see {@link GaussianProcessPaths}).
 */
public record RungeKutta4() implements OdeSolver {

    @Override
    public String name() {
        return "rk4";
    }

    @Override
    public int order() {
        return 4;
    }

    @Override
    public double[] stageNodes() {
        return new double[] {0.0, 0.5, 0.5, 1.0};
    }

    @Override
    public void solve(OdeField f, double t0, double t1, double[] y0, int steps,
            double[] trajectory) {
        double h = OdeSolver.check(f, t0, t1, y0, steps, trajectory);
        int n = y0.length;
        double[] y = new double[n];
        double[] z = new double[n];
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        System.arraycopy(y0, 0, trajectory, 0, n);

        for (int k = 0; k < steps; k++) {
            int o = k * n;
            double t = OdeSolver.time(t0, t1, k, steps);
            double tMid = t0 + (t1 - t0) * ((2.0 * k + 1.0) / (2.0 * steps));
            double tEnd = OdeSolver.time(t0, t1, k + 1, steps);
            System.arraycopy(trajectory, o, y, 0, n);

            // the four stages
            f.evaluate(t, y, k1);
            for (int i = 0; i < n; i++) {
                z[i] = y[i] + 0.5 * h * k1[i];
            }
            f.evaluate(tMid, z, k2);
            for (int i = 0; i < n; i++) {
                z[i] = y[i] + 0.5 * h * k2[i];
            }
            f.evaluate(tMid, z, k3);
            for (int i = 0; i < n; i++) {
                z[i] = y[i] + h * k3[i];
            }
            f.evaluate(tEnd, z, k4);

            // combine
            for (int i = 0; i < n; i++) {
                trajectory[o + n + i] = y[i] + h / 6.0 * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i]
                        + k4[i]);
            }
        }
    }
}
