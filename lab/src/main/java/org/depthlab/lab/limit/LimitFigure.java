package org.depthlab.lab.limit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.depthlab.lab.figure.Figure;
import org.depthlab.lab.figure.FigureContext;
import org.depthlab.lab.figure.FigureOutput;
import org.depthlab.lab.figure.Preset;
import org.depthlab.limit.ConvergenceResult;
import org.depthlab.limit.ConvergenceStudy;
import org.depthlab.limit.DepthError;
import org.depthlab.limit.Limit;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;

/**
 * The continuous-depth limits as report figures: {@code limit-sde} (i.i.d. Gaussian weights,
 * beta = 1/2, Euler–Maruyama), {@code limit-ode} (rbf:0.1 weights, beta = 1, explicit Euler)
 * and {@code limit-fgn} (fGn weights, H = 3/4, beta = H). res1, tanh.
 *
 * <p>Presets: quick is d = 10, L in 8 .. 256, reference 1024, 100 paths; paper is d = 20,
 * L in 8 .. 1024, reference 4096, 400 paths.
 */
public final class LimitFigure implements Figure {

    private final String kind;

    public LimitFigure(String kind) {
        this.kind = kind;
    }

    @Override
    public String id() {
        return "limit-" + (kind.startsWith("fgn") ? "fgn" : kind);
    }

    @Override
    public String title() {
        return switch (id()) {
            case "limit-sde" -> "Neural SDE limit: i.i.d. weights at β = 1/2";
            case "limit-ode" -> "Neural ODE limit: smooth weights at β = 1";
            default -> "Between the two: fGn weights of index H = " + kind.substring(4)
                    + " at β = H";
        };
    }

    @Override
    public FigureOutput run(FigureContext ctx) throws IOException {
        long started = System.nanoTime();
        Path dir = ctx.dir();
        Files.createDirectories(dir);
        boolean paper = ctx.preset() == Preset.PAPER;
        List<Integer> depths = paper ? List.of(8, 16, 32, 64, 128, 256, 512, 1024)
                : List.of(8, 16, 32, 64, 128, 256);
        int reference = 4 * depths.get(depths.size() - 1);
        ConvergenceStudy.Setup setup = new ConvergenceStudy.Setup(Limit.parse(kind, null),
                Block.RES1, Activation.tanh(), paper ? 20 : 10,
                ConvergenceStudy.Setup.DEFAULT_INPUT_DIM, depths, reference, paper ? 400 : 100,
                ctx.seed(), ConvergenceStudy.Setup.DEFAULT_BOOTSTRAP);
        LimitExperiment.Result result = LimitExperiment.run(LimitExperiment.Config.of(setup),
                ctx.threads());
        LimitFiles.write(result, dir, Instant.now(), ctx.threads());
        List<Path> images = LimitPlots.write(result, dir);

        ConvergenceResult r = result.convergence();
        Limit limit = setup.limit();
        List<String> findings = new ArrayList<>();
        findings.add(String.format(Locale.ROOT,
                "fitted strong order %.3f, 95%% interval [%.3f, %.3f] (path bootstrap);"
                        + " theoretical %.3g", r.strongFit().order(), r.strongOrder().low(),
                r.strongOrder().high(), limit.strongOrder()));
        DepthError first = r.errors().get(0);
        DepthError last = r.errors().get(r.errors().size() - 1);
        findings.add(String.format(Locale.ROOT, "strong error %.4g at L = %d, %.4g at L = %d",
                first.strong().value(), first.depth(), last.strong().value(), last.depth()));
        String caption = switch (id()) {
            case "limit-sde" -> "With i.i.d. Gaussian weights and β = 1/2 the network is exactly"
                    + " the Euler–Maruyama scheme of the neural SDE dH = dB σ(H) on the Brownian"
                    + " path its weights are the increments of. Coupling networks of depth L"
                    + " and a fine-grid solution on the same path gives the strong error"
                    + " sup_k E‖h_k − H_{k/L}‖, expected to decay as L^−1/2.";
            case "limit-ode" -> "With weights sampled from one smooth Gaussian-process path"
                    + " (rbf:0.1) and β = 1 the network is the explicit Euler scheme of the"
                    + " neural ODE dH/dt = V(t) σ(H); against an RK4 solution on the same path"
                    + " the error decays as 1/L.";
            default -> "With fGn weights of Hurst index H > 1/2 and β = H the network is the"
                    + " Euler scheme of a Young equation driven by fractional Brownian motion;"
                    + " the theoretical strong order is 2H − 1. At moderate width and depth the"
                    + " measured decay is faster: the 2H − 1 term comes from the d diagonal"
                    + " entries only and is dominated by a faster term up to depths of about a"
                    + " thousand (see order.json).";
        } + " Dashed: the theoretical slope. Below: a few coordinates of h_k on one path for"
                + " several depths, against the limit.";
        String config = Files.readString(dir.resolve(LimitFiles.CONFIG), StandardCharsets.UTF_8);
        return new FigureOutput(id(), title(), caption, ctx.command(), dir, images, config,
                findings, (System.nanoTime() - started) * 1e-9);
    }
}
