package org.guidancelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Figures of a sweep, in the style of every figure ({@link FigureStyle}, {@link ArmPalette}):
 * <ul>
 *   <li>{@link #metricVsAxis}: the metric against one numeric axis, one line per arm (and per value of the other axes,
 *       when there are some), the mean over seeds with a band of plus/minus one sample sd;</li>
 *   <li>{@link #heatmap}: the metric over two axes for one arm, each cell the mean over seeds (and over any other
 *       axis), in viridis with its value written in it.</li>
 * </ul>
 * The CSV written beside each image ({@link ChartCsv}) holds exactly the means, bands and cells drawn.
 */
public final class SweepCharts {
    static final float BAND_ALPHA = 0.18f;
    /** Above this many lines, a line per arm averages over the other axes. */
    static final int MAX_LINES = 12;

    private SweepCharts() {
    }

    /** Mean and sample sd (n - 1; 0 for one value) of the finite values, with their count. */
    record MeanSd(double mean, double sd, int n) {
        static MeanSd of(List<Double> values) {
            List<Double> v = values.stream().filter(Double::isFinite).toList();
            if (v.isEmpty()) {
                return new MeanSd(Double.NaN, Double.NaN, 0);
            }
            double m = v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double sq = v.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
            return new MeanSd(m, v.size() > 1 ? Math.sqrt(sq / (v.size() - 1)) : 0.0, v.size());
        }
    }

    /**
     * The metric against {@code axisName} (a numeric axis): one line per arm and combination of the other axes'
     * values, mean +- sd over seeds.
     */
    public static JFreeChart metricVsAxis(SweepChartData data, String axisName) {
        SweepChartData.AxisInfo axis = data.axis(axisName);
        if (axis == null || !axis.numeric()) {
            throw new IllegalArgumentException("no numeric axis '" + axisName + "' in the sweep");
        }
        List<SweepChartData.AxisInfo> others = data.axes().stream().filter(a -> !a.name().equals(axisName)).toList();
        if (combinations(others).size() * data.arms().size() > MAX_LINES) {
            others = List.of(); // too many lines to read: each arm's line averages over the other axes too
        }
        Map<String, List<SweepChartData.Point>> lines = new LinkedHashMap<>();
        for (String arm : data.arms()) {
            for (List<String> combo : combinations(others)) {
                String key = arm;
                for (int i = 0; i < others.size(); i++) {
                    key += ", " + others.get(i).name() + "=" + combo.get(i);
                }
                List<SweepChartData.Point> pts = new ArrayList<>();
                for (SweepChartData.Point p : data.points()) {
                    if (!p.arm().equals(arm)) {
                        continue;
                    }
                    boolean match = true;
                    for (int i = 0; i < others.size(); i++) {
                        match &= combo.get(i).equals(p.labels().get(others.get(i).name()));
                    }
                    if (match) {
                        pts.add(p);
                    }
                }
                if (!pts.isEmpty()) {
                    lines.put(key, pts);
                }
            }
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        ArmPalette palette = ArmPalette.of(new ArrayList<>(lines.keySet()));
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(BAND_ALPHA);
        int maxSeeds = 0;
        boolean logOk = axis.log() && axis.numbers().stream().allMatch(x -> x > 0);
        for (Map.Entry<String, List<SweepChartData.Point>> line : lines.entrySet()) {
            YIntervalSeries s = new YIntervalSeries(line.getKey());
            for (int i = 0; i < axis.labels().size(); i++) {
                String label = axis.labels().get(i);
                List<Double> values = line.getValue().stream().filter(p -> label.equals(p.labels().get(axisName)))
                        .map(SweepChartData.Point::value).collect(Collectors.toList());
                MeanSd m = MeanSd.of(values);
                if (m.n() > 0) {
                    s.add(axis.numbers().get(i), m.mean(), m.mean() - m.sd(), m.mean() + m.sd());
                    maxSeeds = Math.max(maxSeeds, m.n());
                }
            }
            dataset.addSeries(s);
            int k = dataset.getSeriesCount() - 1;
            Color c = palette.colour(line.getKey());
            renderer.setSeriesPaint(k, c);
            renderer.setSeriesFillPaint(k, c);
            renderer.setSeriesStroke(k, FigureStyle.LINE);
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        ValueAxis x = logOk ? new PaperLogAxis(axisLabel(axis)) : new NumberAxis(axisLabel(axis));
        if (x instanceof NumberAxis n) {
            n.setAutoRangeIncludesZero(false);
            n.setAutoRangeStickyZero(false); // a margin before a first value of 0, as after the last
            if (axis.numbers().stream().allMatch(v -> v == Math.rint(v))) {
                n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            }
        }
        x.setLowerMargin(0.03);
        x.setUpperMargin(0.03);
        NumberAxis y = new NumberAxis(capitalised(data.metricLabel()));
        y.setAutoRangeIncludesZero(false);
        if (data.fraction()) {
            NumberFormat pct = NumberFormat.getPercentInstance(Locale.ROOT);
            pct.setMaximumFractionDigits(1);
            y.setNumberFormatOverride(pct);
        }
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        LegendItemCollection legend = new LegendItemCollection();
        for (String key : lines.keySet()) {
            legend.add(new LegendItem(key, null, null, null, new Line2D.Double(-10, 0, 10, 0), FigureStyle.LINE,
                    palette.colour(key)));
        }
        plot.setFixedLegendItems(legend);
        FigureStyle.applyTo(plot);
        String title = capitalised(data.metricLabel()) + " against " + axis.name()
                + (data.title().isEmpty() ? "" : " (" + data.title() + ")");
        JFreeChart chart = new JFreeChart(title, FigureStyle.TITLE_FONT, plot, true);
        TextTitle sub = new TextTitle(maxSeeds > 1 ? "mean \u00b1 sd over " + maxSeeds + " seeds"
                : "one seed", FigureStyle.LABEL_FONT);
        sub.setPaint(FigureStyle.TEXT);
        chart.addSubtitle(sub);
        FigureStyle.applyTo(chart);
        return chart;
    }

    /**
     * The metric over two axes for one arm: each cell the mean over seeds and the other axes' values, written in it.
     */
    public static JFreeChart heatmap(SweepChartData data, String xName, String yName, String arm) {
        SweepChartData.AxisInfo xa = data.axis(xName);
        SweepChartData.AxisInfo ya = data.axis(yName);
        if (xa == null || ya == null || xName.equals(yName)) {
            throw new IllegalArgumentException("a heatmap needs two distinct axes of the sweep, got " + xName + " and " + yName);
        }
        int nx = xa.labels().size();
        int ny = ya.labels().size();
        double[] xs = new double[nx * ny];
        double[] ys = new double[nx * ny];
        double[] zs = new double[nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int seeds = 0;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                String xl = xa.labels().get(i);
                String yl = ya.labels().get(j);
                List<Double> v = data.points().stream().filter(p -> p.arm().equals(arm) && xl.equals(p.labels().get(xName))
                        && yl.equals(p.labels().get(yName))).map(SweepChartData.Point::value).toList();
                MeanSd m = MeanSd.of(v);
                int k = i * ny + j;
                xs[k] = i;
                ys[k] = j;
                zs[k] = m.mean();
                seeds = Math.max(seeds, m.n());
                if (Double.isFinite(m.mean())) {
                    lo = Math.min(lo, m.mean());
                    hi = Math.max(hi, m.mean());
                }
            }
        }
        if (!(hi > lo)) {
            double mid = Double.isFinite(lo) ? lo : 0.0;
            lo = mid - 0.5 * Math.max(1e-9, Math.abs(mid) * 0.01 + (data.fraction() ? 0.01 : 0.5));
            hi = mid + (mid - lo);
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries(arm, new double[][] {xs, ys, zs});
        ViridisScale scale = new ViridisScale(lo, hi);
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis x = symbolAxis(axisLabel(xa), xa.labels());
        SymbolAxis y = symbolAxis(axisLabel(ya), ya.labels());
        XYPlot plot = new XYPlot(dataset, x, y, renderer);
        for (int k = 0; k < zs.length; k++) {
            XYTextAnnotation t = new XYTextAnnotation(format(zs[k], data.fraction()), xs[k], ys[k]);
            t.setFont(FigureStyle.CELL_FONT);
            Color cell = scale.colour(zs[k]);
            double luminance = (0.2126 * cell.getRed() + 0.7152 * cell.getGreen() + 0.0722 * cell.getBlue()) / 255.0;
            t.setPaint(luminance < 0.5 ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(t, false);
        }
        FigureStyle.applyTo(plot);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(true);
        plot.setOutlineStroke(new BasicStroke(0.6f));
        String title = capitalised(data.metricLabel()) + ", " + arm + (data.title().isEmpty() ? "" : " (" + data.title() + ")");
        JFreeChart chart = new JFreeChart(title, FigureStyle.TITLE_FONT, plot, false);
        TextTitle sub = new TextTitle(seeds > 1 ? "mean over " + seeds + " seeds" : "one seed", FigureStyle.LABEL_FONT);
        sub.setPaint(FigureStyle.TEXT);
        chart.addSubtitle(sub);
        chart.addSubtitle(colourBar(scale, data));
        FigureStyle.applyTo(chart);
        return chart;
    }

    private static PaintScaleLegend colourBar(ViridisScale scale, SweepChartData data) {
        NumberAxis axis = new NumberAxis(capitalised(data.metricLabel()));
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        if (data.fraction()) {
            NumberFormat pct = NumberFormat.getPercentInstance(Locale.ROOT);
            pct.setMaximumFractionDigits(1);
            axis.setNumberFormatOverride(pct);
        }
        FigureStyle.styleAxis(axis);
        PaintScaleLegend bar = new PaintScaleLegend(scale, axis);
        bar.setPosition(RectangleEdge.RIGHT);
        bar.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        bar.setSubdivisionCount(256);
        bar.setStripWidth(14.0);
        bar.setStripOutlineVisible(false);
        bar.setAxisOffset(2.0);
        bar.setMargin(new RectangleInsets(24, 12, 24, 0));
        bar.setBackgroundPaint(Color.WHITE);
        return bar;
    }

    private static SymbolAxis symbolAxis(String label, List<String> names) {
        SymbolAxis axis = new SymbolAxis(label, names.toArray(new String[0]));
        axis.setGridBandsVisible(false);
        axis.setAutoRange(false);
        axis.setRange(-0.5, names.size() - 0.5);
        axis.setLowerMargin(0.0);
        axis.setUpperMargin(0.0);
        return axis;
    }

    static String format(double v, boolean fraction) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        if (fraction) {
            return String.format(Locale.ROOT, "%.1f%%", 100 * v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.3g", v);
    }

    private static String axisLabel(SweepChartData.AxisInfo a) {
        return a.ofSteps() > 0 ? a.name() + " (steps of " + a.ofSteps() + ")" : a.name();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static List<List<String>> combinations(List<SweepChartData.AxisInfo> axes) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (SweepChartData.AxisInfo a : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String l : a.labels()) {
                    List<String> n = new ArrayList<>(prefix);
                    n.add(l);
                    next.add(n);
                }
            }
            out = next;
        }
        return out;
    }
}
