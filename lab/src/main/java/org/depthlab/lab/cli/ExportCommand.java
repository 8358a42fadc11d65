package org.depthlab.lab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.depthlab.io.Npz;
import org.depthlab.lab.propagate.PropagationRun;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code depthlab export}: one network, one input and its trajectory as a NumPy archive. */
@Command(name = "export", sortOptions = false,
        description = {"Write one network at initialization, one input and the forward trajectory"
                + " depthlab computed for it as a NumPy .npz (float64, C order): A (d, n_in),"
                + " B (n_out, d), V (L, d, d), W (L, d, d) for res3, b (L, d) with --bias,"
                + " alpha (scalar), x (n_in,), h (L+1, d).",
            "Matrices are out x in, so for res3 h[k+1] = h[k] + alpha * V[k] @ relu(W[k] @ h[k])"
                + " holds in NumPy. The network and input are those of"
                + " 'depthlab propagate' with the same options, sample and input."})
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    NetworkOptions network;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--sample", defaultValue = "0", paramLabel = "S",
            description = "Which network of the propagate run to export. "
                    + "Default: ${DEFAULT-VALUE}.")
    int sample;

    @Option(names = "--input", defaultValue = "0", paramLabel = "I",
            description = "Which input of that network. Default: ${DEFAULT-VALUE}.")
    int input;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The .npz file to write.")
    String out;

    @Override
    public Integer call() throws IOException {
        NetworkSpec spec = network.toSpec();
        if (sample < 0) {
            throw new BadOption("--sample", sample, "must be an integer >= 0");
        }
        if (input < 0) {
            throw new BadOption("--input", input, "must be an integer >= 0");
        }
        Path target = OutputFiles.checkWritable("--out", out);

        // draw and run
        ResNet net = ResNet.draw(spec, spec.alpha(network.beta()),
                PropagationRun.networkKey(seed, sample));
        double[] x = new double[spec.inputDim()];
        double[] y = new double[spec.outputDim()];
        PropagationRun.drawInput(spec, seed, sample, input, x, 0, y, 0);
        Propagator p = new Propagator(spec, 1);
        p.forward(net, x, 1);

        // collect the arrays
        int d = spec.width();
        int depth = spec.depth();
        Map<String, Npz.Array> arrays = new LinkedHashMap<>();
        arrays.put("A", new Npz.Array(net.a(), d, spec.inputDim()));
        arrays.put("B", new Npz.Array(net.b(), spec.outputDim(), d));
        arrays.put("V", new Npz.Array(net.v(), depth, d, d));
        if (net.w() != null) {
            arrays.put("W", new Npz.Array(net.w(), depth, d, d));
        }
        if (net.bias() != null) {
            arrays.put("b", new Npz.Array(net.bias(), depth, d));
        }
        arrays.put("alpha", Npz.Array.scalar(net.alpha()));
        arrays.put("x", new Npz.Array(x, spec.inputDim()));
        double[] h = new double[(depth + 1) * d];
        System.arraycopy(p.states(), 0, h, 0, h.length);
        arrays.put("h", new Npz.Array(h, depth + 1, d));

        OutputFiles.writeAtomically(target, tmp -> {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                Npz.write(os, arrays);
            }
        });
        return 0;
    }
}
