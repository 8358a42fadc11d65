package org.depthlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.stream.Stream;
import org.depthlab.law.IidLaw;
import org.depthlab.metrics.PropagationMetrics;
import org.depthlab.metrics.Regime;
import org.depthlab.metrics.SquaredLoss;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link Propagator}, for every block: agreement with the definition, inputs
 * left unmodified, a batch equal to single runs, alpha = 0 giving the identity, accumulation of
 * weight gradients, invalid arguments and state rejected, and overflow in an exploding network
 * reported as values, never as an exception.
 */
class PropagatorContractTest {

    private static final int WIDTH = 7;
    private static final int DEPTH = 12;
    private static final int INPUT_DIM = 4;
    private static final int OUTPUT_DIM = 3;
    /** Seven inputs: one register block of four in the batched kernel plus a remainder of 3. */
    private static final int BATCH = 7;
    private static final double BETA = 0.5;
    private static final long SEED = 31_337L;
    /**
     * Relative agreement of two evaluations of the same quantity in a different summation order
     * (batched vs. single kernels, optimized vs. reference loops): a few hundred roundings of
     * 1.1e-16 each through 12 layers of O(1) values stay far below 1e-12.
     */
    private static final double REL_TOL = 1e-12;

    static Stream<Arguments> blocks() {
        return Stream.of(Arguments.of(Block.RES1, false), Arguments.of(Block.RES2, false),
                Arguments.of(Block.RES3, false), Arguments.of(Block.RES3, true));
    }

    private static NetworkSpec spec(Block block, boolean bias) {
        IidLaw law = IidLaw.gaussian();
        return new NetworkSpec(block, WIDTH, DEPTH, INPUT_DIM, OUTPUT_DIM, Activation.tanh(), law,
                block.hasInnerWeights() ? law : null, bias, OuterInit.UNIFORM);
    }

    /** A network with nonzero biases (when it has biases), so that b enters every check. */
    private static ResNet network(NetworkSpec spec) {
        ResNet net = ResNet.draw(spec, spec.alpha(BETA), Streams.key(SEED, 0));
        if (net.bias() != null) {
            Draws.gaussian(Streams.generator(SEED, 1), net.bias(), 0, net.bias().length, 0.5);
        }
        return net;
    }

    private static double[] uniform(long stream, int n) {
        double[] x = new double[n];
        Draws.uniform(Streams.generator(SEED, stream), x, 0, n, 0.0, 1.0);
        return x;
    }

    /** |a - b|_inf &lt;= REL_TOL * max(1, |a|_inf) over the ranges given. */
    private static void assertClose(double[] expected, int eOff, double[] actual, int aOff, int n,
            String what) {
        double scale = 1.0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(expected[eOff + i]));
            worst = Math.max(worst, Math.abs(expected[eOff + i] - actual[aOff + i]));
        }
        if (!(worst <= REL_TOL * scale)) {
            fail(what + ": largest difference " + worst + " exceeds " + REL_TOL + " x " + scale);
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("blocks")
    void forwardAgreesWithTheDefinition(Block block, boolean bias) {
        NetworkSpec spec = spec(block, bias);
        ResNet net = network(spec);
        double[] x = uniform(2, BATCH * INPUT_DIM);
        Propagator p = new Propagator(spec, BATCH);
        p.forward(net, x, BATCH);

        assertEquals(BATCH, p.batch());
        for (int b = 0; b < BATCH; b++) {
            double[][] h = ReferenceNet.trajectory(net,
                    Arrays.copyOfRange(x, b * INPUT_DIM, (b + 1) * INPUT_DIM));
            for (int k = 0; k <= DEPTH; k++) {
                assertClose(h[k], 0, p.states(), p.offset(k, b), WIDTH,
                        "h_" + k + " of input " + b);
                assertArrayEquals(Arrays.copyOfRange(p.states(), p.offset(k, b),
                        p.offset(k, b) + WIDTH), p.state(k, b), "state(k, b) copies h_k");
            }
            assertClose(ReferenceNet.output(net, h[DEPTH]), 0, p.outputs(), b * OUTPUT_DIM,
                    OUTPUT_DIM, "F of input " + b);
        }
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("blocks")
    void argumentsAndWeightsAreLeftUnmodified(Block block, boolean bias) {
        NetworkSpec spec = spec(block, bias);
        ResNet net = network(spec);
        double[] x = uniform(2, BATCH * INPUT_DIM);
        double[] dOut = uniform(3, BATCH * OUTPUT_DIM);
        double[] xCopy = x.clone();
        double[] dOutCopy = dOut.clone();
        double[] aCopy = net.a().clone();
        double[] bCopy = net.b().clone();
        double[] vCopy = net.v().clone();
        double[] wCopy = net.w() == null ? null : net.w().clone();
        double[] biasCopy = net.bias() == null ? null : net.bias().clone();

        Propagator p = new Propagator(spec, BATCH);
        p.forward(net, x, BATCH);
        p.backward(net, dOut, new Gradients(spec));
        p.backward(net, dOut, null);

        assertArrayEquals(xCopy, x, "inputs");
        assertArrayEquals(dOutCopy, dOut, "dl/dF");
        assertArrayEquals(aCopy, net.a(), "A");
        assertArrayEquals(bCopy, net.b(), "B");
        assertArrayEquals(vCopy, net.v(), "V");
        assertArrayEquals(wCopy, net.w(), "W");
        assertArrayEquals(biasCopy, net.bias(), "bias");
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("blocks")
    void batchGivesTheSameResultsAsSingleInputs(Block block, boolean bias) {
        NetworkSpec spec = spec(block, bias);
        ResNet net = network(spec);
        double[] x = uniform(2, BATCH * INPUT_DIM);
        double[] y = uniform(3, BATCH * OUTPUT_DIM);

        // the whole batch at once
        Propagator batched = new Propagator(spec, BATCH);
        batched.forward(net, x, BATCH);
        double[] dOut = new double[BATCH * OUTPUT_DIM];
        SquaredLoss.gradient(batched.outputs(), y, BATCH, OUTPUT_DIM, dOut);
        Gradients batchGrads = new Gradients(spec);
        batched.backward(net, dOut, batchGrads);

        // one input at a time on a propagator of the same capacity, gradients accumulated
        Propagator single = new Propagator(spec, BATCH);
        Gradients sumGrads = new Gradients(spec);
        for (int b = 0; b < BATCH; b++) {
            double[] xb = Arrays.copyOfRange(x, b * INPUT_DIM, (b + 1) * INPUT_DIM);
            single.forward(net, xb, 1);
            assertEquals(1, single.batch());
            double[] db = Arrays.copyOfRange(dOut, b * OUTPUT_DIM, (b + 1) * OUTPUT_DIM);
            single.backward(net, db, sumGrads);
            for (int k = 0; k <= DEPTH; k++) {
                assertClose(single.states(), single.offset(k, 0), batched.states(),
                        batched.offset(k, b), WIDTH, "h_" + k + " of input " + b);
                assertClose(single.stateGradients(), single.offset(k, 0),
                        batched.stateGradients(), batched.offset(k, b), WIDTH,
                        "dl/dh_" + k + " of input " + b);
            }
            assertClose(single.outputs(), 0, batched.outputs(), b * OUTPUT_DIM, OUTPUT_DIM,
                    "F of input " + b);
        }
        assertClose(sumGrads.a(), 0, batchGrads.a(), 0, sumGrads.a().length, "dA");
        assertClose(sumGrads.b(), 0, batchGrads.b(), 0, sumGrads.b().length, "dB");
        assertClose(sumGrads.v(), 0, batchGrads.v(), 0, sumGrads.v().length, "dV");
        if (block.hasInnerWeights()) {
            assertClose(sumGrads.w(), 0, batchGrads.w(), 0, sumGrads.w().length, "dW");
        }
        if (bias) {
            assertClose(sumGrads.bias(), 0, batchGrads.bias(), 0, sumGrads.bias().length, "db");
        }
    }

    /** A scale per input equals single runs of the same weights under each scale. */
    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("blocks")
    void alphaPerInputGivesTheSameResultsAsSingleRunsAtEachAlpha(Block block, boolean bias) {
        NetworkSpec spec = spec(block, bias);
        ResNet net = network(spec);
        double[] x = uniform(2, BATCH * INPUT_DIM);
        double[] dOut = uniform(3, BATCH * OUTPUT_DIM);
        double[] alphas = {0.0, 0.1, 0.25, 0.5, 1.0, 1.5, 0.7};
        double[] alphasCopy = alphas.clone();

        Propagator batched = new Propagator(spec, BATCH);
        batched.forward(net, x, BATCH, alphas);
        Gradients batchGrads = new Gradients(spec);
        batched.backward(net, dOut, batchGrads);
        assertArrayEquals(alphasCopy, alphas, "alphas are read only");

        Propagator single = new Propagator(spec, 1);
        Gradients sumGrads = new Gradients(spec);
        for (int b = 0; b < BATCH; b++) {
            ResNet scaled = net.withAlpha(alphas[b]);
            single.forward(scaled, Arrays.copyOfRange(x, b * INPUT_DIM, (b + 1) * INPUT_DIM), 1);
            single.backward(scaled,
                    Arrays.copyOfRange(dOut, b * OUTPUT_DIM, (b + 1) * OUTPUT_DIM), sumGrads);
            for (int k = 0; k <= DEPTH; k++) {
                assertClose(single.states(), single.offset(k, 0), batched.states(),
                        batched.offset(k, b), WIDTH, "h_" + k + " at alpha " + alphas[b]);
                assertClose(single.stateGradients(), single.offset(k, 0),
                        batched.stateGradients(), batched.offset(k, b), WIDTH,
                        "dl/dh_" + k + " at alpha " + alphas[b]);
            }
        }
        assertClose(sumGrads.a(), 0, batchGrads.a(), 0, sumGrads.a().length, "dA");
        assertClose(sumGrads.v(), 0, batchGrads.v(), 0, sumGrads.v().length, "dV");
        if (block.hasInnerWeights()) {
            assertClose(sumGrads.w(), 0, batchGrads.w(), 0, sumGrads.w().length, "dW");
        }

        assertThrows(IllegalArgumentException.class,
                () -> batched.forward(net, x, BATCH, new double[BATCH - 1]));
        double[] bad = alphas.clone();
        bad[3] = Double.NaN;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> batched.forward(net, x, BATCH, bad));
        assertTrue(e.getMessage().contains("NaN"), e.getMessage());
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("blocks")
    void weightGradientsAccumulateAndStateGradientsIgnoreThem(Block block, boolean bias) {
        NetworkSpec spec = spec(block, bias);
        ResNet net = network(spec);
        double[] x = uniform(2, BATCH * INPUT_DIM);
        double[] dOut = uniform(3, BATCH * OUTPUT_DIM);
        Propagator p = new Propagator(spec, BATCH);
        p.forward(net, x, BATCH);

        p.backward(net, dOut, null);
        double[] gsWithout = p.stateGradients().clone();
        Gradients once = new Gradients(spec);
        p.backward(net, dOut, once);
        assertArrayEquals(gsWithout, p.stateGradients(),
                "dl/dh_k must not depend on whether weight gradients are requested");

        Gradients twice = new Gradients(spec);
        p.backward(net, dOut, twice);
        p.backward(net, dOut, twice);
        double[] doubled = Arrays.stream(once.v()).map(v -> 2 * v).toArray();
        assertClose(doubled, 0, twice.v(), 0, doubled.length,
                "backward adds to the gradients it is given: dV after two calls");
        double[] doubledA = Arrays.stream(once.a()).map(v -> 2 * v).toArray();
        assertClose(doubledA, 0, twice.a(), 0, doubledA.length,
                "backward adds to the gradients it is given: dA after two calls");
        twice.zero();
        assertTrue(Arrays.stream(twice.v()).allMatch(v -> v == 0.0)
                && Arrays.stream(twice.a()).allMatch(v -> v == 0.0)
                && Arrays.stream(twice.b()).allMatch(v -> v == 0.0)
                && (twice.w() == null || Arrays.stream(twice.w()).allMatch(v -> v == 0.0))
                && (twice.bias() == null || Arrays.stream(twice.bias()).allMatch(v -> v == 0.0)),
                "zero() clears every gradient");
    }

    @ParameterizedTest(name = "{0} bias={1}")
    @MethodSource("blocks")
    void zeroAlphaIsTheIdentity(Block block, boolean bias) {
        NetworkSpec spec = spec(block, bias);
        ResNet net = network(spec).withAlpha(0.0);
        double[] x = uniform(2, BATCH * INPUT_DIM);
        double[] dOut = uniform(3, BATCH * OUTPUT_DIM);
        Propagator p = new Propagator(spec, BATCH);
        p.forward(net, x, BATCH);
        Gradients g = new Gradients(spec);
        p.backward(net, dOut, g);

        for (int b = 0; b < BATCH; b++) {
            double[] h0 = p.state(0, b);
            double[] g0 = p.stateGradient(0, b);
            for (int k = 1; k <= DEPTH; k++) {
                assertArrayEquals(h0, p.state(k, b), "h_" + k + " = h_0 when alpha = 0");
                assertArrayEquals(g0, p.stateGradient(k, b), "g_" + k + " = g_0 when alpha = 0");
            }
        }
        assertTrue(Arrays.stream(g.v()).allMatch(v -> v == 0.0), "dV = 0 when alpha = 0");
        if (g.w() != null) {
            assertTrue(Arrays.stream(g.w()).allMatch(v -> v == 0.0), "dW = 0 when alpha = 0");
        }
        if (g.bias() != null) {
            assertTrue(Arrays.stream(g.bias()).allMatch(v -> v == 0.0), "db = 0 when alpha = 0");
        }
    }

    @Test
    void invalidArgumentsAreRejected() {
        NetworkSpec spec = spec(Block.RES3, false);
        ResNet net = network(spec);
        double[] x = uniform(2, BATCH * INPUT_DIM);

        IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
                () -> new Propagator(spec, 0));
        assertTrue(capacity.getMessage().contains("0"), capacity.getMessage());

        Propagator p = new Propagator(spec, BATCH);
        assertEquals(BATCH, p.capacity());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> p.forward(net, x, 0));
        assertTrue(zero.getMessage().contains("got 0"), zero.getMessage());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> p.forward(net, new double[(BATCH + 1) * INPUT_DIM], BATCH + 1));
        assertTrue(tooMany.getMessage().contains("got " + (BATCH + 1)), tooMany.getMessage());
        IllegalArgumentException shortInputs = assertThrows(IllegalArgumentException.class,
                () -> p.forward(net, new double[BATCH * INPUT_DIM - 1], BATCH));
        assertTrue(shortInputs.getMessage().contains(String.valueOf(BATCH * INPUT_DIM - 1)),
                shortInputs.getMessage());

        NetworkSpec other = spec(Block.RES1, false);
        ResNet otherNet = network(other);
        assertThrows(IllegalArgumentException.class, () -> p.forward(otherNet, x, BATCH),
                "a network of another spec is rejected");

        p.forward(net, x, BATCH);
        IllegalArgumentException shortGrad = assertThrows(IllegalArgumentException.class,
                () -> p.backward(net, new double[BATCH * OUTPUT_DIM - 1], null));
        assertTrue(shortGrad.getMessage().contains(String.valueOf(BATCH * OUTPUT_DIM - 1)),
                shortGrad.getMessage());
    }

    @Test
    void backwardBeforeForwardIsRejected() {
        NetworkSpec spec = spec(Block.RES2, false);
        ResNet net = network(spec);
        Propagator p = new Propagator(spec, BATCH);
        assertThrows(IllegalStateException.class,
                () -> p.backward(net, new double[BATCH * OUTPUT_DIM], new Gradients(spec)));
    }

    /** res3, ReLU, beta = 0 (alpha = 1), uniform i.i.d. weights: the signal explodes. */
    @Test
    void explodingNetworkGivesHugeRatiosAndNoException() {
        NetworkSpec spec = NetworkSpec.of(Block.RES3, 40, 2000, INPUT_DIM, 1, Activation.relu(),
                IidLaw.uniform());
        ResNet net = ResNet.draw(spec, spec.alpha(0.0), Streams.key(SEED, 5));
        Propagator p = new Propagator(spec, 2);
        PropagationMetrics[] exploding = measure(p, net);
        for (PropagationMetrics m : exploding) {
            // E|h_L|^2/|h_0|^2 = 1.5^2000 = 1e352: far beyond this, or Infinity
            assertTrue(m.hiddenRatio() > HUGE, "hidden_ratio " + m.hiddenRatio());
            assertTrue(m.hiddenDiff() > HUGE, "hidden_diff " + m.hiddenDiff());
            assertEquals(Regime.EXPLOSION, Regime.classify(m.hiddenDiff()));
            assertEquals(Regime.EXPLOSION, Regime.classify(m.gradDiff()));
        }

        // the same weights at alpha = 2 (factor 3 per layer in E|h|^2) overflow the doubles
        PropagationMetrics[] overflowing = measure(p, net.withAlpha(2.0));
        for (PropagationMetrics m : overflowing) {
            assertEquals(Double.POSITIVE_INFINITY, m.hiddenRatio(), "overflow is Infinity");
            assertEquals(Double.POSITIVE_INFINITY, m.hiddenDiff(), "overflow is Infinity");
            assertEquals(Regime.EXPLOSION, Regime.classify(m.hiddenDiff()));
            assertEquals(Regime.EXPLOSION, Regime.classify(m.gradDiff()));
        }
    }

    /** A value no non-exploding network of depth 2000 reaches (1e100). */
    private static final double HUGE = 1e100;

    private static PropagationMetrics[] measure(Propagator p, ResNet net) {
        int batch = p.capacity();
        double[] x = uniform(6, batch * INPUT_DIM);
        double[] y = uniform(7, batch);
        double[] dOut = new double[batch];
        p.forward(net, x, batch);
        SquaredLoss.gradient(p.outputs(), y, batch, 1, dOut);
        p.backward(net, dOut, null);
        PropagationMetrics[] m = new PropagationMetrics[batch];
        for (int b = 0; b < batch; b++) {
            m[b] = PropagationMetrics.of(p, b);
        }
        return m;
    }

    @Test
    void gradientsOfASpecWithoutInnerWeightsHaveNoW() {
        Gradients g = new Gradients(spec(Block.RES1, false));
        assertNull(g.w());
        assertNull(g.bias());
        assertEquals(WIDTH * INPUT_DIM, g.a().length);
        assertEquals(OUTPUT_DIM * WIDTH, g.b().length);
        assertEquals(DEPTH * WIDTH * WIDTH, g.v().length);
    }
}
