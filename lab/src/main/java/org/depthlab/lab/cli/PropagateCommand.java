package org.depthlab.lab.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.depthlab.lab.propagate.PropagationRun;
import org.depthlab.metrics.PropagationMetrics;
import org.depthlab.nn.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code depthlab propagate}: the four propagation ratios for many random networks. */
@Command(name = "propagate", sortOptions = false,
        description = {"Draw networks at initialization and measure forward and backward signal"
                + " propagation: one CSV row per (network, input) with hidden_ratio = |h_L|/|h_0|,"
                + " hidden_diff = |h_L-h_0|/|h_0|, grad_ratio = |dl/dh_0|/|dl/dh_L| and"
                + " grad_diff = |dl/dh_L-dl/dh_0|/|dl/dh_L|, for the loss l = |B h_L - y|^2.",
            "Overflow is written as Infinity. Same seed, same output, for any thread count."})
public final class PropagateCommand implements Callable<Integer> {

    /** The CSV header. */
    public static final String HEADER =
            "sample,input,depth,beta,hidden_ratio,hidden_diff,grad_ratio,grad_diff";

    @Mixin
    NetworkOptions network;

    @Option(names = "--samples", defaultValue = "200", paramLabel = "N",
            description = "Networks drawn (column sample). Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--inputs-per-network", defaultValue = "1", paramLabel = "N",
            description = "Fresh inputs fed to each network (column input), batched. "
                    + "Default: ${DEFAULT-VALUE}.")
    int inputsPerNetwork;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed of every random draw. Default: ${DEFAULT-VALUE}.")
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
        NetworkSpec spec = network.toSpec();
        NetworkOptions.atLeastOne("--samples", samples);
        NetworkOptions.atLeastOne("--inputs-per-network", inputsPerNetwork);
        int t = RunOptions.threadsOf(threads);
        Path target = out == null ? null : OutputFiles.checkWritable("--out", out);

        List<PropagationRun.Row> rows = new PropagationRun(spec, network.beta(), samples,
                inputsPerNetwork, seed).run(t);

        if (target == null) {
            Writer w = command.commandLine().getOut();
            writeCsv(w, spec, network.beta(), rows);
            w.flush();
        } else {
            OutputFiles.writeAtomically(target, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    writeCsv(w, spec, network.beta(), rows);
                }
            });
        }
        return 0;
    }

    static void writeCsv(Writer w, NetworkSpec spec, double beta, List<PropagationRun.Row> rows)
            throws IOException {
        w.write(HEADER);
        w.write('\n');
        StringBuilder sb = new StringBuilder(128);
        for (PropagationRun.Row r : rows) {
            PropagationMetrics m = r.metrics();
            sb.setLength(0);
            sb.append(r.sample()).append(',').append(r.input()).append(',')
                    .append(spec.depth()).append(',').append(beta).append(',')
                    .append(m.hiddenRatio()).append(',').append(m.hiddenDiff()).append(',')
                    .append(m.gradRatio()).append(',').append(m.gradDiff()).append('\n');
            w.write(sb.toString());
        }
    }
}
