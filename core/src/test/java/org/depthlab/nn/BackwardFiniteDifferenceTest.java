package org.depthlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.law.IidLaw;
import org.depthlab.metrics.SquaredLoss;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-derived backward pass of {@link Propagator} against central finite differences of
 * l = sum over a batch of |F(x) - y|^2, for every block (res1, res2, res3 with and without bias)
 * and every activation: the weight gradients dA, dB, dV, dW, db (all entries), the state
 * gradients dl/dh_k for every k, and dl/dh_0 measured directly as dl/dx through A = I.
 *
 * <p>For ReLU and leaky ReLU the seed is chosen so that every pre-activation lies at least
 * {@link #KINK_MARGIN} from the kink, so the loss is smooth on the finite-difference stencil.
 */
class BackwardFiniteDifferenceTest {

    private static final int WIDTH = 5;
    private static final int DEPTH = 4;
    private static final int INPUT_DIM = 3;
    private static final int OUTPUT_DIM = 2;
    private static final int BATCH = 3;
    private static final double BETA = 0.5;
    private static final long SEED = 20240611L;

    /** Central-difference step: truncation error ~ STEP^2 |l'''| ~ 1e-12, rounding ~ 1e-10 l. */
    private static final double STEP = 1e-6;
    /**
     * Relative tolerance on each gradient entry: five orders above the finite-difference error
     * estimated above, and five orders below the O(1) relative error of any wrong term (a
     * missing alpha, a transposed matrix, a wrong derivative).
     */
    private static final double REL_TOL = 1e-5;
    /**
     * Absolute floor, times max(1, l), for entries whose true value is near 0: the rounding
     * error of a loss evaluation, ~1e-15 l, divided by the stencil width 2e-6 is 5e-10 l.
     */
    private static final double ABS_TOL = 1e-8;
    /**
     * Smallest |pre-activation| allowed for ReLU-type activations. A weight perturbation of
     * STEP moves a pre-activation by at most ~STEP * |h| ~ 1e-5 here, far less than this margin,
     * so no pre-activation crosses the kink inside the stencil.
     */
    private static final double KINK_MARGIN = 1e-3;
    /** Seeds tried before giving up on finding a network with no pre-activation near a kink. */
    private static final int SEED_TRIES = 200;
    /** Scale of the nonzero biases set before the check, so that db and b in W h + b matter. */
    private static final double BIAS_SCALE = 0.3;

    static Stream<Arguments> cases() {
        String[] activations = {"identity", "relu", "leaky-relu:0.1", "tanh", "sigmoid", "gelu"};
        List<Arguments> list = new ArrayList<>();
        Object[][] blocks = {{Block.RES1, false}, {Block.RES2, false}, {Block.RES3, false},
            {Block.RES3, true}};
        for (Object[] b : blocks) {
            for (String a : activations) {
                list.add(Arguments.of(b[0], b[1], a));
            }
        }
        return list.stream();
    }

    /** A network, a batch of inputs and targets, with no pre-activation near a kink. */
    private record Fixture(ResNet net, double[] x, double[] y) {
    }

    private static NetworkSpec spec(Block block, boolean bias, String activation, int inputDim) {
        IidLaw law = IidLaw.gaussian();
        return new NetworkSpec(block, WIDTH, DEPTH, inputDim, OUTPUT_DIM,
                Activation.parse(activation), law, block.hasInnerWeights() ? law : null, bias,
                OuterInit.GAUSSIAN);
    }

    /**
     * Draws a network (with A = I when {@code identityA}; the spec then needs inputDim = width),
     * sets nonzero biases, draws inputs and targets, and retries with the next seed while a
     * pre-activation lies within KINK_MARGIN of 0.
     */
    private static Fixture fixture(NetworkSpec spec, boolean identityA) {
        for (int attempt = 0; attempt < SEED_TRIES; attempt++) {
            long key = Streams.key(SEED, attempt);
            ResNet net = ResNet.draw(spec, spec.alpha(BETA), Streams.child(key, 0));
            if (identityA) {
                double[] a = net.a();
                java.util.Arrays.fill(a, 0.0);
                for (int i = 0; i < WIDTH; i++) {
                    a[i * WIDTH + i] = 1.0;
                }
            }
            if (net.bias() != null) {
                UniformRandomProvider rb = Streams.generator(Streams.child(key, 1));
                Draws.gaussian(rb, net.bias(), 0, net.bias().length, BIAS_SCALE);
            }
            double[] x = new double[BATCH * spec.inputDim()];
            double[] y = new double[BATCH * OUTPUT_DIM];
            Draws.uniform(Streams.generator(Streams.child(key, 2)), x, 0, x.length, 0.0, 1.0);
            Draws.uniform(Streams.generator(Streams.child(key, 3)), y, 0, y.length, 0.0, 1.0);
            if (awayFromKinks(net, x)) {
                return new Fixture(net, x, y);
            }
        }
        throw new IllegalStateException("no seed in " + SEED_TRIES + " tries keeps every"
                + " pre-activation of " + spec + " away from the kink");
    }

    private static boolean awayFromKinks(ResNet net, double[] x) {
        NetworkSpec spec = net.spec();
        int nIn = spec.inputDim();
        for (int b = 0; b < BATCH; b++) {
            double[] xb = java.util.Arrays.copyOfRange(x, b * nIn, (b + 1) * nIn);
            double[][] h = ReferenceNet.trajectory(net, xb);
            for (int k = 0; k < spec.depth(); k++) {
                for (double z : ReferenceNet.preActivation(net, k, h[k])) {
                    if (Math.abs(z) < KINK_MARGIN) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** l = sum_b |F(x_b) - y_b|^2, through the propagator's forward pass. */
    private static double loss(Propagator p, ResNet net, double[] x, double[] y) {
        p.forward(net, x, BATCH);
        double l = 0;
        for (int b = 0; b < BATCH; b++) {
            l += SquaredLoss.value(p.outputs(), y, b, OUTPUT_DIM);
        }
        return l;
    }

    /** Runs forward and backward; returns the weight gradients, state gradients stay in p. */
    private static Gradients backward(Propagator p, ResNet net, double[] x, double[] y) {
        p.forward(net, x, BATCH);
        double[] dOut = new double[BATCH * OUTPUT_DIM];
        SquaredLoss.gradient(p.outputs(), y, BATCH, OUTPUT_DIM, dOut);
        Gradients g = new Gradients(net.spec());
        p.backward(net, dOut, g);
        return g;
    }

    private static void assertClose(double expectedFd, double actual, double lossScale,
            String what) {
        double tol = REL_TOL * Math.max(Math.abs(expectedFd), Math.abs(actual))
                + ABS_TOL * Math.max(1.0, lossScale);
        if (!(Math.abs(expectedFd - actual) <= tol)) {
            fail(what + ": backward gives " + actual + ", central difference gives " + expectedFd
                    + " (difference " + Math.abs(expectedFd - actual) + ", tolerance " + tol + ")");
        }
    }

    /**
     * Checks every entry of one weight array: perturbs the live weight by +-STEP, evaluates the
     * loss, restores the exact original value.
     */
    private static void checkWeights(String name, double[] weights, double[] grad, Propagator p,
            ResNet net, double[] x, double[] y, double l0) {
        assertEquals(weights.length, grad.length, name + " gradient length");
        for (int i = 0; i < weights.length; i++) {
            double orig = weights[i];
            double up = orig + STEP;
            double down = orig - STEP;
            weights[i] = up;
            double lUp = loss(p, net, x, y);
            weights[i] = down;
            double lDown = loss(p, net, x, y);
            weights[i] = orig;
            double fd = (lUp - lDown) / (up - down);
            assertClose(fd, grad[i], l0, "d" + name + "[" + i + "]");
        }
    }

    @ParameterizedTest(name = "{0} bias={1} {2}")
    @MethodSource("cases")
    void weightGradientsMatchCentralDifferences(Block block, boolean bias, String activation) {
        NetworkSpec spec = spec(block, bias, activation, INPUT_DIM);
        Fixture f = fixture(spec, false);
        Propagator p = new Propagator(spec, BATCH);
        Gradients g = backward(p, f.net(), f.x(), f.y());
        double l0 = loss(p, f.net(), f.x(), f.y());

        checkWeights("A", f.net().a(), g.a(), p, f.net(), f.x(), f.y(), l0);
        checkWeights("B", f.net().b(), g.b(), p, f.net(), f.x(), f.y(), l0);
        checkWeights("V", f.net().v(), g.v(), p, f.net(), f.x(), f.y(), l0);
        if (block.hasInnerWeights()) {
            checkWeights("W", f.net().w(), g.w(), p, f.net(), f.x(), f.y(), l0);
        } else {
            assertEquals(null, g.w(), "res1/res2 gradients have no W");
        }
        if (bias) {
            checkWeights("b", f.net().bias(), g.bias(), p, f.net(), f.x(), f.y(), l0);
        } else {
            assertEquals(null, g.bias(), "no bias gradient without a bias");
        }
    }

    /**
     * dl/dh_k for every k against central differences of the loss of one input, the perturbed
     * h_k being run through the remaining blocks by {@link ReferenceNet}.
     */
    @ParameterizedTest(name = "{0} bias={1} {2}")
    @MethodSource("cases")
    void stateGradientsMatchCentralDifferences(Block block, boolean bias, String activation) {
        NetworkSpec spec = spec(block, bias, activation, INPUT_DIM);
        Fixture f = fixture(spec, false);
        ResNet net = f.net();
        Propagator p = new Propagator(spec, BATCH);
        backward(p, net, f.x(), f.y());
        double[] gs = p.stateGradients();

        for (int b = 0; b < BATCH; b++) {
            double[] xb = java.util.Arrays.copyOfRange(f.x(), b * INPUT_DIM, (b + 1) * INPUT_DIM);
            double[] yb = java.util.Arrays.copyOfRange(f.y(), b * OUTPUT_DIM,
                    (b + 1) * OUTPUT_DIM);
            double[][] h = ReferenceNet.trajectory(net, xb);
            double l0 = lossFrom(net, DEPTH, h[DEPTH], yb);
            for (int k = 0; k <= DEPTH; k++) {
                for (int i = 0; i < WIDTH; i++) {
                    double[] hk = h[k].clone();
                    double up = hk[i] + STEP;
                    double down = hk[i] - STEP;
                    hk[i] = up;
                    double lUp = lossFrom(net, k, hk, yb);
                    hk[i] = down;
                    double lDown = lossFrom(net, k, hk, yb);
                    double fd = (lUp - lDown) / (up - down);
                    assertClose(fd, gs[p.offset(k, b) + i], l0,
                            "dl/dh_" + k + "[" + i + "] of input " + b);
                }
            }
        }
    }

    /** |B h_L - y|^2 with h_L reached from h_k by the reference forward pass. */
    private static double lossFrom(ResNet net, int k, double[] hk, double[] y) {
        double[][] h = ReferenceNet.runFrom(net, k, hk);
        double[] out = ReferenceNet.output(net, h[h.length - 1]);
        double l = 0;
        for (int o = 0; o < out.length; o++) {
            l += (out[o] - y[o]) * (out[o] - y[o]);
        }
        return l;
    }

    /**
     * dl/dh_0 through the propagator alone: with inputDim = width and A = I, h_0 = x, so the
     * central difference in x is dl/dh_0.
     */
    @ParameterizedTest(name = "{0} bias={1} {2}")
    @MethodSource("cases")
    void inputGradientMatchesCentralDifferencesWithIdentityInputLayer(Block block, boolean bias,
            String activation) {
        NetworkSpec spec = spec(block, bias, activation, WIDTH);
        Fixture f = fixture(spec, true);
        Propagator p = new Propagator(spec, BATCH);
        backward(p, f.net(), f.x(), f.y());
        double[] g0 = new double[BATCH * WIDTH];
        for (int b = 0; b < BATCH; b++) {
            System.arraycopy(p.stateGradients(), p.offset(0, b), g0, b * WIDTH, WIDTH);
        }
        double l0 = loss(p, f.net(), f.x(), f.y());
        assertTrue(l0 > 0, "the loss must not vanish for the check to mean anything");

        // x is not a weight, but the same +-STEP stencil applies entry by entry
        double[] x = f.x().clone();
        for (int i = 0; i < x.length; i++) {
            double orig = x[i];
            double up = orig + STEP;
            double down = orig - STEP;
            x[i] = up;
            double lUp = loss(p, f.net(), x, f.y());
            x[i] = down;
            double lDown = loss(p, f.net(), x, f.y());
            x[i] = orig;
            assertClose((lUp - lDown) / (up - down), g0[i], l0,
                    "dl/dh_0[" + (i % WIDTH) + "] of input " + (i / WIDTH));
        }
    }
}
