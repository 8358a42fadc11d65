package org.depthlab.limit;

/** {@link RungeKutta4} under the ODE solver contract. */
class RungeKutta4Test extends OdeSolverContractTest {

    @Override
    OdeSolver solver() {
        return new RungeKutta4();
    }

    @Override
    double stabilityPolynomial(double z) {
        return 1.0 + z + z * z / 2.0 + z * z * z / 6.0 + z * z * z * z / 24.0;
    }
}
