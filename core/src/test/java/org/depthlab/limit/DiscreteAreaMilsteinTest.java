package org.depthlab.limit;

/** {@link DiscreteAreaMilstein} under the SDE solver contract. */
class DiscreteAreaMilsteinTest extends SdeSolverContractTest {

    @Override
    SdeSolver solver() {
        return new DiscreteAreaMilstein();
    }

    /**
     * d = 1, sigma = identity: h_1 = h_0 (1 + dX + sum_n dX_n (X(s_n) - X(0))); the last sum is
     * the Itô sum of int (X - X(0)) dX = (dX^2 - sum_n dX_n^2) / 2.
     */
    @Override
    double oneStep(double h0, double[] fineIncrements) {
        double dx = 0;
        double quadratic = 0;
        for (double v : fineIncrements) {
            dx += v;
            quadratic += v * v;
        }
        return h0 * (1.0 + dx + 0.5 * (dx * dx - quadratic));
    }
}
