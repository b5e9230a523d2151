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
        if (g2 instanceof SVGGraphics2D) {
            drawCells(g2, left, right, first, last);
            return;
        }
        Object oldInterpolation = g2.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        // The destination corners may be flipped (an inverted axis puts row 0 at the top): drawImage flips with them.
        g2.drawImage(image, (int) Math.round(left), (int) Math.round(first), (int) Math.round(right),
                (int) Math.round(last), 0, 0, heatmap.cols(), heatmap.rows(), null);
        if (oldInterpolation != null) {
            g2.setRenderingHint(RenderingHints.KEY_INTERPOLATION, oldInterpolation);
        }
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
