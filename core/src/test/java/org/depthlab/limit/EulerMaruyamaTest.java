package org.depthlab.limit;

/** {@link EulerMaruyama} under the SDE solver contract. */
class EulerMaruyamaTest extends SdeSolverContractTest {

    @Override
    SdeSolver solver() {
        return new EulerMaruyama();
    }

    /** h_1 = h_0 + (sum of increments) h_0. */
    @Override
    double oneStep(double h0, double[] fineIncrements) {
        double dx = 0;
        for (double v : fineIncrements) {
            dx += v;
        }
        return h0 + dx * h0;
    }
}
