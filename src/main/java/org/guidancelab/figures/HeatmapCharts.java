package org.guidancelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * Layer-by-layer CKA heatmaps: one matrix, or a "before" and "after" pair side by side sharing the row axis and the
 * colour bar. Rows run top to bottom in network order (as in a printed matrix), columns left to right; the cells the
 * guidance loss uses are outlined; the colour bar spans 0 to 1 in viridis.
 */
public final class HeatmapCharts {
    /** Outline of the cells used by the loss: a saturated red reads on every viridis colour, dark or light. */
    static final Color PAIR_OUTLINE = new Color(0xE8000B);
    static final Stroke PAIR_STROKE = new BasicStroke(2.2f);
    static final String PAIR_LEGEND = "pair used by the guidance loss";

    private HeatmapCharts() {
    }

    /** One matrix, e.g. target x guide, or a target x target self-similarity map. */
    public static JFreeChart heatmap(CkaHeatmap heatmap, HeatmapOptions options) {
        ViridisScale scale = ViridisScale.unit();
        XYPlot plot = plot(heatmap, options, scale);
        plot.setRangeAxis(rowAxis(heatmap));
        FigureStyle.applyTo(plot);
        plot.setOutlineVisible(true);
        if (!heatmap.pairs().isEmpty()) {
            plot.setFixedLegendItems(pairLegend());
        }
        return chart(options, plot, scale, !heatmap.pairs().isEmpty());
    }

    /**
     * "Before" and "after" side by side (e.g. step 0 and the last step), with one shared row axis and colour bar.
     *
     * @throws IllegalArgumentException if the two matrices do not have the same taps
     */
    public static JFreeChart beforeAfter(CkaHeatmap before, CkaHeatmap after, HeatmapOptions options) {
        if (!before.rowTaps().equals(after.rowTaps()) || !before.colTaps().equals(after.colTaps())) {
            throw new IllegalArgumentException("before (step " + before.step() + ") and after (step " + after.step()
                    + ") heatmaps have different taps: " + before.rowTaps() + " x " + before.colTaps() + " vs "
                    + after.rowTaps() + " x " + after.colTaps());
        }
        ViridisScale scale = ViridisScale.unit();
        CombinedRangeXYPlot combined = new CombinedRangeXYPlot(rowAxis(before));
        combined.setGap(24.0);
        XYPlot left = plot(before, options, scale);
        XYPlot right = plot(after, options, scale);
        combined.add(left, 1);
        combined.add(right, 1);
        FigureStyle.applyTo(combined);
        for (XYPlot sub : new XYPlot[] {left, right}) {
            FigureStyle.applyTo(sub);
            sub.setOutlineVisible(true);
        }
        PanelAxes.setTitle(left, "Before (step " + before.step() + ")");
        PanelAxes.setTitle(right, "After (step " + after.step() + ")");
        boolean pairs = !before.pairs().isEmpty() || !after.pairs().isEmpty();
        if (pairs) {
            combined.setFixedLegendItems(pairLegend());
        }
        return chart(options, combined, scale, pairs);
    }

    /** The plot of one matrix, without its row axis (a combined plot shares one). */
    private static XYPlot plot(CkaHeatmap h, HeatmapOptions options, ViridisScale scale) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(symbolAxis(h.colRole() + " layer", h.colTaps()));
        plot.getDomainAxis().setVerticalTickLabels(needsVerticalLabels(h));
        HeatmapImageAnnotation image = new HeatmapImageAnnotation(h, scale);
        plot.addAnnotation(image, false);
        // Annotations drawn over a cell cover its tooltip area, so they carry the cell's tooltip too.
        for (int[] p : h.pairs()) {
            Rectangle2D cell = new Rectangle2D.Double(p[1] - 0.5, p[0] - 0.5, 1.0, 1.0);
            XYShapeAnnotation outline = new XYShapeAnnotation(cell, PAIR_STROKE, PAIR_OUTLINE);
            outline.setToolTipText(image.tooltip(p[0], p[1]));
            plot.addAnnotation(outline, false);
        }
        if (options.showValues()) {
            for (int r = 0; r < h.rows(); r++) {
                for (int c = 0; c < h.cols(); c++) {
                    XYTextAnnotation text = valueText(h.value(r, c), r, c, scale);
                    text.setToolTipText(image.tooltip(r, c));
                    plot.addAnnotation(text, false);
                }
            }
        }
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        return plot;
    }

    private static XYTextAnnotation valueText(double value, int row, int col, ViridisScale scale) {
        String text = Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
        XYTextAnnotation a = new XYTextAnnotation(text, col, row);
        a.setFont(FigureStyle.CELL_FONT);
        Color cell = scale.colour(value);
        double luminance = (0.2126 * cell.getRed() + 0.7152 * cell.getGreen() + 0.0722 * cell.getBlue()) / 255.0;
        a.setPaint(luminance < 0.5 ? Color.WHITE : Color.BLACK);
        return a;
    }

    private static boolean needsVerticalLabels(CkaHeatmap h) {
        int longest = h.colTaps().stream().mapToInt(String::length).max().orElse(0);
        return h.cols() * Math.max(longest, 3) > 48;
    }

    static SymbolAxis rowAxis(CkaHeatmap h) {
        SymbolAxis axis = symbolAxis(h.rowRole() + " layer", h.rowTaps());
        // Row 0 at the top, as the matrix is printed and read.
        axis.setInverted(true);
        return axis;
    }

    private static SymbolAxis symbolAxis(String label, java.util.List<String> names) {
        SymbolAxis axis = new SymbolAxis(label, names.toArray(new String[0]));
        axis.setGridBandsVisible(false);
        axis.setAutoRange(false);
        axis.setRange(-0.5, names.size() - 0.5);
        axis.setLowerMargin(0.0);
        axis.setUpperMargin(0.0);
        return axis;
    }

    private static LegendItemCollection pairLegend() {
        LegendItemCollection items = new LegendItemCollection();
        items.add(new LegendItem(PAIR_LEGEND, null, null, null, true, new Rectangle2D.Double(-6, -6, 12, 12), false,
                Color.WHITE, true, PAIR_OUTLINE, PAIR_STROKE, false, new Rectangle2D.Double(), PAIR_STROKE,
                PAIR_OUTLINE));
        return items;
    }

    private static JFreeChart chart(HeatmapOptions options, org.jfree.chart.plot.Plot plot, ViridisScale scale,
                                    boolean legend) {
        JFreeChart chart = new JFreeChart(options.title(), FigureStyle.TITLE_FONT, plot, legend);
        chart.addSubtitle(colourBar(scale, options.scaleLabel()));
        FigureStyle.applyTo(chart);
        return chart;
    }

    private static PaintScaleLegend colourBar(ViridisScale scale, String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(scale.getLowerBound(), scale.getUpperBound());
        axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.2));
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
}
