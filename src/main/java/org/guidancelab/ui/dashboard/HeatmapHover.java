package org.guidancelab.ui.dashboard;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;
import org.guidancelab.figures.CkaHeatmap;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedRangeXYPlot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;

/**
 * Which heatmap cell is under the mouse: the point is mapped through the axes of the plot (or, in the before/after
 * view, of the panel) it falls in, as the chart was last drawn.
 */
final class HeatmapHover {
    private HeatmapHover() {
    }

    /** A cell: row and column index, and which of the shown matrices (0 = left / only, 1 = right). */
    record Cell(int panel, int row, int col) {
    }

    /** The cell under (x, y) in the chart's drawing coordinates, or null outside every matrix. */
    static Cell cellAt(JFreeChart chart, ChartRenderingInfo info, double x, double y, int rows, int cols) {
        if (info == null || chart == null) {
            return null;
        }
        PlotRenderingInfo plotInfo = info.getPlotInfo();
        Point2D p = new Point2D.Double(x, y);
        XYPlot plot;
        Rectangle2D area;
        int panel = 0;
        if (chart.getPlot() instanceof CombinedRangeXYPlot combined) {
            panel = plotInfo.getSubplotIndex(p);
            if (panel < 0 || panel >= combined.getSubplots().size()) {
                return null;
            }
            plot = combined.getSubplots().get(panel);
            area = plotInfo.getSubplotInfo(panel).getDataArea();
            double c = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
            double r = combined.getRangeAxis().java2DToValue(y, area, combined.getRangeAxisEdge());
            return inside(panel, r, c, area, p, rows, cols);
        }
        if (!(chart.getPlot() instanceof XYPlot xy)) {
            return null;
        }
        plot = xy;
        area = plotInfo.getDataArea();
        double c = plot.getDomainAxis().java2DToValue(x, area, plot.getDomainAxisEdge());
        double r = plot.getRangeAxis().java2DToValue(y, area, plot.getRangeAxisEdge());
        return inside(panel, r, c, area, p, rows, cols);
    }

    private static Cell inside(int panel, double r, double c, Rectangle2D area, Point2D p, int rows, int cols) {
        if (area == null || !area.contains(p)) {
            return null;
        }
        int row = (int) Math.round(r);
        int col = (int) Math.round(c);
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            return null;
        }
        return new Cell(panel, row, col);
    }

    /** "Target t2 × Guide g1: CKA 0.734 (step 30) — pair used by the loss". */
    static String describe(CkaHeatmap h, int row, int col) {
        double v = h.value(row, col);
        String value = Double.isNaN(v) ? "not computed" : String.format(Locale.ROOT, "%.3f", v);
        return h.rowRole() + " " + h.rowTaps().get(row) + " × " + h.colRole() + " " + h.colTaps().get(col)
                + ": CKA " + value + " (step " + h.step() + ")" + (h.isPair(row, col) ? " — pair used by the loss" : "");
    }
}
