package org.guidancelab.figures;

import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Builds the XY plot of a set of lines: cleaning (NaN/Inf, and y <= 0 on a log axis), smoothing, and reduction to a
 * few points per pixel column happen here, so the datasets hold exactly the points drawn (which is what the CSV
 * export writes).
 */
final class CurvePlots {
    /** Dataset index of the faint raw series (drawn first, so behind). */
    static final int RAW = 0;
    /** Dataset index of the main series. */
    static final int MAIN = 1;
    static final String RAW_SUFFIX = " (raw)";

    private CurvePlots() {
    }

    static XYPlot linePlot(List<CurveCharts.Line> lines, CurveOptions options, NumberAxis domainAxis) {
        XYSeriesCollection raw = new XYSeriesCollection();
        XYSeriesCollection main = new XYSeriesCollection();
        XYLineAndShapeRenderer rawRenderer = renderer();
        XYLineAndShapeRenderer mainRenderer = renderer();
        // Hover tooltips in the app come from the main lines only: the faint raw points would double the hit areas
        // to build on every redraw for no extra information.
        rawRenderer.setDefaultCreateEntities(false);
        mainRenderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}, step {1}: {2}",
                new DecimalFormat("0", DecimalFormatSymbols.getInstance(Locale.ROOT)),
                new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        boolean smooth = options.smoothing() > 0.0;
        for (CurveCharts.Line line : lines) {
            Curve c = line.curve();
            SeriesPoints clean = SeriesPoints.finite(c.steps(), c.values(), options.logScale());
            if (smooth) {
                addSeries(raw, line.key() + RAW_SUFFIX, PointReducer.reduce(clean, options.pixelColumns()));
                rawRenderer.setSeriesPaint(raw.getSeriesCount() - 1, faint(line.colour()));
                rawRenderer.setSeriesStroke(raw.getSeriesCount() - 1, FigureStyle.RAW_LINE);
                clean = new SeriesPoints(clean.x(), Ema.smooth(clean.x(), clean.y(), options.smoothing()));
            }
            addSeries(main, line.key(), PointReducer.reduce(clean, options.pixelColumns()));
            mainRenderer.setSeriesPaint(main.getSeriesCount() - 1, line.colour());
            mainRenderer.setSeriesStroke(main.getSeriesCount() - 1, FigureStyle.LINE);
        }
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(domainAxis);
        plot.setDataset(RAW, raw);
        plot.setRenderer(RAW, rawRenderer);
        plot.setDataset(MAIN, main);
        plot.setRenderer(MAIN, mainRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return plot;
    }

    private static void addSeries(XYSeriesCollection dataset, String key, SeriesPoints points) {
        BatchXYSeries series = new BatchXYSeries(key);
        series.appendBatch(points.x(), points.y());
        dataset.addSeries(series);
    }

    private static XYLineAndShapeRenderer renderer() {
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        // One path per series: joins are drawn properly and long series draw much faster than segment by segment.
        r.setDrawSeriesLineAsPath(true);
        r.setDefaultSeriesVisibleInLegend(false);
        return r;
    }

    private static Color faint(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), FigureStyle.RAW_ALPHA);
    }
}
