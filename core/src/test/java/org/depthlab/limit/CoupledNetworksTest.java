package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.depthlab.law.FractionalGaussianNoise;
import org.depthlab.law.IidLaw;
import org.depthlab.law.Kernel;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.OuterInit;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * The coupled networks are the schemes: a res-1 network built from a driving path, run through
 * {@link Propagator}, equals {@link EulerMaruyama} on the same path step for step, and a network
 * built from a sampled V(t) equals {@link ExplicitEuler} on the matching field.
 */
class CoupledNetworksTest {

    private static final int WIDTH = 6;
    private static final int DEPTH = 32;
    private static final int REFERENCE = 256;
    private static final int INPUT_DIM = 5;
    private static final long SEED = 4_242L;
    /**
     * Relative agreement of the network and the scheme: they differ only in rounding
     * (alpha (dX / alpha) against dX, and the order of a few sums), a few ulps per step over 32
     * steps of O(1) values.
     */
    private static final double REL_TOL = 1e-12;
    /**
     * Sample variance of the d^2 L = 1152 coupled weights sqrt(L) dB against 1/d: the relative
     * standard error of a variance from n Gaussian values is sqrt(2/n) = 0.042; 0.2 is about
     * five of them.
     */
    private static final double VARIANCE_REL_TOL = 0.2;

    private static NetworkSpec spec(Block block, Activation sigma, int depth) {
        return new NetworkSpec(block, WIDTH, depth, INPUT_DIM, 1, sigma, IidLaw.gaussian(), null,
                false, OuterInit.UNIFORM);
    }

    private static double[] uniform(long stream, int n, double lo, double hi) {
        double[] x = new double[n];
        Draws.uniform(Streams.generator(SEED, stream), x, 0, n, lo, hi);
        return x;
    }

    /** The propagator's trajectory of the network on input x: h_k at [k*d + i]. */
    private static double[] propagate(ResNet net, double[] x) {
        Propagator p = new Propagator(net.spec(), 1);
        p.forward(net, x, 1);
        return java.util.Arrays.copyOf(p.states(), (net.spec().depth() + 1) * WIDTH);
    }

    private static void assertSameTrajectory(double[] expected, double[] actual, int depth) {
        for (int k = 0; k <= depth; k++) {
            double scale = 1.0;
            double worst = 0;
            for (int i = 0; i < WIDTH; i++) {
                scale = Math.max(scale, Math.abs(expected[k * WIDTH + i]));
                worst = Math.max(worst, Math.abs(expected[k * WIDTH + i]
                        - actual[k * WIDTH + i]));
            }
            assertTrue(worst <= REL_TOL * scale, "step " + k + ": network and scheme differ by "
                    + worst + " (scale " + scale + ")");
        }
    }

    private void checkDriven(DrivingPath path, double beta, Block block, Activation sigma) {
        NetworkSpec spec = spec(block, sigma, DEPTH);
        double[] a = uniform(1, WIDTH * INPUT_DIM, -0.5, 0.5);
        double[] x = uniform(2, INPUT_DIM, 0.0, 1.0);
        ResNet net = CoupledNetworks.driven(spec, beta, path, a, new double[WIDTH]);
        double[] network = propagate(net, x);

        double[] h0 = java.util.Arrays.copyOf(network, WIDTH);
        double[] scheme = new double[(DEPTH + 1) * WIDTH];
        new EulerMaruyama().solve(path, DEPTH, sigma, h0, scheme);
        assertSameTrajectory(scheme, network, DEPTH);
        assertTrue(Math.abs(network[DEPTH * WIDTH] - h0[0]) > 1e-3, "the path moved h");
    }

    @Test
    void brownianNetworkIsEulerMaruyamaStepForStep() {
        DrivingPath path = DrivingPath.brownian(WIDTH, REFERENCE, Streams.key(SEED, 0));
        checkDriven(path, 0.5, Block.RES1, Activation.tanh());
    }

    @Test
    void fractionalNetworkIsTheEulerRecursionStepForStep() {
        FractionalGaussianNoise noise = new FractionalGaussianNoise(0.75, REFERENCE);
        DrivingPath path = DrivingPath.fractionalBrownian(noise, WIDTH, Streams.key(SEED, 0));
        checkDriven(path, 0.75, Block.RES1, Activation.tanh());
    }

    @Test
    void res2WithIdentityIsTheSameScheme() {
        DrivingPath path = DrivingPath.brownian(WIDTH, REFERENCE, Streams.key(SEED, 0));
        checkDriven(path, 0.5, Block.RES2, Activation.identity());
    }

    @Test
    void scaledIncrementsAreTheGaussianInitialization() {
        DrivingPath path = DrivingPath.brownian(WIDTH, REFERENCE, Streams.key(SEED, 0));
        NetworkSpec spec = spec(Block.RES1, Activation.tanh(), DEPTH);
        ResNet net = CoupledNetworks.driven(spec, 0.5, path, new double[WIDTH * INPUT_DIM],
                new double[WIDTH]);
        assertEquals(Math.pow(DEPTH, -0.5), net.alpha(), 1e-15);

        // alpha V_k is the increment over [k/L, (k+1)/L]
        double[] inc = new double[WIDTH * WIDTH];
        int r = REFERENCE / DEPTH;
        for (int k = 0; k < DEPTH; k++) {
            path.increment(k * r, (k + 1) * r, inc, 0);
            for (int e = 0; e < inc.length; e++) {
                double v = net.alpha() * net.v()[k * inc.length + e];
                assertEquals(inc[e], v, REL_TOL * Math.max(1e-3, Math.abs(inc[e])));
            }
        }

        // V entries are N(0, 1/d)
        double sum = 0;
        for (double v : net.v()) {
            sum += v * v;
        }
        double variance = sum / net.v().length;
        assertEquals(1.0 / WIDTH, variance, VARIANCE_REL_TOL / WIDTH);
    }

    @Test
    void sampledNetworkIsExplicitEulerStepForStep() {
        GaussianProcessPaths gp = new GaussianProcessPaths(Kernel.rbf(0.2), 2 * REFERENCE);
        SampledMatrixFunction v = gp.sample(WIDTH, Streams.key(SEED, 0));
        for (Block block : new Block[] {Block.RES1, Block.RES2}) {
            NetworkSpec spec = spec(block, Activation.tanh(), DEPTH);
            double[] a = uniform(1, WIDTH * INPUT_DIM, -0.5, 0.5);
            double[] x = uniform(2, INPUT_DIM, 0.0, 1.0);
            ResNet net = CoupledNetworks.sampled(spec, v, a, new double[WIDTH]);
            assertEquals(1.0 / DEPTH, net.alpha(), 0.0);
            double[] network = propagate(net, x);

            double[] h0 = java.util.Arrays.copyOf(network, WIDTH);
            double[] scheme = new double[(DEPTH + 1) * WIDTH];
            new ExplicitEuler().solve(new ResidualField(block, Activation.tanh(), v, WIDTH), 0.0,
                    1.0, h0, DEPTH, scheme);
            assertSameTrajectory(scheme, network, DEPTH);
        }
    }

    @Test
    void rejectsBlocksThatAreNotTheScheme() {
        DrivingPath path = DrivingPath.brownian(WIDTH, REFERENCE, Streams.key(SEED, 0));
        double[] a = new double[WIDTH * INPUT_DIM];
        double[] b = new double[WIDTH];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoupledNetworks.driven(spec(Block.RES2, Activation.tanh(), DEPTH), 0.5,
                        path, a, b));
        assertTrue(e.getMessage().contains("res2") && e.getMessage().contains("tanh"),
                e.getMessage());
        NetworkSpec res3 = new NetworkSpec(Block.RES3, WIDTH, DEPTH, INPUT_DIM, 1,
                Activation.tanh(), IidLaw.gaussian(), IidLaw.gaussian(), false,
                OuterInit.UNIFORM);
        assertThrows(IllegalArgumentException.class,
                () -> CoupledNetworks.driven(res3, 0.5, path, a, b));
    }

    @Test
    void rejectsGridsThatDoNotNestNamingBothDepths() {
        DrivingPath path = DrivingPath.brownian(WIDTH, REFERENCE, Streams.key(SEED, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoupledNetworks.driven(spec(Block.RES1, Activation.tanh(), 24), 0.5, path,
                        new double[WIDTH * INPUT_DIM], new double[WIDTH]));
        assertTrue(e.getMessage().contains("24") && e.getMessage().contains("256"),
                e.getMessage());
    }

    @Test
    void rejectsAnotherWidth() {
        DrivingPath path = DrivingPath.brownian(WIDTH + 1, REFERENCE, Streams.key(SEED, 0));
        assertThrows(IllegalArgumentException.class,
                () -> CoupledNetworks.driven(spec(Block.RES1, Activation.tanh(), DEPTH), 0.5,
                        path, new double[WIDTH * INPUT_DIM], new double[WIDTH]));
    }
}
