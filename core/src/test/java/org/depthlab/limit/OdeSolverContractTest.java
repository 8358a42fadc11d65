package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.junit.jupiter.api.Test;

/**
 * The battery every {@link OdeSolver} passes: exact on a field it integrates exactly, one step
 * of y' = lambda y equal to the scheme's stability polynomial, the declared order measured by
 * halving the step on a linear ODE with a known solution, inputs left unmodified, invalid
 * arguments rejected, and fields evaluated only at the declared stage nodes.
 */
abstract class OdeSolverContractTest {

    /** The solver under test. */
    abstract OdeSolver solver();

    /** R(z) such that one step of y' = lambda y multiplies y by R(h lambda). */
    abstract double stabilityPolynomial(double z);

    /**
     * Agreement with a closed form computed in another order of operations: a few ulps of O(1)
     * values per step.
     */
    private static final double EXACT_TOL = 1e-13;
    /**
     * The fitted order on a smooth linear problem with step counts 4 .. 32: the leading error
     * term dominates by then to within a few percent per halving, so the log-log slope is within
     * 0.1 of the order for both Euler (slope about 0.97) and RK4 (about 4.0).
     */
    private static final double ORDER_TOL = 0.1;

    /** y' = a(t) J y, J the rotation generator, a(t) = 1 + t: y(t) = R(t + t^2/2) y0. */
    private static final OdeField ROTATION = (t, y, dydt) -> {
        double a = 1.0 + t;
        dydt[0] = -a * y[1];
        dydt[1] = a * y[0];
    };

    private static double[] exactRotation(double t, double[] y0) {
        double theta = t + 0.5 * t * t;
        double c = Math.cos(theta);
        double s = Math.sin(theta);
        return new double[] {c * y0[0] - s * y0[1], s * y0[0] + c * y0[1]};
    }

    @Test
    void exactOnAConstantField() {
        double[] y0 = {1.0, -2.0, 0.5};
        double[] traj = new double[4 * 3];
        solver().solve((t, y, dydt) -> {
            dydt[0] = 1.0;
            dydt[1] = -3.0;
            dydt[2] = 0.25;
        }, 0.0, 1.5, y0, 3, traj);
        for (int k = 0; k <= 3; k++) {
            double t = 0.5 * k;
            assertEquals(1.0 + t, traj[3 * k], EXACT_TOL);
            assertEquals(-2.0 - 3.0 * t, traj[3 * k + 1], EXACT_TOL);
            assertEquals(0.5 + 0.25 * t, traj[3 * k + 2], EXACT_TOL);
        }
    }

    @Test
    void oneStepOfTheLinearTestEquationIsTheStabilityPolynomial() {
        double lambda = -1.7;
        double h = 0.3;
        double[] traj = new double[2];
        solver().solve((t, y, dydt) -> dydt[0] = lambda * y[0], 0.0, h, new double[] {2.0}, 1,
                traj);
        assertEquals(2.0 * stabilityPolynomial(h * lambda), traj[1], EXACT_TOL);
    }

    @Test
    void declaredOrderIsMeasuredOnALinearOdeWithKnownSolution() {
        double[] y0 = {1.0, 0.0};
        double[] exact = exactRotation(1.0, y0);
        int[] steps = {4, 8, 16, 32};
        double[] errors = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            double[] traj = new double[(steps[i] + 1) * 2];
            solver().solve(ROTATION, 0.0, 1.0, y0, steps[i], traj);
            errors[i] = Math.hypot(traj[2 * steps[i]] - exact[0],
                    traj[2 * steps[i] + 1] - exact[1]);
        }
        OrderFit fit = OrderFit.fit(steps, errors);
        assertEquals(solver().order(), fit.order(), ORDER_TOL, "fitted order " + fit);
    }

    @Test
    void leavesTheInitialStateUnmodified() {
        double[] y0 = {0.3, -0.4};
        double[] copy = y0.clone();
        solver().solve(ROTATION, 0.0, 1.0, y0, 5, new double[12]);
        assertArrayEquals(copy, y0);
    }

    @Test
    void rejectsInvalidArguments() {
        double[] y0 = {1.0, 0.0};
        OdeSolver s = solver();
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(ROTATION, 0.0, 1.0, y0, 0, new double[2]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(ROTATION, 1.0, 1.0, y0, 2, new double[6]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(ROTATION, 0.0, Double.NaN, y0, 2, new double[6]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(ROTATION, 0.0, 1.0, y0, 2, new double[5]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(ROTATION, 0.0, 1.0, new double[] {Double.NaN, 0}, 2,
                        new double[6]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(null, 0.0, 1.0, y0, 2, new double[6]));
    }

    @Test
    void evaluatesTheFieldOnlyAtTheStageNodes() {
        // a function sampled on the grid of the stage nodes suffices
        int steps = 8;
        int perStep = 2;
        double[] nodes = solver().stageNodes();
        for (double c : nodes) {
            assertEquals(0.0, (c * perStep) % 1.0, 0.0, "node " + c + " on a half-step grid");
        }
        int intervals = steps * perStep;
        double[] values = new double[(intervals + 1) * 4];
        for (int m = 0; m <= intervals; m++) {
            double t = (double) m / intervals;
            values[4 * m] = 0.1 * t;
            values[4 * m + 1] = -1.0;
            values[4 * m + 2] = 1.0 + t;
            values[4 * m + 3] = 0.0;
        }
        SampledMatrixFunction v = SampledMatrixFunction.of(2, intervals, values);
        double[] traj = new double[(steps + 1) * 2];
        solver().solve(new ResidualField(Block.RES1, Activation.tanh(), v, 2), 0.0, 1.0,
                new double[] {0.5, -0.5}, steps, traj);
        assertTrue(Double.isFinite(traj[2 * steps]));

        // a grid without the half steps fails for a scheme that needs them
        SampledMatrixFunction coarse = SampledMatrixFunction.of(2, steps,
                java.util.Arrays.copyOf(values, (steps + 1) * 4));
        boolean needsHalfSteps = java.util.Arrays.stream(nodes).anyMatch(c -> c == 0.5);
        if (needsHalfSteps) {
            assertThrows(IllegalArgumentException.class,
                    () -> solver().solve(new ResidualField(Block.RES1, Activation.tanh(), coarse,
                            2), 0.0, 1.0, new double[] {0.5, -0.5}, steps, traj));
        }
    }
}
