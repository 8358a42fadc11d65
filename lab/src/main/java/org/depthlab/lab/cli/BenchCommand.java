package org.depthlab.lab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.depthlab.lab.Provenance;
import org.depthlab.law.WeightLaw;
import org.depthlab.law.WeightLaws;
import org.depthlab.metrics.SquaredLoss;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import org.depthlab.random.Streams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code depthlab bench}: times the hot paths and prints a table with the achieved GFLOP/s.
 *
 * <p>Each workload is warmed up, then run in rounds of at least {@code --round-ms}; the table
 * gives the median round. FLOP counts are those of the dense products (2 flops per
 * multiply-add); elementwise work is not counted.
 */
@Command(name = "bench", sortOptions = false,
        description = "Time forward+backward passes and weight drawing; print ms per operation"
                + " and GFLOP/s (single thread).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--width", defaultValue = "40", description = "Width d. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--depth", defaultValue = "1000", description = "Depth L. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--rounds", defaultValue = "7", description = "Timed rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--round-ms", defaultValue = "300",
            description = "Minimum length of a round in ms. Default: ${DEFAULT-VALUE}.")
    int roundMs;

    PrintStream stdout = System.out;

    /** One line of the table. */
    record Result(String workload, double msPerOp, double gflops, String note) {
    }

    @Override
    public Integer call() {
        NetworkOptions.atLeastOne("--width", width);
        NetworkOptions.atLeastOne("--depth", depth);
        NetworkOptions.atLeastOne("--rounds", rounds);
        NetworkOptions.atLeastOne("--round-ms", roundMs);
        List<Result> results = new ArrayList<>();
        results.add(propagation(Block.RES3, 10));
        results.add(propagation(Block.RES3, 1));
        results.add(propagation(Block.RES1, 10));
        results.add(weights("uniform"));
        results.add(weights("gaussian"));
        results.add(weights("fgn:0.7"));
        results.add(weights("rbf:0.1"));
        print(results);
        return 0;
    }

    private Result propagation(Block block, int batch) {
        NetworkSpec spec = NetworkSpec.of(block, width, depth, 64, 1, Activation.relu(),
                WeightLaws.parse("uniform"));
        ResNet net = ResNet.draw(spec, spec.alpha(0.5), Streams.key(1, 2));
        Propagator p = new Propagator(spec, batch);
        double[] x = new double[batch * 64];
        double[] y = new double[batch];
        double[] g = new double[batch];
        Arrays.fill(x, 0.5);
        double secs = time(() -> {
            p.forward(net, x, batch);
            SquaredLoss.gradient(p.outputs(), y, batch, 1, g);
            p.backward(net, g, null);
        });
        int matrices = block.hasInnerWeights() ? 2 : 1;
        // forward and backward each do one d x d product per matrix per layer per input
        double flopsPerInput = 2.0 * matrices * 2.0 * width * width * depth;
        double msPerInput = secs * 1e3 / batch;
        return new Result(String.format(Locale.ROOT, "forward+backward %s d=%d L=%d batch=%d",
                block.spec(), width, depth, batch), msPerInput,
                flopsPerInput / (msPerInput * 1e-3) / 1e9, "ms per input");
    }

    private Result weights(String lawSpec) {
        WeightLaw law = WeightLaws.parse(lawSpec);
        double[] v = new double[depth * width * width];
        double[] w = new double[depth * width * width];
        long[] counter = {0};
        double secs = time(() -> {
            long k = counter[0]++;
            law.sample(depth, width, width, Streams.key(3, k, 0), v);
            law.sample(depth, width, width, Streams.key(3, k, 1), w);
        });
        double perWeightNs = secs * 1e9 / (2.0 * depth * width * width);
        return new Result(String.format(Locale.ROOT, "weights %s res3 d=%d L=%d (V and W)",
                lawSpec, width, depth), secs * 1e3, Double.NaN,
                String.format(Locale.ROOT, "%.2f ns per weight", perWeightNs));
    }

    /** Median seconds per call of {@code body} over the rounds, after a warm-up. */
    private double time(Runnable body) {
        long warmEnd = System.nanoTime() + 2L * roundMs * 1_000_000L;
        while (System.nanoTime() < warmEnd) {
            body.run();
        }
        double[] perCall = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long start = System.nanoTime();
            long calls = 0;
            long now;
            do {
                body.run();
                calls++;
                now = System.nanoTime();
            } while (now - start < roundMs * 1_000_000L);
            perCall[r] = (now - start) * 1e-9 / calls;
        }
        Arrays.sort(perCall);
        return perCall[rounds / 2];
    }

    private void print(List<Result> results) {
        stdout.printf(Locale.ROOT, "depthlab %s bench, Java %s, %d cores, single thread%n",
                Provenance.version(), Provenance.runtime(),
                Runtime.getRuntime().availableProcessors());
        stdout.printf(Locale.ROOT, "| %-48s | %10s | %8s | %-22s |%n", "workload", "ms/op",
                "GFLOP/s", "note");
        stdout.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(50), "-".repeat(12),
                "-".repeat(10), "-".repeat(24));
        for (Result r : results) {
            stdout.printf(Locale.ROOT, "| %-48s | %10.3f | %8s | %-22s |%n", r.workload(),
                    r.msPerOp(), Double.isNaN(r.gflops()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", r.gflops()), r.note());
        }
    }
}
