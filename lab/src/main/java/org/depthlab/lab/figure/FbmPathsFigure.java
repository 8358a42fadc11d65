package org.depthlab.lab.figure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.depthlab.lab.plot.Plots;
import org.depthlab.lab.sweep.Table;
import org.depthlab.law.FractionalBrownianMotion;
import org.depthlab.random.Streams;
import org.jfree.chart.JFreeChart;

/**
 * Figure 6: sample paths of fractional Brownian motion for H in {0.2, 0.5, 0.8}, 1000 steps on
 * [0, 1]; path p of index h uses the stream key(seed, h, p).
 */
public final class FbmPathsFigure implements Figure {

    private static final double[] HURST = {0.2, 0.5, 0.8};

    @Override
    public String id() {
        return "6";
    }

    @Override
    public String title() {
        return "Sample paths of fractional Brownian motion";
    }

    @Override
    public FigureOutput run(FigureContext ctx) throws IOException {
        long started = System.nanoTime();
        Path dir = ctx.dir();
        Files.createDirectories(dir);
        int steps = 1000;
        int paths = 1; // the paper shows one path per H; so do both presets
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("experiment", "fbm-paths");
        params.put("hurst", HURST);
        params.put("steps", steps);
        params.put("paths_per_hurst", paths);
        params.put("seed", ctx.seed());
        String config = Config.write(dir, id(), ctx, params);

        Table data = Table.empty(List.of("hurst", "path", "step", "t", "value"),
                Set.of("path", "step"));
        List<JFreeChart> panels = new ArrayList<>();
        for (int h = 0; h < HURST.length; h++) {
            List<Plots.Curve> curves = new ArrayList<>();
            for (int p = 0; p < paths; p++) {
                double[] b = FractionalBrownianMotion.path(HURST[h], steps,
                        Streams.generator(ctx.seed(), h, p));
                double[] t = new double[steps + 1];
                for (int k = 0; k <= steps; k++) {
                    t[k] = (double) k / steps;
                    data.add(HURST[h], p, k, t[k], b[k]);
                }
                curves.add(new Plots.Curve("path " + p, t, b, false));
            }
            panels.add(Plots.curves("H = " + InitFigures.num(HURST[h]), "t", "B_H(t)", curves));
        }
        data.write(dir.resolve("data.csv"));
        Path png = dir.resolve("fig6.png");
        Plots.save("Figure 6 — fractional Brownian motion, " + steps + " steps", panels, 3, 420,
                320, png, dir.resolve("fig6.svg"));
        String caption = "One path of fractional Brownian motion per Hurst index, drawn exactly by"
                + " circulant embedding of its increments (fractional Gaussian noise). H = 1/2 is"
                + " Brownian motion; smaller H gives rougher, anti-correlated increments, larger H"
                + " smoother, positively correlated ones. These increments, scaled by 1/√d, are"
                + " the fgn:H weights along depth.";
        return new FigureOutput(id(), "Figure 6: " + title(), caption, ctx.command(), dir,
                List.of(png), config, List.of(), (System.nanoTime() - started) * 1e-9);
    }
}
