package org.depthlab.limit;

/** {@link ExplicitEuler} under the ODE solver contract. */
class ExplicitEulerTest extends OdeSolverContractTest {

    @Override
    OdeSolver solver() {
        return new ExplicitEuler();
    }

    @Override
    double stabilityPolynomial(double z) {
        return 1.0 + z;
    }
}
