package org.depthlab.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.chart.plot.XYPlot;

/**
 * A heatmap over a regular grid with a diverging colour scale centred on 0 and saturated at
 * +-{@code limit}; cells whose value overflowed are painted with the saturated colour and marked
 * with a dot, and lines (such as an estimated boundary) can be drawn on top.
 */
public final class Heatmap {

    private Heatmap() {
    }

    /** Blue (negative) through white (0) to red (positive), saturated beyond +-limit. */
    public static final class Diverging implements PaintScale {
        private static final Color NEG = new Color(33, 102, 172);
        private static final Color MID = new Color(247, 247, 247);
        private static final Color POS = new Color(178, 24, 43);
        private final double limit;

        public Diverging(double limit) {
            this.limit = limit;
        }

        @Override
        public double getLowerBound() {
            return -limit;
        }

        @Override
        public double getUpperBound() {
            return limit;
        }

        @Override
        public Paint getPaint(double value) {
            if (Double.isNaN(value) || value >= limit) {
                return POS;
            }
            if (value <= -limit) {
                return NEG;
            }
            double t = value / limit;
            return t < 0 ? mix(MID, NEG, -t) : mix(MID, POS, t);
        }

        private static Color mix(Color a, Color b, double t) {
            return new Color((int) Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                    (int) Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                    (int) Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
        }
    }

    /**
     * @param x      cell centres along x, one per cell (length n)
     * @param y      cell centres along y (length n)
     * @param z      values (length n); infinite or NaN values are drawn saturated and marked
     * @param dx     cell width
     * @param dy     cell height
     * @param limit  colour saturation, e.g. 1 for log10 ratios
     * @param lines  curves drawn on top (e.g. the estimated boundary)
     */
    public static JFreeChart chart(String title, String xLabel, String yLabel, String zLabel,
            double[] x, double[] y, double[] z, double dx, double dy, double limit,
            List<Plots.Curve> lines) {
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("values", new double[][] {x, y, z});
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(dx);
        blocks.setBlockHeight(dy);
        Diverging scale = new Diverging(limit);
        blocks.setPaintScale(scale);
        blocks.setDefaultSeriesVisibleInLegend(false);

        NumberAxis xAxis = new NumberAxis(xLabel);
        NumberAxis yAxis = new NumberAxis(yLabel);
        for (NumberAxis a : new NumberAxis[] {xAxis, yAxis}) {
            a.setLabelFont(Plots.LABEL);
            a.setTickLabelFont(Plots.TICK);
            a.setAutoRangeIncludesZero(false);
            a.setLowerMargin(0);
            a.setUpperMargin(0);
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, blocks);
        plot.setBackgroundPaint(Color.LIGHT_GRAY);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlinePaint(Color.GRAY);
        xAxis.setRange(min(x) - dx / 2, max(x) + dx / 2);
        yAxis.setRange(min(y) - dy / 2, max(y) + dy / 2);

        // mark overflowed cells
        XYSeries overflow = new XYSeries("overflow (saturated)", false, true);
        for (int i = 0; i < z.length; i++) {
            if (!Double.isFinite(z[i])) {
                overflow.add(x[i], y[i]);
            }
        }
        int index = 1;
        if (overflow.getItemCount() > 0) {
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
            double s = 3;
            r.setSeriesShape(0, new Ellipse2D.Double(-s / 2, -s / 2, s, s));
            r.setSeriesPaint(0, new Color(60, 0, 0));
            plot.setDataset(index, new XYSeriesCollection(overflow));
            plot.setRenderer(index, r);
            index++;
        }
        for (int i = 0; i < lines.size(); i++) {
            Plots.Curve c = lines.get(i);
            XYSeries s = new XYSeries(c.label(), false, true);
            for (int j = 0; j < c.x().length; j++) {
                if (Double.isFinite(c.y()[j])) {
                    s.add(c.x()[j], c.y()[j]);
                }
            }
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, !c.dashed());
            r.setSeriesPaint(0, c.dashed() ? new Color(40, 40, 40) : Color.BLACK);
            r.setSeriesStroke(0, c.dashed() ? Plots.dashed(1.6f) : new BasicStroke(2.2f));
            r.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
            plot.setDataset(index, new XYSeriesCollection(s));
            plot.setRenderer(index, r);
            index++;
        }
        // draw overlays above the blocks
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        JFreeChart chart = Plots.chart(title, plot, index > 1);
        NumberAxis zAxis = new NumberAxis(zLabel);
        zAxis.setLabelFont(Plots.TICK);
        zAxis.setTickLabelFont(Plots.TICK);
        zAxis.setRange(-limit, limit);
        PaintScaleLegend legend = new PaintScaleLegend(scale, zAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 4, 40, 4);
        legend.setStripWidth(12);
        legend.setFrame(BlockBorder.NONE);
        legend.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(legend);
        return chart;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
