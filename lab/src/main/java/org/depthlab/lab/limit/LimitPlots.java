package org.depthlab.lab.limit;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.depthlab.lab.plot.Plots;
import org.depthlab.limit.ConvergenceResult;
import org.depthlab.limit.DepthError;
import org.depthlab.limit.Limit;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Plots of a limit study: {@code errors.png} (strong error against depth on log-log axes with
 * its 95% band and a line of the theoretical slope through the first point) and
 * {@code trajectories.png} (a few coordinates of h_k against k/L for several depths next to
 * the reference solution), each with an SVG twin.
 */
public final class LimitPlots {

    /** File names, without extension. */
    public static final String ERRORS = "errors";
    public static final String TRAJECTORIES = "trajectories";

    private LimitPlots() {
    }

    /** Writes both plots into {@code dir}; returns the PNG paths. */
    public static List<Path> write(LimitExperiment.Result result, Path dir) throws IOException {
        ConvergenceResult r = result.convergence();
        Limit limit = r.setup().limit();
        List<DepthError> errors = r.errors();
        int n = errors.size();
        double[] x = new double[n];
        double[] strong = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] weak = new double[n];
        for (int i = 0; i < n; i++) {
            DepthError e = errors.get(i);
            x[i] = e.depth();
            strong[i] = e.strong().value();
            lo[i] = e.strong().low();
            hi[i] = e.strong().high();
            weak[i] = e.weak().value() > 0 ? e.weak().value() : Double.NaN;
        }
        double[] theory = new double[n];
        for (int i = 0; i < n; i++) {
            theory[i] = strong[0] * Math.pow(x[0] / x[i], limit.strongOrder());
        }
        String fitted = String.format(Locale.ROOT, "strong error (fitted order %.3f [%.3f, %.3f])",
                r.strongFit().order(), r.strongOrder().low(), r.strongOrder().high());
        JFreeChart chart = Plots.bands(limit.spec() + ": " + limit.scheme() + " against the limit",
                "depth L", "error", List.of(new Plots.Band(fitted, x, strong, lo, hi)),
                List.of(new Plots.Curve(String.format(Locale.ROOT, "theoretical slope L^-%s",
                        trim(limit.strongOrder())), x, theory, true),
                        new Plots.Curve("weak error |E|h_L|² − E|H_1|²|", x, weak, false)));
        logLog(chart);
        Path errorsPng = dir.resolve(ERRORS + ".png");
        Plots.save(null, List.of(chart), 1, 640, 440, errorsPng, dir.resolve(ERRORS + ".svg"));

        // trajectories: one panel per coordinate
        List<LimitExperiment.Series> series = result.trajectories();
        int coords = series.get(0).coordinates();
        List<JFreeChart> panels = new ArrayList<>();
        for (int c = 0; c < coords; c++) {
            List<Plots.Curve> curves = new ArrayList<>();
            for (LimitExperiment.Series s : series) {
                double[] t = new double[s.depth() + 1];
                double[] h = new double[s.depth() + 1];
                for (int k = 0; k <= s.depth(); k++) {
                    t[k] = s.time(k);
                    h[k] = s.state(k, c);
                }
                String label = s.label().equals("reference") ? "limit (L_ref = " + s.depth() + ")"
                        : "network L = " + s.depth();
                curves.add(new Plots.Curve(label, t, h, s.label().equals("reference")));
            }
            panels.add(Plots.curves("coordinate " + c, "t = k / L", "h_k", curves));
        }
        Path trajPng = dir.resolve(TRAJECTORIES + ".png");
        Plots.save("Trajectories on one path: " + limit.spec(), panels, Math.min(3, coords),
                420, 340, trajPng, dir.resolve(TRAJECTORIES + ".svg"));
        return List.of(errorsPng, trajPng);
    }

    private static void logLog(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        LogAxis xAxis = new LogAxis("depth L (log)");
        xAxis.setBase(2);
        xAxis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        xAxis.setNumberFormatOverride(new java.text.DecimalFormat("0"));
        LogAxis yAxis = new LogAxis("error (log)");
        yAxis.setBase(2);
        yAxis.setStandardTickUnits(org.jfree.chart.axis.NumberAxis.createIntegerTickUnits());
        yAxis.setNumberFormatOverride(new java.text.DecimalFormat("0.#####"));
        for (LogAxis a : new LogAxis[] {xAxis, yAxis}) {
            a.setLabelFont(plot.getDomainAxis().getLabelFont());
            a.setTickLabelFont(plot.getDomainAxis().getTickLabelFont());
        }
        plot.setDomainAxis(xAxis);
        plot.setRangeAxis(yAxis);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.3g", v);
    }
}
