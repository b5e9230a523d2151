package org.guidancelab.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a CKA matrix as one image, cell (row r, col c) covering x in [c - 0.5, c + 0.5] and y in [r - 0.5, r + 0.5].
 * On raster targets the image is scaled with nearest-neighbour interpolation, so every cell is exactly its colour on
 * the scale (no blending at cell borders, no per-cell shapes to draw). On SVG the cells are written as rectangles
 * instead: viewers smooth scaled embedded images, which would blur the cells.
 */
final class HeatmapImageAnnotation extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;

    private final CkaHeatmap heatmap;
    private final ViridisScale scale;
    private final transient BufferedImage image;

    HeatmapImageAnnotation(CkaHeatmap heatmap, ViridisScale scale) {
        this.heatmap = heatmap;
        this.scale = scale;
        this.image = new BufferedImage(heatmap.cols(), heatmap.rows(), BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < heatmap.rows(); r++) {
            for (int c = 0; c < heatmap.cols(); c++) {
                image.setRGB(c, r, scale.colour(heatmap.value(r, c)).getRGB());
            }
        }
    }

    CkaHeatmap heatmap() {
        return heatmap;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D dataArea, ValueAxis domainAxis, ValueAxis rangeAxis,
                     int rendererIndex, PlotRenderingInfo info) {
        RectangleEdge xEdge = plot.getDomainAxisEdge();
        RectangleEdge yEdge = plot.getRangeAxisEdge();
        double left = domainAxis.valueToJava2D(-0.5, dataArea, xEdge);
        double right = domainAxis.valueToJava2D(heatmap.cols() - 0.5, dataArea, xEdge);
        double first = rangeAxis.valueToJava2D(-0.5, dataArea, yEdge);
        double last = rangeAxis.valueToJava2D(heatmap.rows() - 0.5, dataArea, yEdge);
        addCellEntities(info, rendererIndex, left, right, first, last);
        if (g2 instanceof SVGGraphics2D) {
            drawCells(g2, left, right, first, last);
            return;
        }
        Object oldInterpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        // Destination corners go in ascending order and any flip (an axis inverted or not: row 0 at the top is the
        // default here) is expressed in the source corners: some Graphics2D implementations (FXGraphics2D, used by
        // the app's ChartViewer) allocate a width x height buffer and fail on a negative size.
        int dx1 = (int) Math.round(Math.min(left, right));
        int dx2 = (int) Math.round(Math.max(left, right));
        int dy1 = (int) Math.round(Math.min(first, last));
        int dy2 = (int) Math.round(Math.max(first, last));
        int sx1 = left <= right ? 0 : heatmap.cols();
        int sx2 = left <= right ? heatmap.cols() : 0;
        int sy1 = first <= last ? 0 : heatmap.rows();
        int sy2 = first <= last ? heatmap.rows() : 0;
        if (dx2 > dx1 && dy2 > dy1) {
            g2.drawImage(image, dx1, dy1, dx2, dy2, sx1, sy1, sx2, sy2, null);
        }
        if (oldInterpolation != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oldInterpolation);
        }
    }

    /**
     * One tooltip area per cell ("fc3 / conv2: 0.734") when the caller collects entities, as the app's ChartViewer
     * does: hovering a cell shows its layers and value.
     */
    private void addCellEntities(PlotRenderingInfo info, int rendererIndex, double left, double right, double first,
                                 double last) {
        if (info == null || info.getOwner() == null || info.getOwner().getEntityCollection() == null) {
            return;
        }
        double w = (right - left) / heatmap.cols();
        double h = (last - first) / heatmap.rows();
        for (int r = 0; r < heatmap.rows(); r++) {
            for (int c = 0; c < heatmap.cols(); c++) {
                double x = left + c * w;
                double y = first + r * h;
                Rectangle2D cell = new Rectangle2D.Double(Math.min(x, x + w), Math.min(y, y + h), Math.abs(w),
                        Math.abs(h));
                addEntity(info, cell, rendererIndex, tooltip(r, c), null);
            }
        }
    }

    String tooltip(int row, int col) {
        double v = heatmap.value(row, col);
        return heatmap.rowTaps().get(row) + " / " + heatmap.colTaps().get(col) + ": "
                + (Double.isNaN(v) ? "not computed" : String.format(java.util.Locale.ROOT, "%.3f", v))
                + (heatmap.isPair(row, col) ? " (loss pair)" : "");
    }

    private void drawCells(Graphics2D g2, double left, double right, double first, double last) {
        double w = (right - left) / heatmap.cols();
        double h = (last - first) / heatmap.rows();
        for (int r = 0; r < heatmap.rows(); r++) {
            for (int c = 0; c < heatmap.cols(); c++) {
                double x = left + c * w;
                double y = first + r * h;
                // A hair of overlap with the next cell hides the anti-aliasing seams viewers draw between shapes.
                double ow = c < heatmap.cols() - 1 ? 0.4 * Math.signum(w) : 0.0;
                double oh = r < heatmap.rows() - 1 ? 0.4 * Math.signum(h) : 0.0;
                Rectangle2D cell = new Rectangle2D.Double(Math.min(x, x + w + ow), Math.min(y, y + h + oh),
                        Math.abs(w + ow), Math.abs(h + oh));
                Color colour = scale.colour(heatmap.value(r, c));
                g2.setPaint(colour);
                g2.fill(cell);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
