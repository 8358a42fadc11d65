package org.depthlab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.depthlab.lab.limit.LimitExperiment;
import org.depthlab.lab.limit.LimitFiles;
import org.depthlab.law.GaussianProcessLaw;
import org.depthlab.law.Kernel;
import org.depthlab.law.WeightLaw;
import org.depthlab.law.WeightLaws;
import org.depthlab.limit.ConvergenceStudy;
import org.depthlab.limit.Limit;
import org.depthlab.limit.NestedGrids;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code depthlab limit}: measured convergence of coupled networks to their depth limit. */
@Command(name = "limit", sortOptions = false, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Couple residual networks of several depths with their continuous-depth"
                + " limit on the same random path and measure the distance: sde (i.i.d. Gaussian"
                + " weights, beta = 1/2, Euler-Maruyama for dH = dB sigma(H)), ode (Gaussian-"
                + "process weights, beta = 1, explicit Euler for dH/dt = V(t) sigma(H)) or fgn:H"
                + " (fGn weights, 1/2 < H < 1, beta = H).",
            "Writes DIR/errors.csv (strong error sup_k E|h_k - H(k/L)| and weak error"
                + " |E|h_L|^2 - E|H_1|^2| per depth with 95%% path-bootstrap intervals),"
                + " DIR/order.json (fitted orders and theory), DIR/trajectories.csv (one path)"
                + " and DIR/config.json. Same seed, same output, for any thread count."})
public final class LimitCommand implements Callable<Integer> {

    /** The reference depth, when not given, is this multiple of the largest depth. */
    public static final int DEFAULT_REFERENCE_FACTOR = 4;

    @Option(names = "--kind", defaultValue = "sde", paramLabel = "KIND",
            description = "The limit: " + Limit.GRAMMAR + ". Default: ${DEFAULT-VALUE}.")
    String kind;

    @Option(names = "--block", defaultValue = "res1", paramLabel = "BLOCK",
            description = "Residual branch: res1 = V sigma(h), or res2 = sigma(V h) (ode; sde"
                    + " and fgn only with --activation identity). Default: ${DEFAULT-VALUE}.")
    String block;

    @Option(names = "--activation", defaultValue = "tanh", paramLabel = "SIGMA",
            description = "Activation: " + Activation.GRAMMAR + "; the theory wants it smooth"
                    + " and Lipschitz. Default: ${DEFAULT-VALUE}.")
    String activation;

    @Option(names = "--width", defaultValue = "10", paramLabel = "D",
            description = "Hidden dimension d. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--depths", defaultValue = "8,16,32,64,128", paramLabel = "L1,L2,...",
            description = "Network depths, comma-separated; each must divide the reference depth"
                    + " by a power of two. Default: ${DEFAULT-VALUE}.")
    String depths;

    @Option(names = "--reference-depth", paramLabel = "L_REF",
            description = "Steps of the reference solution, a power-of-two multiple of every"
                    + " depth. Default: " + DEFAULT_REFERENCE_FACTOR + " x the largest depth.")
    Integer referenceDepth;

    @Option(names = "--paths", defaultValue = "100", paramLabel = "N",
            description = "Independent paths (networks and limits), at least 2."
                    + " Default: ${DEFAULT-VALUE}.")
    int paths;

    @Option(names = "--kernel", paramLabel = "KERNEL",
            description = "Kernel of the ode weights: rbf:ell | matern:nu:ell. Default: "
                    + "rbf:0.1.")
    String kernel;

    @Option(names = "--input-dim", defaultValue = "" + ConvergenceStudy.Setup.DEFAULT_INPUT_DIM,
            paramLabel = "N",
            description = "Input dimension n_in: h_0 = A x, x ~ U[0,1]^n_in. "
                    + "Default: ${DEFAULT-VALUE}.")
    int inputDim;

    @Option(names = "--bootstrap", defaultValue = "" + ConvergenceStudy.Setup.DEFAULT_BOOTSTRAP,
            paramLabel = "B",
            description = "Path-bootstrap resamples for the 95%% intervals, at least 10."
                    + " Default: ${DEFAULT-VALUE}.")
    int bootstrap;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed of every random draw. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Does not change the output.")
    Integer threads;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Output directory (created if missing).")
    String out;

    @Override
    public Integer call() throws IOException {
        LimitExperiment.Config config = toConfig();
        int t = RunOptions.threadsOf(threads);
        Path dir = writableDirectory(out);

        Instant start = Instant.now();
        LimitExperiment.Result result = LimitExperiment.run(config, t);
        LimitFiles.write(result, dir, start, t);
        org.depthlab.lab.limit.LimitPlots.write(result, dir);
        return 0;
    }

    /** Validates every option, naming the first bad one, and builds the configuration. */
    LimitExperiment.Config toConfig() {
        Kernel k = parseKernel();
        Limit limit;
        try {
            limit = Limit.parse(kind, k);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--kind", kind, e.getMessage());
        }
        if (kernel != null && !(limit instanceof Limit.NeuralOde)) {
            throw new BadOption("--kernel", kernel, "applies to --kind ode only (kind is "
                    + limit.spec() + ")");
        }
        Block b;
        try {
            b = Block.parse(block);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--block", block, e.getMessage());
        }
        Activation sigma;
        try {
            sigma = Activation.parse(activation);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--activation", activation, e.getMessage());
        }
        if (b.hasInnerWeights()) {
            throw new BadOption("--block", block, "the limit couplings take res1 or res2");
        }
        if (limit.driven() && b == Block.RES2 && !"identity".equals(sigma.spec())) {
            throw new BadOption("--block", block, "res2 with --activation " + sigma.spec()
                    + " is not a discretization of dH = dB sigma(H) on the same path; use res1,"
                    + " or res2 with --activation identity (res2 with any sigma works for ode)");
        }
        NetworkOptions.atLeastOne("--width", width);
        NetworkOptions.atLeastOne("--input-dim", inputDim);
        List<Integer> list = parseDepths();
        int max = list.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int ref;
        String refOption;
        if (referenceDepth == null) {
            if (max > Integer.MAX_VALUE / DEFAULT_REFERENCE_FACTOR) {
                throw new BadOption("--depths", depths, "largest depth " + max + " is too large"
                        + " for a reference of " + DEFAULT_REFERENCE_FACTOR + " x it");
            }
            ref = DEFAULT_REFERENCE_FACTOR * max;
            refOption = "--depths";
        } else {
            ref = referenceDepth;
            refOption = "--reference-depth";
        }
        for (int depth : list) {
            try {
                NestedGrids.ratio(depth, ref);
            } catch (IllegalArgumentException e) {
                throw new BadOption(refOption, refOption.equals("--depths") ? depths : ref,
                        e.getMessage());
            }
        }
        if (paths < 2) {
            throw new BadOption("--paths", paths, "must be an integer >= 2 (the intervals need"
                    + " at least two paths)");
        }
        if (bootstrap < 10) {
            throw new BadOption("--bootstrap", bootstrap, "must be an integer >= 10");
        }
        try {
            return LimitExperiment.Config.of(new ConvergenceStudy.Setup(limit, b, sigma, width,
                    inputDim, list, ref, paths, seed, bootstrap));
        } catch (IllegalArgumentException e) {
            throw new BadOption("--width/--reference-depth", width + "/" + ref, e.getMessage());
        }
    }

    private Kernel parseKernel() {
        if (kernel == null) {
            return null;
        }
        WeightLaw law;
        try {
            law = WeightLaws.parse(kernel);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--kernel", kernel, e.getMessage());
        }
        if (!(law instanceof GaussianProcessLaw gp)) {
            throw new BadOption("--kernel", kernel, "expected rbf:ell | matern:nu:ell");
        }
        return gp.kernel();
    }

    private List<Integer> parseDepths() {
        if (depths == null || depths.isBlank()) {
            throw new BadOption("--depths", "''", "must list at least one depth, e.g."
                    + " 8,16,32,64");
        }
        List<Integer> list = new ArrayList<>();
        for (String part : depths.split(",", -1)) {
            String p = part.trim();
            int v;
            try {
                v = Integer.parseInt(p);
            } catch (NumberFormatException e) {
                throw new BadOption("--depths", depths, "'" + p + "' is not an integer; expected"
                        + " a comma-separated list such as 8,16,32");
            }
            if (v < 1) {
                throw new BadOption("--depths", depths, "every depth must be >= 1, got " + v);
            }
            if (list.contains(v)) {
                throw new BadOption("--depths", depths, "depth " + v + " is listed twice");
            }
            list.add(v);
        }
        return list;
    }

    /** Creates {@code out} if missing; fails with {@link BadOption} unless it is writable. */
    static Path writableDirectory(String out) {
        Path dir;
        try {
            dir = Path.of(out).toAbsolutePath();
        } catch (RuntimeException e) {
            throw new BadOption("--out", out, "is not a valid path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new BadOption("--out", out, "is a file, expected a directory");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new BadOption("--out", out, "cannot be created (" + e.getMessage() + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new BadOption("--out", out, "is not writable");
        }
        return dir;
    }
}
