package org.depthlab.lab.propagate;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.metrics.PropagationMetrics;
import org.depthlab.metrics.SquaredLoss;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import org.depthlab.parallel.Workers;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;

/**
 * Propagation at initialization: draws networks, feeds each a few random inputs, and measures
 * the four ratios of {@link PropagationMetrics}.
 *
 * <p>Randomness: network s is drawn from stream {@code key(seed, s, 0)}; input i of network s
 * and its target from {@code key(seed, s, 1, i)} (x ~ U[0,1]^inputDim from child 0,
 * y ~ U[0,1]^outputDim from child 1). Networks are spread over threads; rows come back in
 * (sample, input) order, identical for any thread count. The loss is l = |B h_L - y|^2.
 */
public final class PropagationRun {

    /** One measured (network, input) pair. */
    public record Row(int sample, int input, PropagationMetrics metrics) {
    }

    private final NetworkSpec spec;
    private final double beta;
    private final int samples;
    private final int inputsPerNetwork;
    private final long seed;

    /**
     * @throws IllegalArgumentException if samples or inputsPerNetwork is below 1 or beta is not
     *                                  finite
     */
    public PropagationRun(NetworkSpec spec, double beta, int samples, int inputsPerNetwork,
            long seed) {
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
        if (inputsPerNetwork < 1) {
            throw new IllegalArgumentException("inputs per network must be >= 1, got "
                    + inputsPerNetwork);
        }
        spec.alpha(beta);
        this.spec = spec;
        this.beta = beta;
        this.samples = samples;
        this.inputsPerNetwork = inputsPerNetwork;
        this.seed = seed;
    }

    /** The key of network {@code sample}'s weights. */
    public static long networkKey(long seed, int sample) {
        return Streams.key(seed, sample, 0);
    }

    /** The key of input {@code input} of network {@code sample}. */
    public static long inputKey(long seed, int sample, int input) {
        return Streams.key(seed, sample, 1, input);
    }

    /** Draws network {@code sample} at this run's beta. */
    public ResNet network(int sample) {
        return ResNet.draw(spec, spec.alpha(beta), networkKey(seed, sample));
    }

    /** Fills x (inputDim) and y (outputDim) for one input, U[0,1] entries. */
    public static void drawInput(NetworkSpec spec, long seed, int sample, int input,
            double[] x, int xOff, double[] y, int yOff) {
        long key = inputKey(seed, sample, input);
        UniformRandomProvider rx = Streams.generator(Streams.child(key, 0));
        Draws.uniform(rx, x, xOff, spec.inputDim(), 0.0, 1.0);
        UniformRandomProvider ry = Streams.generator(Streams.child(key, 1));
        Draws.uniform(ry, y, yOff, spec.outputDim(), 0.0, 1.0);
    }

    /** Measures every input of one network with a caller-owned propagator. */
    public List<Row> measure(int sample, Propagator propagator) {
        ResNet net = network(sample);
        int batch = inputsPerNetwork;
        int nIn = spec.inputDim();
        int nOut = spec.outputDim();
        double[] x = new double[batch * nIn];
        double[] y = new double[batch * nOut];
        double[] dOut = new double[batch * nOut];
        for (int i = 0; i < batch; i++) {
            drawInput(spec, seed, sample, i, x, i * nIn, y, i * nOut);
        }
        propagator.forward(net, x, batch);
        SquaredLoss.gradient(propagator.outputs(), y, batch, nOut, dOut);
        propagator.backward(net, dOut, null);
        List<Row> rows = new ArrayList<>(batch);
        for (int i = 0; i < batch; i++) {
            rows.add(new Row(sample, i, PropagationMetrics.of(propagator, i)));
        }
        return rows;
    }

    /** Runs every sample on {@code threads} threads; rows in (sample, input) order. */
    public List<Row> run(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        List<List<Row>> perSample = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            perSample.add(null);
        }
        Workers.run(samples, threads, "depthlab-propagate",
                () -> new Propagator(spec, inputsPerNetwork), (p, s) -> {
                    List<Row> rows = measure(s, p);
                    synchronized (perSample) {
                        perSample.set(s, rows);
                    }
                });
        List<Row> all = new ArrayList<>(samples * inputsPerNetwork);
        for (List<Row> rows : perSample) {
            all.addAll(rows);
        }
        return all;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public double beta() {
        return beta;
    }
}
