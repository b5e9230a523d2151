package org.guidancelab.figures;

import java.awt.geom.Line2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A curve chart that grows while training runs: the dashboard appends what arrived since the last frame, for every
 * arm at once, and the chart redraws once. Each series is kept to about one point per pixel column (min/max per
 * column, re-applied as the step range grows: extremes of extremes are still the extremes), so a long run costs the
 * same to draw at its end as at its start. Not thread-safe: call it from the thread that draws the chart (the FX
 * thread in the app).
 */
public final class LiveCurveChart {
    private final ArmPalette palette;
    private final int pixelColumns;
    private final XYSeriesCollection dataset = new XYSeriesCollection();
    private final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    private final Map<String, BatchXYSeries> series = new LinkedHashMap<>();
    private final XYPlot plot;
    private final JFreeChart chart;
    private final List<GuidanceMarker> markers = new java.util.ArrayList<>();

    public LiveCurveChart(String yLabel, ArmPalette palette, int pixelColumns) {
        if (pixelColumns < 1) {
            throw new IllegalArgumentException("pixelColumns must be >= 1, got " + pixelColumns);
        }
        this.palette = palette;
        this.pixelColumns = pixelColumns;
        NumberAxis x = new NumberAxis(CurveCharts.STEP_LABEL);
        x.setAutoRangeIncludesZero(false);
        NumberAxis y = new NumberAxis(yLabel);
        y.setAutoRangeIncludesZero(false);
        renderer.setDrawSeriesLineAsPath(true);
        plot = new XYPlot(dataset, x, y, renderer);
        plot.setFixedLegendItems(new LegendItemCollection());
        FigureStyle.applyTo(plot);
        chart = new JFreeChart(null, FigureStyle.TITLE_FONT, plot, true);
        FigureStyle.applyTo(chart);
    }

    public JFreeChart chart() {
        return chart;
    }

    /**
     * Appends a batch of points per arm (arm -> {steps, values}); non-finite values are skipped. The chart fires one
     * change event for the whole batch.
     */
    public void append(Map<String, double[][]> batches) {
        chart.setNotify(false);
        try {
            batches.forEach((arm, xy) -> appendTo(arm, xy[0], xy[1]));
        } finally {
            chart.setNotify(true);
        }
    }

    /** Appends one arm's points, firing one change event. */
    public void append(String arm, double[] steps, double[] values) {
        append(Map.of(arm, new double[][] {steps, values}));
    }

    /** Marks the step where an arm's guidance was disconnected. */
    public void addMarker(GuidanceMarker marker) {
        markers.add(marker);
        plot.clearDomainMarkers();
        double lo = dataset.getSeriesCount() == 0 ? marker.step() : dataset.getDomainLowerBound(false);
        double hi = dataset.getSeriesCount() == 0 ? marker.step() : dataset.getDomainUpperBound(false);
        StepMarkers.add(plot, markers, palette, lo, hi);
    }

    /** The number of points currently held (and drawn) for the arm; 0 for an arm not seen yet. */
    public int pointCount(String arm) {
        BatchXYSeries s = series.get(arm);
        return s == null ? 0 : s.getItemCount();
    }

    private void appendTo(String arm, double[] steps, double[] values) {
        BatchXYSeries s = series.computeIfAbsent(arm, this::newSeries);
        s.appendBatch(steps, values);
        if (s.getItemCount() > 2 * pixelColumns + 2) {
            double[][] xy = s.toArray();
            SeriesPoints reduced = PointReducer.reduce(new SeriesPoints(xy[0], xy[1]), pixelColumns);
            s.setNotify(false);
            s.clear();
            s.appendBatch(reduced.x(), reduced.y());
            s.setNotify(true);
        }
    }

    private BatchXYSeries newSeries(String arm) {
        BatchXYSeries s = new BatchXYSeries(arm);
        dataset.addSeries(s);
        int index = dataset.getSeriesCount() - 1;
        renderer.setSeriesPaint(index, palette.colour(arm));
        renderer.setSeriesStroke(index, FigureStyle.LINE);
        plot.getFixedLegendItems().add(new LegendItem(arm, null, null, null, new Line2D.Double(-10, 0, 10, 0),
                FigureStyle.LINE, palette.colour(arm)));
        return s;
    }
}
