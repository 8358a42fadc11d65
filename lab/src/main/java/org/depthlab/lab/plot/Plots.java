package org.depthlab.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts of depthlab's figures, rendered headless with JFreeChart: one look for all of them
 * (white background, light grid, a colour-blind-safe palette), panels laid out in a grid, and
 * the same drawing code for PNG and SVG.
 */
public final class Plots {

    /** Okabe–Ito palette, safe for colour-blind readers. */
    public static final Color[] PALETTE = {new Color(0, 114, 178), new Color(213, 94, 0),
        new Color(0, 158, 115), new Color(204, 121, 167), new Color(230, 159, 0),
        new Color(86, 180, 233), new Color(240, 228, 66), Color.BLACK};

    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    static final Color GRID = new Color(225, 225, 225);

    /** Ratio of the largest to the smallest mean beyond which a panel gets a log y axis. */
    static final double LOG_AXIS_SPAN = 1e3;

    private Plots() {
    }

    /** A mean line with its 95% band, and optionally a dashed reference curve. */
    public record Band(String label, double[] x, double[] mean, double[] low, double[] high) {
    }

    /** A plain curve. */
    public record Curve(String label, double[] x, double[] y, boolean dashed) {
    }

    /**
     * One panel: bands (mean line, shaded 95% interval) and dashed or solid curves on top.
     */
    public static JFreeChart bands(String title, String xLabel, String yLabel, List<Band> bands,
            List<Curve> curves) {
        // a log axis when the means span more than three decades
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (Band b : bands) {
            for (double m : b.mean()) {
                if (Double.isFinite(m)) {
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
            }
        }
        boolean log = lo > 0 && hi / lo > LOG_AXIS_SPAN;
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Band b : bands) {
            YIntervalSeries s = new YIntervalSeries(b.label());
            for (int i = 0; i < b.x().length; i++) {
                double m = b.mean()[i];
                if (Double.isFinite(m)) {
                    double low = finiteOr(b.low()[i], m);
                    s.add(b.x()[i], m, log && low <= 0 ? m / 10 : low, finiteOr(b.high()[i], m));
                }
            }
            data.addSeries(s);
        }
        DeviationRenderer r = new DeviationRenderer(true, true);
        r.setAlpha(0.22f);
        for (int i = 0; i < bands.size(); i++) {
            Color c = PALETTE[i % PALETTE.length];
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2.0f));
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        XYPlot plot = basePlot(data, xLabel, yLabel, r);
        if (log) {
            org.jfree.chart.axis.LogAxis axis = new org.jfree.chart.axis.LogAxis(yLabel + " (log)");
            axis.setLabelFont(LABEL);
            axis.setTickLabelFont(TICK);
            axis.setBase(10);
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            axis.setNumberFormatOverride(new java.text.DecimalFormat("0.#E0"));
            plot.setRangeAxis(axis);
        }
        addCurves(plot, curves, bands.size());
        return chart(title, plot, bands.size() + curves.size() > 1);
    }

    /** Several curves on one panel (e.g. sample paths). */
    public static JFreeChart curves(String title, String xLabel, String yLabel,
            List<Curve> curves) {
        XYPlot plot = basePlot(new XYSeriesCollection(), xLabel, yLabel,
                new XYLineAndShapeRenderer(true, false));
        addCurves(plot, curves, 0);
        return chart(title, plot, curves.size() > 1);
    }

    /**
     * A histogram with labelled vertical markers.
     *
     * @param markers label to x position, drawn as vertical lines
     */
    public static JFreeChart histogram(String title, String xLabel, double[] values, int bins,
            List<Curve> markers) {
        HistogramDataset data = new HistogramDataset();
        double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        data.addSeries("count", finite, bins);
        XYBarRenderer r = new XYBarRenderer(0.05);
        r.setBarPainter(new StandardXYBarPainter());
        r.setShadowVisible(false);
        r.setSeriesPaint(0, new Color(0, 114, 178, 170));
        r.setDrawBarOutline(false);
        XYPlot plot = basePlot(data, xLabel, "count", r);
        int i = 1;
        for (Curve m : markers) {
            ValueMarker mark = new ValueMarker(m.x()[0]);
            mark.setPaint(PALETTE[i % PALETTE.length]);
            mark.setStroke(m.dashed() ? dashed(2.2f) : new BasicStroke(2.2f));
            mark.setLabel(m.label());
            mark.setLabelFont(TICK);
            mark.setLabelPaint(PALETTE[i % PALETTE.length].darker());
            mark.setLabelAnchor(i % 2 == 1 ? RectangleAnchor.TOP_RIGHT : RectangleAnchor.RIGHT);
            mark.setLabelTextAnchor(i % 2 == 1 ? TextAnchor.TOP_LEFT : TextAnchor.CENTER_LEFT);
            plot.addDomainMarker(mark);
            i++;
        }
        return chart(title, plot, false);
    }

    static XYPlot basePlot(org.jfree.data.xy.XYDataset data, String xLabel, String yLabel,
            org.jfree.chart.renderer.xy.XYItemRenderer renderer) {
        NumberAxis x = new NumberAxis(xLabel);
        NumberAxis y = new NumberAxis(yLabel);
        for (NumberAxis a : new NumberAxis[] {x, y}) {
            a.setLabelFont(LABEL);
            a.setTickLabelFont(TICK);
            a.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlinePaint(Color.GRAY);
        return plot;
    }

    private static void addCurves(XYPlot plot, List<Curve> curves, int colourOffset) {
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            XYSeries s = new XYSeries(c.label(), false, true);
            for (int j = 0; j < c.x().length; j++) {
                if (Double.isFinite(c.y()[j])) {
                    s.add(c.x()[j], c.y()[j]);
                }
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            Color colour = c.dashed() ? Color.BLACK : PALETTE[(colourOffset + i) % PALETTE.length];
            r.setSeriesPaint(0, colour);
            r.setSeriesStroke(0, c.dashed() ? dashed(1.8f) : new BasicStroke(1.4f));
            int index = plot.getDatasetCount();
            plot.setDataset(index, new XYSeriesCollection(s));
            plot.setRenderer(index, r);
        }
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {6f, 4f}, 0f);
    }

    private static double finiteOr(double v, double fallback) {
        return Double.isFinite(v) ? v : fallback;
    }

    static JFreeChart chart(String title, XYPlot plot, boolean legend) {
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (legend) {
            chart.getLegend().setItemFont(TICK);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        return chart;
    }

    /**
     * Draws panels in a grid of {@code cols} columns, under an optional overall title, into a PNG
     * and an SVG of the same layout. Writes both files (replacing them).
     */
    public static void save(String title, List<JFreeChart> panels, int cols, int panelWidth,
            int panelHeight, Path png, Path svg) throws IOException {
        int rows = (panels.size() + cols - 1) / cols;
        int top = title == null ? 0 : 34;
        int width = cols * panelWidth;
        int height = top + rows * panelHeight;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
                RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        draw(g, title, panels, cols, panelWidth, panelHeight, width, height, top);
        g.dispose();
        Path tmpPng = png.resolveSibling("." + png.getFileName() + ".tmp");
        ImageIO.write(image, "png", tmpPng.toFile());
        Files.move(tmpPng, png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        SVGGraphics2D s = new SVGGraphics2D(width, height);
        draw(s, title, panels, cols, panelWidth, panelHeight, width, height, top);
        Path tmpSvg = svg.resolveSibling("." + svg.getFileName() + ".tmp");
        Files.writeString(tmpSvg, s.getSVGDocument(), StandardCharsets.UTF_8);
        Files.move(tmpSvg, svg, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void draw(Graphics2D g, String title, List<JFreeChart> panels, int cols,
            int panelWidth, int panelHeight, int width, int height, int top) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (title != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            g.setColor(new Color(30, 30, 30));
            int w = g.getFontMetrics().stringWidth(title);
            g.drawString(title, Math.max(8, (width - w) / 2), top - 10);
        }
        for (int i = 0; i < panels.size(); i++) {
            int r = i / cols;
            int c = i % cols;
            panels.get(i).draw(g, new Rectangle2D.Double(c * panelWidth, top + r * panelHeight,
                    panelWidth, panelHeight));
        }
    }
}
