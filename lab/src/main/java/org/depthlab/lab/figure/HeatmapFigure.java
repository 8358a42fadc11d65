package org.depthlab.lab.figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.depthlab.lab.plot.Heatmap;
import org.depthlab.lab.plot.Plots;
import org.depthlab.lab.sweep.Summary;
import org.depthlab.lab.sweep.Table;
import org.depthlab.law.FgnLaw;
import org.depthlab.metrics.CriticalScaling;
import org.depthlab.metrics.PropagationMetrics;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.ResNet;
import org.depthlab.random.Streams;

/**
 * Figure 7: mean log10 of {@code hidden_diff} and {@code grad_diff} over (beta, H), fGn weights
 * of Hurst index H along depth, res-3, ReLU, d = 40, L = 1000; and the estimated critical
 * boundary beta*(H), where the mean log10 {@code hidden_diff} crosses 0.
 *
 * <p>Cell (H index h, network r) draws one network with {@code fgn:H} weights (V and W) from
 * key(seed, h, r) and feeds it the same inputs (key(seed, h, r, 1 + i)) at every beta of the
 * grid, all in shared passes over the weights ({@link BetaBatch}).
 */
public final class HeatmapFigure implements SweptFigure {

    @Override
    public String id() {
        return "7";
    }

    @Override
    public String title() {
        return "Regimes over the scaling β and the Hurst index H of fGn weights";
    }

    /** The grid of a preset. */
    record Grid(double[] betas, double[] hurst, int networks, int inputs, int depth, int width) {
    }

    static Grid grid(Preset preset) {
        return preset == Preset.PAPER
                ? new Grid(Grids.linspace(0, 1.3, 70), Grids.linspace(0.05, 0.97, 51), 5, 10,
                        1000, 40)
                : new Grid(Grids.linspace(0, 1.3, 27), Grids.linspace(0.05, 0.95, 10), 2, 5,
                        1000, 40);
    }

    /** The grid a plan was made with, read back from its parameters. */
    static Grid grid(CellPlan plan) {
        return new Grid(plan.numbers("betas"), plan.numbers("hurst"),
                plan.integer("networks_per_cell"), plan.integer("inputs_per_network"),
                plan.integer("depth"), plan.integer("width"));
    }

    @Override
    public CellPlan plan(Preset preset, long seed) {
        return plan(grid(preset), seed);
    }

    /** One cell per (H, network); all beta and inputs in shared passes. */
    CellPlan plan(Grid g, long seed) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("experiment", "beta-hurst-heatmap");
        params.put("block", "res3");
        params.put("activation", "relu");
        params.put("width", g.width());
        params.put("depth", g.depth());
        params.put("input_dim", 64);
        params.put("output_dim", 1);
        params.put("init", "fgn:H (V and W)");
        params.put("outer_init", "uniform");
        params.put("betas", g.betas());
        params.put("hurst", g.hurst());
        params.put("networks_per_cell", g.networks());
        params.put("inputs_per_network", g.inputs());
        params.put("seed", seed);

        List<String> columns = new ArrayList<>(InitFigures.PROPAGATE_COLUMNS);
        columns.add(4, "hurst");
        Table layout = Table.empty(columns, InitFigures.INTEGER_COLUMNS);
        return new CellPlan("figure 7", g.hurst().length * g.networks(), layout, params, c -> {
            int h = c / g.networks();
            int r = c % g.networks();
            double hurst = g.hurst()[h];
            NetworkSpec spec = NetworkSpec.of(Block.RES3, g.width(), g.depth(), 64, 1,
                    Activation.relu(), new FgnLaw(hurst));
            long key = Streams.key(seed, h, r);
            ResNet net = ResNet.draw(spec, 1.0, Streams.child(key, 0));
            double[] x = new double[g.inputs() * 64];
            double[] y = new double[g.inputs()];
            for (int i = 0; i < g.inputs(); i++) {
                BetaBatch.drawInput(spec, Streams.child(key, 1 + i), x, i * 64, y, i);
            }
            PropagationMetrics[][] m = BetaBatch.measure(net, x, y, g.inputs(), g.betas());
            List<double[]> rows = new ArrayList<>();
            for (int i = 0; i < g.inputs(); i++) {
                for (int j = 0; j < g.betas().length; j++) {
                    PropagationMetrics p = m[i][j];
                    rows.add(new double[] {r, i, g.depth(), g.betas()[j], hurst,
                        p.hiddenRatio(), p.hiddenDiff(), p.gradRatio(), p.gradDiff()});
                }
            }
            return rows;
        });
    }

    @Override
    public FigureOutput finish(FigureContext ctx, CellPlan plan, Table data) throws IOException {
        long started = System.nanoTime();
        Path dir = ctx.dir();
        Files.createDirectories(dir);
        Grid g = grid(plan);
        String config = Config.write(dir, id(), ctx, plan.parameters());

        // raw rows and their summary per (H, beta), on the log10 scale
        data.write(dir.resolve("data.csv"));
        Table summary = Summary.of(data, List.of("hurst", "beta"), List.of("log10_hidden_diff",
                "log10_grad_diff", "hidden_diff", "grad_diff"));
        summary.write(dir.resolve("summary.csv"));

        // boundary beta*(H): where the mean log10 ratio crosses 0
        Table boundary = Table.empty(List.of("hurst", "beta_star_hidden", "beta_star_grad"),
                Set.of());
        double[] hs = g.hurst();
        double[] starHidden = new double[hs.length];
        double[] starGrad = new double[hs.length];
        for (int h = 0; h < hs.length; h++) {
            starHidden[h] = crossing(summary, hs[h], "log10_hidden_diff_mean", g.betas());
            starGrad[h] = crossing(summary, hs[h], "log10_grad_diff_mean", g.betas());
            boundary.add(hs[h], starHidden[h], starGrad[h]);
        }
        boundary.write(dir.resolve("boundary.csv"));

        // heatmaps
        int n = summary.rows().size();
        double[] hx = summary.values("hurst");
        double[] by = summary.values("beta");
        double[] zHidden = summary.values("log10_hidden_diff_mean");
        double[] zGrad = summary.values("log10_grad_diff_mean");
        double dx = hs.length > 1 ? hs[1] - hs[0] : 0.1;
        double dy = g.betas().length > 1 ? g.betas()[1] - g.betas()[0] : 0.1;
        double[] guideH = Grids.linspace(hs[0], hs[hs.length - 1], 60);
        double[] guideB = new double[guideH.length];
        for (int i = 0; i < guideH.length; i++) {
            guideB[i] = Math.max(0.5, guideH[i]);
        }
        List<Plots.Curve> linesHidden = List.of(
                new Plots.Curve("estimated β*(H)", hs, starHidden, false),
                new Plots.Curve("guide β = max(1/2, H)", guideH, guideB, true));
        List<Plots.Curve> linesGrad = List.of(
                new Plots.Curve("estimated β*(H)", hs, starGrad, false),
                new Plots.Curve("guide β = max(1/2, H)", guideH, guideB, true));
        Path png = dir.resolve("fig7.png");
        Plots.save("Figure 7 — mean log10 ratio over (H, β), fGn weights (res-3, d = "
                + g.width() + ", L = " + g.depth() + ")", List.of(
                Heatmap.chart("hidden states: log10 ‖h_L − h_0‖/‖h_0‖", "Hurst index H",
                        "β", "log10", hx, by, zHidden, dx, dy, 1.0, linesHidden),
                Heatmap.chart("gradients: log10 ‖∂l/∂h_L − ∂l/∂h_0‖/‖∂l/∂h_L‖",
                        "Hurst index H", "β", "log10", hx, by, zGrad, dx, dy, 1.0, linesGrad)),
                2, 560, 520, png, dir.resolve("fig7.svg"));

        int overflow = 0;
        for (double z : zHidden) {
            overflow += Double.isFinite(z) ? 0 : 1;
        }
        List<String> findings = new ArrayList<>();
        StringBuilder b = new StringBuilder("estimated β*(H) from hidden states:");
        for (int h = 0; h < hs.length; h++) {
            if (h % Math.max(1, hs.length / 8) == 0 || h == hs.length - 1) {
                b.append(String.format(Locale.ROOT, " H=%.2f→%.3f;", hs[h], starHidden[h]));
            }
        }
        findings.add(b.toString());
        findings.add(overflow + " of " + n + " cells overflowed (saturated, marked with dots)");
        String caption = "Mean log10 of the difference ratios over " + g.networks()
                + " networks × " + g.inputs() + " inputs per cell, with fGn weights of Hurst"
                + " index H along depth. Red: explosion, blue: identity, white: the non-trivial"
                + " regime; the colour scale saturates at ±1 and overflowed cells are dotted."
                + " Solid line: the estimated critical boundary β*(H) (where the mean log10"
                + " ratio crosses 0, by linear interpolation in β; boundary.csv); dashed: the"
                + " heuristic guide β = max(1/2, H) (rough weights behave like i.i.d. ones,"
                + " smooth weights sum coherently like an fBm of index H).";
        return new FigureOutput(id(), "Figure 7: " + title(), caption, ctx.command(), dir,
                List.of(png), config, findings, (System.nanoTime() - started) * 1e-9);
    }

    /**
     * The beta at which {@code column} (a mean log10 ratio, decreasing in beta) first crosses 0
     * at Hurst index {@code hurst}, by linear interpolation; overflow counts as +Infinity. NaN if
     * it does not cross within the grid.
     */
    static double crossing(Table summary, double hurst, String column, double[] betas) {
        int ch = summary.column("hurst");
        int cb = summary.column("beta");
        int cv = summary.column(column);
        double[] v = new double[betas.length];
        java.util.Arrays.fill(v, Double.NaN);
        for (double[] row : summary.rows()) {
            if (row[ch] == hurst) {
                for (int j = 0; j < betas.length; j++) {
                    if (row[cb] == betas[j]) {
                        v[j] = Double.isNaN(row[cv]) ? Double.POSITIVE_INFINITY : row[cv];
                    }
                }
            }
        }
        return CriticalScaling.crossing(betas, v);
    }
}
