package org.guidancelab.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders charts to PNG and SVG. PNG is laid out at the figure's size in points and drawn through a scaled Graphics2D,
 * so a 2x export has the same layout with twice the pixels (sharp in print) rather than smaller text.
 */
public final class ChartImages {
    public static final double MAX_SCALE = 8.0;

    private ChartImages() {
    }

    /** The chart drawn at width x height points, scale pixels per point, on white. */
    public static BufferedImage render(JFreeChart chart, int width, int height, double scale) {
        return render(chart, width, height, scale, null);
    }

    /**
     * As {@link #render(JFreeChart, int, int, double)}, filling {@code info} (if not null) with where things were
     * drawn, in points: the data area of each plot, for mapping a cell or a step to a pixel.
     */
    public static BufferedImage render(JFreeChart chart, int width, int height, double scale,
                                       org.jfree.chart.ChartRenderingInfo info) {
        checkSize(width, height, scale);
        int pw = (int) Math.round(width * scale);
        int ph = (int) Math.round(height * scale);
        BufferedImage image = new BufferedImage(pw, ph, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, pw, ph);
            g2.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g2.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height), info);
        } finally {
            g2.dispose();
        }
        return image;
    }

    /**
     * Writes the chart as PNG, recording 72 x scale pixels per inch in the file (pHYs), so a 2x figure placed in a
     * document keeps its size in points instead of doubling.
     */
    public static void writePng(JFreeChart chart, Path file, int width, int height, double scale) throws IOException {
        BufferedImage image = render(chart, width, height, scale);
        createParent(file);
        PngWriter.write(image, file, 72.0 * scale);
    }

    /** The chart as an SVG document: vector shapes, text as text (so labels stay searchable and editable). */
    public static String svg(JFreeChart chart, int width, int height) {
        checkSize(width, height, 1.0);
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
    }

    public static void writeSvg(JFreeChart chart, Path file, int width, int height) throws IOException {
        String svg = svg(chart, width, height);
        createParent(file);
        Files.writeString(file, svg);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void checkSize(int width, int height, double scale) {
        if (width < 1 || height < 1 || width > 20_000 || height > 20_000) {
            throw new IllegalArgumentException("figure size must be 1..20000 points each way, got " + width + " x "
                    + height);
        }
        if (!(scale > 0.0 && scale <= MAX_SCALE)) {
            throw new IllegalArgumentException("export scale must be in (0, " + MAX_SCALE + "], got " + scale);
        }
    }
}
