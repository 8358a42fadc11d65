package org.depthlab.lab.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.depthlab.lab.figure.BetaBatch;
import org.depthlab.lab.figure.Grids;
import org.depthlab.lab.propagate.PropagationRun;
import org.depthlab.lab.sweep.Summary;
import org.depthlab.lab.sweep.Table;
import org.depthlab.metrics.CriticalScaling;
import org.depthlab.metrics.PropagationMetrics;
import org.depthlab.metrics.Regime;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.ResNet;
import org.depthlab.parallel.Workers;
import org.depthlab.random.Streams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code depthlab critical}: the regime of a network family across a grid of beta, and the
 * critical exponent beta* where it passes from explosion to identity.
 */
@Command(name = "critical", sortOptions = false,
        description = {"Measure one family of networks (any block, width, depth, activation and"
                + " weight law) at every beta of a grid, sharing each network's weights across"
                + " the grid, and estimate the critical exponent beta*: where the mean log10 of"
                + " hidden_diff (and of grad_diff) crosses 0.",
            "Prints one CSV row per beta (mean log10 ratios with 95% intervals, overflow counts,"
                + " regimes) and, on standard error, beta* for hidden states and gradients."})
public final class CriticalCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Option(names = "--betas", defaultValue = "0:1.5:31", paramLabel = "GRID",
            description = "beta grid: START:STOP:NUM (evenly spaced, both ends included) or a"
                    + " comma list. Default: ${DEFAULT-VALUE}.")
    String betas;

    @Option(names = "--samples", defaultValue = "5", paramLabel = "N",
            description = "Networks drawn. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--inputs-per-network", defaultValue = "10", paramLabel = "N",
            description = "Inputs fed to each network at every beta. Default: ${DEFAULT-VALUE}.")
    int inputsPerNetwork;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed (networks and inputs as in 'depthlab propagate'). "
                    + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Does not change the output.")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the CSV here instead of standard output.")
    String out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws IOException {
        if (command.commandLine().getParseResult().hasMatchedOption("--beta")) {
            throw new BadOption("--beta", network.beta(), "critical sweeps a grid: use --betas");
        }
        NetworkSpec spec = network.toSpec();
        double[] grid = parseGrid(betas);
        NetworkOptions.atLeastOne("--samples", samples);
        NetworkOptions.atLeastOne("--inputs-per-network", inputsPerNetwork);
        int t = RunOptions.threadsOf(threads);
        Path target = out == null ? null : OutputFiles.checkWritable("--out", out);

        // every network at every beta, in shared passes over its weights
        Table data = Table.empty(List.of("sample", "input", "beta", "hidden_diff", "grad_diff"),
                Set.of("sample", "input"));
        List<List<double[]>> perSample = new ArrayList<>();
        for (int s = 0; s < samples; s++) {
            perSample.add(null);
        }
        Workers.run(samples, t, "depthlab-critical", () -> null, (unused, s) -> {
            ResNet net = ResNet.draw(spec, 1.0, PropagationRun.networkKey(seed, s));
            int nIn = spec.inputDim();
            int nOut = spec.outputDim();
            double[] x = new double[inputsPerNetwork * nIn];
            double[] y = new double[inputsPerNetwork * nOut];
            for (int i = 0; i < inputsPerNetwork; i++) {
                PropagationRun.drawInput(spec, seed, s, i, x, i * nIn, y, i * nOut);
            }
            PropagationMetrics[][] m = BetaBatch.measure(net, x, y, inputsPerNetwork, grid);
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < inputsPerNetwork; i++) {
                for (int j = 0; j < grid.length; j++) {
                    rows.add(new double[] {s, i, grid[j], m[i][j].hiddenDiff(),
                        m[i][j].gradDiff()});
                }
            }
            synchronized (perSample) {
                perSample.set(s, rows);
            }
        });
        for (List<double[]> rows : perSample) {
            rows.forEach(data::add);
        }

        // per beta: mean log10 ratios, regimes, and the crossing
        Table summary = Summary.of(data, List.of("beta"), List.of("log10_hidden_diff",
                "log10_grad_diff"));
        double[] hidden = summary.values("log10_hidden_diff_mean");
        double[] grad = summary.values("log10_grad_diff_mean");
        StringBuilder csv = new StringBuilder("beta,n,mean_log10_hidden_diff,hidden_low,"
                + "hidden_high,hidden_overflow,regime_hidden,mean_log10_grad_diff,grad_low,"
                + "grad_high,grad_overflow,regime_grad\n");
        for (double[] r : summary.rows()) {
            double h = r[summary.column("log10_hidden_diff_mean")];
            double g = r[summary.column("log10_grad_diff_mean")];
            csv.append(r[summary.column("beta")]).append(',')
                    .append((long) r[summary.column("n")]).append(',')
                    .append(h).append(',')
                    .append(r[summary.column("log10_hidden_diff_ci_low")]).append(',')
                    .append(r[summary.column("log10_hidden_diff_ci_high")]).append(',')
                    .append((long) r[summary.column("log10_hidden_diff_overflow")]).append(',')
                    .append(regime(h)).append(',')
                    .append(g).append(',')
                    .append(r[summary.column("log10_grad_diff_ci_low")]).append(',')
                    .append(r[summary.column("log10_grad_diff_ci_high")]).append(',')
                    .append((long) r[summary.column("log10_grad_diff_overflow")]).append(',')
                    .append(regime(g)).append('\n');
        }
        if (target == null) {
            command.commandLine().getOut().print(csv);
            command.commandLine().getOut().flush();
        } else {
            OutputFiles.writeAtomically(target, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write(csv.toString());
                }
            });
        }
        command.commandLine().getErr().printf(Locale.ROOT, "critical %s, %s, d=%d, L=%d, %s:"
                + " beta* = %s (hidden states), %s (gradients)%n", spec.block().spec(),
                spec.activation().spec(), spec.width(), spec.depth(), spec.lawV().spec(),
                star(CriticalScaling.crossing(grid, hidden)),
                star(CriticalScaling.crossing(grid, grad)));
        command.commandLine().getErr().flush();
        return 0;
    }

    private static String regime(double meanLog10) {
        return Regime.classify(Double.isNaN(meanLog10) ? Double.NaN
                : Math.pow(10, meanLog10)).spec();
    }

    private static String star(double b) {
        return Double.isNaN(b) ? "not crossed in the grid" : String.format(Locale.ROOT, "%.3f", b);
    }

    /** Parses START:STOP:NUM or a comma list into an increasing grid. */
    static double[] parseGrid(String text) {
        double[] grid;
        try {
            String[] parts = text.split(":");
            if (parts.length == 3) {
                int num = Integer.parseInt(parts[2].trim());
                if (num < 2) {
                    throw new BadOption("--betas", text, "NUM must be >= 2");
                }
                grid = Grids.linspace(Double.parseDouble(parts[0].trim()),
                        Double.parseDouble(parts[1].trim()), num);
            } else if (parts.length == 1) {
                String[] items = text.split(",");
                grid = new double[items.length];
                for (int i = 0; i < items.length; i++) {
                    grid[i] = Double.parseDouble(items[i].trim());
                }
            } else {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new BadOption("--betas", text, "expected START:STOP:NUM or a comma list of"
                    + " numbers");
        }
        for (int i = 0; i < grid.length; i++) {
            if (!Double.isFinite(grid[i])) {
                throw new BadOption("--betas", text, "every beta must be finite");
            }
            if (i > 0 && !(grid[i] > grid[i - 1])) {
                throw new BadOption("--betas", text, "betas must increase");
            }
        }
        return grid;
    }
}
