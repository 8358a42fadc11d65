package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.depthlab.nn.Activation;
import org.depthlab.nn.Dense;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * The battery every {@link SdeSolver} passes: an exact small case, Euler–Maruyama on the path's
 * own grid, the declared strong order measured by coupling against the fine-grid solution,
 * inputs left unmodified, and invalid arguments rejected with errors that name the values.
 */
abstract class SdeSolverContractTest {

    /** The solver under test. */
    abstract SdeSolver solver();

    /**
     * h_1 for d = 1, sigma = identity, one coarse step over the given fine increments of the
     * driving path, computed from the scheme's definition.
     */
    abstract double oneStep(double h0, double[] fineIncrements);

    private static final long SEED = 77L;
    /** Closed form against the solver: a handful of roundings of O(1) values. */
    private static final double EXACT_TOL = 1e-14;
    /**
     * Fitted strong order (slope of log sup_k E|h_k - H_k| over depths 8 .. 128 against a
     * 1024-step Euler–Maruyama reference, 60 paths, d = 4) against the declared order. The
     * path-bootstrap standard error of that slope is about 0.02; the finite reference biases
     * Euler–Maruyama's slope by about +0.02 and pre-asymptotic terms at L = 8 move either
     * slope by a few hundredths, so 0.12 leaves room for those without admitting order 1/2 for
     * a scheme declared of order 1 or the reverse.
     */
    private static final double ORDER_TOL = 0.12;
    private static final int ORDER_WIDTH = 4;
    private static final int ORDER_PATHS = 60;
    private static final int ORDER_REFERENCE = 1024;
    private static final int[] ORDER_DEPTHS = {8, 16, 32, 64, 128};

    @Test
    void exactSmallCase() {
        int fine = 8;
        double[] inc = new double[fine];
        Draws.gaussian(Streams.generator(SEED, 1), inc, 0, fine, 0.3);
        DrivingPath path = DrivingPath.of(1, fine, inc);
        double[] traj = new double[2];
        solver().solve(path, 1, Activation.identity(), new double[] {1.3}, traj);
        assertEquals(oneStep(1.3, inc), traj[1], EXACT_TOL);
        assertEquals(1.3, traj[0], 0.0);
    }

    @Test
    void onThePathsOwnGridItIsEulerMaruyama() {
        int d = 3;
        int steps = 16;
        DrivingPath path = DrivingPath.brownian(d, steps, Streams.key(SEED, 2));
        double[] h0 = {0.4, -0.2, 0.9};
        double[] expected = new double[(steps + 1) * d];
        double[] inc = new double[d * d];
        double[] s = new double[d];
        double[] ds = new double[d];
        System.arraycopy(h0, 0, expected, 0, d);
        for (int k = 0; k < steps; k++) {
            path.increment(k, k + 1, inc, 0);
            for (int i = 0; i < d; i++) {
                s[i] = Math.tanh(expected[k * d + i]);
            }
            Dense.multiplyVector(inc, 0, d, d, s, 0, ds, 0);
            for (int i = 0; i < d; i++) {
                expected[(k + 1) * d + i] = expected[k * d + i] + ds[i];
            }
        }
        double[] traj = new double[(steps + 1) * d];
        solver().solve(path, steps, Activation.tanh(), h0, traj);
        assertArrayEquals(expected, traj, EXACT_TOL);
    }

    @Test
    void declaredStrongOrderIsMeasuredAgainstTheFineGridSolution() {
        int d = ORDER_WIDTH;
        Activation sigma = Activation.tanh();
        double[] strong = new double[ORDER_DEPTHS.length];
        double[][] sums = new double[ORDER_DEPTHS.length][];
        for (int i = 0; i < ORDER_DEPTHS.length; i++) {
            sums[i] = new double[ORDER_DEPTHS[i] + 1];
        }
        for (int p = 0; p < ORDER_PATHS; p++) {
            DrivingPath path = DrivingPath.brownian(d, ORDER_REFERENCE, Streams.key(SEED, 3, p));
            double[] h0 = new double[d];
            Draws.uniform(Streams.generator(SEED, 4, p), h0, 0, d, -1.0, 1.0);
            double[] reference = new double[(ORDER_REFERENCE + 1) * d];
            new EulerMaruyama().solve(path, ORDER_REFERENCE, sigma, h0, reference);
            for (int i = 0; i < ORDER_DEPTHS.length; i++) {
                int depth = ORDER_DEPTHS[i];
                int r = ORDER_REFERENCE / depth;
                double[] traj = new double[(depth + 1) * d];
                solver().solve(path, depth, sigma, h0, traj);
                for (int k = 0; k <= depth; k++) {
                    sums[i][k] += Dense.distance(traj, k * d, reference, k * r * d, d);
                }
            }
        }
        for (int i = 0; i < ORDER_DEPTHS.length; i++) {
            strong[i] = java.util.Arrays.stream(sums[i]).max().orElseThrow() / ORDER_PATHS;
        }
        OrderFit fit = OrderFit.fit(ORDER_DEPTHS, strong);
        assertEquals(solver().strongOrder(), fit.order(), ORDER_TOL, "fitted " + fit);
    }

    @Test
    void leavesItsInputsUnmodified() {
        DrivingPath path = DrivingPath.brownian(3, 64, Streams.key(SEED, 5));
        double[] increments = path.increments();
        double[] h0 = {0.1, 0.2, 0.3};
        solver().solve(path, 16, Activation.tanh(), h0, new double[17 * 3]);
        assertArrayEquals(new double[] {0.1, 0.2, 0.3}, h0);
        assertArrayEquals(increments, path.increments());
    }

    @Test
    void rejectsInvalidArguments() {
        DrivingPath path = DrivingPath.brownian(3, 64, Streams.key(SEED, 5));
        double[] h0 = {0.1, 0.2, 0.3};
        SdeSolver s = solver();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.solve(path, 24, Activation.tanh(), h0, new double[25 * 3]));
        assertTrue(e.getMessage().contains("24") && e.getMessage().contains("64"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(path, 128, Activation.tanh(), h0, new double[129 * 3]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(path, 16, Activation.tanh(), new double[2], new double[17 * 3]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(path, 16, Activation.tanh(), h0, new double[16 * 3]));
        assertThrows(IllegalArgumentException.class,
                () -> s.solve(path, 16, null, h0, new double[17 * 3]));
    }
}
