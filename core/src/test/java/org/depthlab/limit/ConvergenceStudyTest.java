package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * Measured convergence of coupled networks: the fitted strong order of the sde network
 * (Euler–Maruyama) is near 1/2 and that of the ode network (explicit Euler) near 1, with
 * intervals that contain the fitted value; results do not depend on threads; bad setups fail.
 */
class ConvergenceStudyTest {

    private static final long SEED = 2025L;
    private static final List<Integer> DEPTHS = List.of(8, 16, 32, 64, 128);
    /** Bootstrap resamples: enough for stable 2.5% / 97.5% percentiles in a test. */
    private static final int BOOTSTRAP = 400;
    /**
     * sde, d = 4, 100 paths, reference 1024 steps. The order's path-bootstrap interval is about
     * +/- 0.05 (half-width), the finite Euler–Maruyama reference steepens the slope by about
     * 0.02 (the error at depth L is about C L^-1/2 (1 - L / 1024)^1/2), and pre-asymptotic terms
     * at L = 8 by a few hundredths: 0.1 covers the three, and excludes order 1.
     */
    private static final double SDE_ORDER_TOL = 0.1;
    /**
     * ode, d = 4, 50 paths, RK4 reference on 512 steps (error about 512^-4, negligible): the
     * error is deterministic given the path and almost exactly C / L, and the bootstrap
     * half-width is about 0.01; 0.05 leaves room for the L^-2 term at L = 8.
     */
    private static final double ODE_ORDER_TOL = 0.05;
    /**
     * Widest acceptable bootstrap interval for the order: with these path counts it is about
     * 0.1 (sde) and 0.02 (ode) wide; wider would mean the interval is not measuring the Monte
     * Carlo spread.
     */
    private static final double MAX_INTERVAL_WIDTH = 0.25;

    private static ConvergenceStudy.Setup setup(Limit limit, int paths, int reference,
            List<Integer> depths) {
        return new ConvergenceStudy.Setup(limit, Block.RES1, Activation.tanh(), 4, 16, depths,
                reference, paths, SEED, BOOTSTRAP);
    }

    private static void assertOrder(ConvergenceResult r, double expected, double tol) {
        Estimate order = r.strongOrder();
        assertEquals(expected, order.value(), tol, "fitted strong order " + order);
        assertTrue(order.low() <= order.value() && order.value() <= order.high(),
                "interval " + order + " contains the estimate");
        assertTrue(order.high() - order.low() < MAX_INTERVAL_WIDTH, "interval " + order);
        for (DepthError e : r.errors()) {
            assertTrue(e.strong().low() <= e.strong().value()
                    && e.strong().value() <= e.strong().high(), e.toString());
        }
    }

    @Test
    void sdeNetworkConvergesWithOrderOneHalf() {
        ConvergenceResult r = new ConvergenceStudy(setup(new Limit.NeuralSde(), 100, 1024,
                DEPTHS)).run(2);
        assertOrder(r, new Limit.NeuralSde().strongOrder(), SDE_ORDER_TOL);
        assertEquals(DEPTHS.size(), r.errors().size());
        for (int i = 1; i < r.errors().size(); i++) {
            assertTrue(r.errors().get(i).strong().value() < r.errors().get(i - 1).strong()
                    .value(), "strong error decreases with depth");
        }
    }

    @Test
    void odeNetworkConvergesWithOrderOne() {
        ConvergenceResult r = new ConvergenceStudy(setup(new Limit.NeuralOde(
                Limit.DEFAULT_KERNEL), 50, 512, DEPTHS)).run(2);
        assertOrder(r, new Limit.NeuralOde(Limit.DEFAULT_KERNEL).strongOrder(), ODE_ORDER_TOL);
    }

    @Test
    void resultDoesNotDependOnThreads() {
        ConvergenceStudy study = new ConvergenceStudy(setup(new Limit.FractionalSde(0.7), 6, 64,
                List.of(16, 8)));
        ConvergenceResult one = study.run(1);
        ConvergenceResult three = study.run(3);
        assertEquals(one, three);
        assertEquals(List.of(8, 16), one.setup().depths(), "depths are stored increasing");
    }

    @Test
    void traceStartsAtTheSharedInitialState() {
        ConvergenceStudy study = new ConvergenceStudy(setup(new Limit.NeuralSde(), 2, 32,
                List.of(8, 32)));
        ConvergenceStudy.PathTrace t = study.trace(1);
        assertEquals(2, t.networks().size());
        assertEquals(33 * 4, t.reference().length);
        for (int i = 0; i < 4; i++) {
            assertEquals(t.reference()[i], t.networks().get(0)[i], 0.0);
            assertEquals(t.reference()[i], t.networks().get(1)[i], 0.0);
        }
        // at the reference depth the network is the reference, to rounding
        for (int i = 0; i < t.reference().length; i++) {
            assertEquals(t.reference()[i], t.networks().get(1)[i], 1e-12);
        }
    }

    @Test
    void networkOfAPathIsTheOneTraced() {
        ConvergenceStudy study = new ConvergenceStudy(setup(new Limit.NeuralOde(
                Limit.DEFAULT_KERNEL), 3, 32, List.of(8, 16)));
        ResNet net = study.network(2, 1);
        assertEquals(16, net.spec().depth());
        assertEquals(1.0 / 16, net.alpha(), 0.0);
        ConvergenceStudy.PathTrace t = study.trace(2);
        double[] x = new double[16];
        Draws.uniform(Streams.generator(Streams.child(Streams.key(SEED, 2),
                ConvergenceStudy.STREAM_INPUT)), x, 0, 16, 0.0, 1.0);
        Propagator p = new Propagator(net.spec(), 1);
        p.forward(net, x, 1);
        assertArrayEquals(t.networks().get(1), Arrays.copyOf(p.states(), 17 * 4), 0.0);
    }

    @Test
    void badSetupsAreRejectedWithTheRule() {
        Limit sde = new Limit.NeuralSde();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> setup(sde, 10, 96, List.of(8, 16)));
        assertTrue(e.getMessage().contains("96") && e.getMessage().contains("8"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> setup(sde, 1, 64, List.of(8)));
        assertThrows(IllegalArgumentException.class, () -> setup(sde, 10, 64, List.of()));
        assertThrows(IllegalArgumentException.class, () -> setup(sde, 10, 64, List.of(8, 8)));
        assertThrows(IllegalArgumentException.class,
                () -> new ConvergenceStudy.Setup(sde, Block.RES2, Activation.tanh(), 4, 16,
                        List.of(8), 64, 10, SEED, BOOTSTRAP));
        assertThrows(IllegalArgumentException.class,
                () -> new ConvergenceStudy.Setup(sde, Block.RES1, Activation.tanh(), 0, 16,
                        List.of(8), 64, 10, SEED, BOOTSTRAP));
    }
}
