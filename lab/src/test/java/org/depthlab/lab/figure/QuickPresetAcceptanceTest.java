package org.depthlab.lab.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.depthlab.lab.sweep.Progress;
import org.depthlab.lab.sweep.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick presets show the paper's regimes: i.i.d. weights explode for beta = 1/4, follow the
 * closed form at beta = 1/2 and collapse at beta = 1; rbf:0.1 weights are critical at beta = 1;
 * the figure 7 boundary moves with H. Each check is a claim of the paper, with margins far from
 * the measured values (an order of magnitude for regimes, five standard errors for the closed
 * form), so a wrong pass would have to be grossly wrong.
 */
class QuickPresetAcceptanceTest {

    /** A ratio beyond 10 (log10 >= 1) is an explosion, below 0.1 an identity: the defaults. */
    private static final double EXPLODED = 10;
    private static final double COLLAPSED = 0.1;

    /** Standard errors allowed between the sample root mean square and the closed form. */
    private static final double STANDARD_ERRORS = 5;

    private static FigureContext context(Path dir, String id) {
        return new FigureContext(Preset.QUICK, 0, dir.resolve("fig" + id), 2, Progress.NONE,
                "depthlab figure " + id);
    }

    private static double mean(Table summary, String column, double beta, int depth) {
        for (double[] r : summary.rows()) {
            if (r[summary.column("beta")] == beta && r[summary.column("depth")] == depth) {
                return r[summary.column(column)];
            }
        }
        throw new AssertionError("no summary row for beta " + beta + ", depth " + depth);
    }

    private static Table read(Path p) throws IOException {
        return Table.read(p, Set.of());
    }

    @Test
    void iidWeightsShowTheThreeRegimesAndTheClosedForm(@TempDir Path dir) throws IOException {
        FigureOutput out = DepthScalingFigure.figure1().run(context(dir, "1"));
        for (String f : new String[] {"data.csv", "summary.csv", "fig1.png", "fig1.svg",
            "config.json"}) {
            assertTrue(Files.size(out.dir().resolve(f)) > 0, f + " written");
        }
        Table summary = read(out.dir().resolve("summary.csv"));
        assertTrue(mean(summary, "hidden_diff_mean", 0.25, 1000) > EXPLODED, "beta 1/4 explodes");
        assertTrue(mean(summary, "grad_diff_mean", 0.25, 1000) > EXPLODED,
                "beta 1/4 gradients explode");
        assertTrue(mean(summary, "hidden_diff_mean", 1.0, 1000) < COLLAPSED, "beta 1 collapses");
        assertTrue(mean(summary, "grad_diff_mean", 1.0, 1000) < COLLAPSED,
                "beta 1 gradients collapse");

        // beta = 1/2: the root mean square of hidden_diff against sqrt((1 + a^2/2)^L - 1)
        Table data = read(out.dir().resolve("data.csv"));
        int depth = 1000;
        double alpha = Math.pow(depth, -0.5);
        double expected = Math.pow(1 + alpha * alpha / 2, depth) - 1;
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (double[] r : data.rows()) {
            if (r[data.column("beta")] == 0.5 && r[data.column("depth")] == depth) {
                double s = r[data.column("hidden_diff")] * r[data.column("hidden_diff")];
                sum += s;
                sumSq += s * s;
                n++;
            }
        }
        double m = sum / n;
        double se = Math.sqrt((sumSq / n - m * m) / (n - 1));
        assertEquals(expected, m, STANDARD_ERRORS * se,
                "mean squared hidden_diff at beta 1/2 against the closed form");
    }

    @Test
    void smoothWeightsAreCriticalAtBetaOne(@TempDir Path dir) throws IOException {
        FigureOutput out = DepthScalingFigure.figure4().run(context(dir, "4"));
        Table summary = read(out.dir().resolve("summary.csv"));
        double atHalf = mean(summary, "hidden_diff_mean", 0.5, 1000);
        double atOne = mean(summary, "hidden_diff_mean", 1.0, 1000);
        double atTwo = mean(summary, "hidden_diff_mean", 2.0, 1000);
        assertTrue(atHalf > EXPLODED, "rbf weights explode at beta 1/2: " + atHalf);
        assertTrue(atOne > COLLAPSED && atOne < EXPLODED, "non-trivial at beta 1: " + atOne);
        assertTrue(atTwo < COLLAPSED, "collapse at beta 2: " + atTwo);
    }

    @Test
    void heatmapBoundaryMovesWithHurstIndex(@TempDir Path dir) throws IOException {
        FigureOutput out = new HeatmapFigure().run(context(dir, "7"));
        Table boundary = read(out.dir().resolve("boundary.csv"));
        double[] hurst = boundary.values("hurst");
        double[] star = boundary.values("beta_star_hidden");
        int last = hurst.length - 1;
        assertTrue(Double.isFinite(star[0]) && Double.isFinite(star[last]),
                "boundary found at both ends of the H grid");
        // rough weights: near the i.i.d. value 1/2; smooth weights: far above it
        assertEquals(0.5, star[0], 0.15, "beta*(H) at H = " + hurst[0]);
        assertTrue(star[last] - star[0] > 0.25, "beta* rises with H: " + star[0] + " at H = "
                + hurst[0] + ", " + star[last] + " at H = " + hurst[last]);
        assertTrue(Files.size(out.dir().resolve("fig7.png")) > 0);
    }
}
