package org.depthlab.lab.cli;

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
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
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

    @Option(names = "--width", defaultValue = "40",
            description = "Width d. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--depth", defaultValue = "1000",
            description = "Depth L. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--rounds", defaultValue = "7",
            description = "Timed rounds. Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Option(names = "--round-ms", defaultValue = "300",
            description = "Minimum length of a round in ms. Default: ${DEFAULT-VALUE}.")
    int roundMs;

    @Option(names = "--figures", defaultValue = "true", negatable = true,
            description = "Also time the figure 1 grid (5 draws per cell, all cores) and one"
                    + " figure 7 cell of the paper grid. Default: ${DEFAULT-VALUE}.")
    boolean figures;

    @Spec
    CommandSpec command;

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
        if (figures) {
            results.add(figure1());
            results.add(figure7Cell());
        }
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

    /**
     * Figure 1's grid at 5 draws per cell: 10 depths x 5 draws = 50 networks, each measured at
     * the 3 beta in one pass (150 network-beta cells), on all cores.
     */
    private Result figure1() {
        int threads = Runtime.getRuntime().availableProcessors();
        int[] depths = org.depthlab.lab.figure.Grids.linspaceInt(10, 1000, 10);
        org.depthlab.lab.figure.DepthScalingFigure fig =
                org.depthlab.lab.figure.DepthScalingFigure.figure1();
        WeightLaw law = WeightLaws.parse("uniform");
        java.nio.file.Path dir;
        try {
            dir = java.nio.file.Files.createTempDirectory("depthlab-bench");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long[] seed = {0};
        double secs = time(() -> {
            org.depthlab.lab.sweep.Sweep sweep = new org.depthlab.lab.sweep.Sweep(dir,
                    "bench " + seed[0], threads, org.depthlab.lab.sweep.Progress.NONE);
            fig.measure(sweep, law, width, depths, 5, seed[0]++);
            try {
                sweep.clean();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        double layers = 0;
        for (int l : depths) {
            layers += l;
        }
        // res3 forward + backward: 8 d^2 flops per layer per column; 5 draws x 3 beta columns
        double flops = 8.0 * width * width * layers * 5 * 3;
        return new Result(String.format(Locale.ROOT, "figure 1 grid, 5 draws/cell (150 nets), %d"
                + " threads", threads), secs * 1e3, flops / secs / 1e9,
                "weights shared by beta");
    }

    /** One cell of figure 7's paper grid: one fGn network, 10 inputs x 70 beta. */
    private Result figure7Cell() {
        NetworkSpec spec = NetworkSpec.of(Block.RES3, 40, 1000, 64, 1, Activation.relu(),
                WeightLaws.parse("fgn:0.5"));
        double[] betas = org.depthlab.lab.figure.Grids.linspace(0, 1.3, 70);
        double[] x = new double[10 * 64];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            org.depthlab.lab.figure.BetaBatch.drawInput(spec, Streams.key(5, i), x, i * 64, y, i);
        }
        long[] k = {0};
        double secs = time(() -> {
            ResNet net = ResNet.draw(spec, 1.0, Streams.key(6, k[0]++));
            org.depthlab.lab.figure.BetaBatch.measure(net, x, y, 10, betas);
        });
        double flops = 8.0 * 40 * 40 * 1000 * 700;
        int cores = Runtime.getRuntime().availableProcessors();
        double projected = secs * 51 * 5 / cores / 60;
        return new Result("figure 7 paper cell (fgn net, 10 inputs x 70 beta)", secs * 1e3,
                flops / secs / 1e9, String.format(Locale.ROOT, "255 cells/%d cores: %.1f min",
                        cores, projected));
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
        java.io.PrintWriter stdout = command.commandLine().getOut();
        stdout.printf(Locale.ROOT, "depthlab %s bench, Java %s, %d cores, single thread%n",
                Provenance.version(), Provenance.runtime(),
                Runtime.getRuntime().availableProcessors());
        stdout.printf(Locale.ROOT, "| %-52s | %10s | %8s | %-26s |%n", "workload", "ms/op",
                "GFLOP/s", "note");
        stdout.printf(Locale.ROOT, "|%s|%s|%s|%s|%n", "-".repeat(54), "-".repeat(12),
                "-".repeat(10), "-".repeat(28));
        for (Result r : results) {
            stdout.printf(Locale.ROOT, "| %-52s | %10.3f | %8s | %-26s |%n", r.workload(),
                    r.msPerOp(), Double.isNaN(r.gflops()) ? "-"
                            : String.format(Locale.ROOT, "%.2f", r.gflops()), r.note());
        }
        stdout.flush();
    }
}
