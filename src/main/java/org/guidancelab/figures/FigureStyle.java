package org.guidancelab.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every figure: a hand-made matplotlib figure for a paper. White background, light grid, plain sans fonts,
 * thin lines, no gradients or shadows. Kept in one place so the app and the exported files look the same.
 */
public final class FigureStyle {
    public static final String FONT_FAMILY = Font.SANS_SERIF;
    public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 15);
    public static final Font PANEL_TITLE_FONT = new Font(FONT_FAMILY, Font.PLAIN, 14);
    public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);
    public static final Font CELL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 11);
    public static final Color TEXT = new Color(0x222222);
    public static final Color AXIS_LINE = new Color(0x444444);
    public static final Color GRID = new Color(0xE3E3E3);
    public static final Stroke GRID_STROKE = new BasicStroke(0.6f);
    public static final Stroke AXIS_STROKE = new BasicStroke(0.8f);
    /** The main (smoothed) line of a curve. */
    public static final Stroke LINE = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** The raw series drawn faint behind a smoothed one. */
    public static final Stroke RAW_LINE = new BasicStroke(0.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    /** Alpha of the raw series behind a smoothed one, as matplotlib users typically draw it. */
    public static final int RAW_ALPHA = 70;
    public static final Stroke MARKER = new BasicStroke(1.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {5f, 4f}, 0f);

    static {
        // JFreeChart draws rotated text (the y-axis label, the colour bar label) through TextLayout by default, a
        // workaround for a JDK 1.4 bug; SVG then gets glyph outlines instead of text, so labels cannot be searched or
        // edited. drawString under a rotation is correct on Java 17, in AWT, JFreeSVG and FXGraphics2D alike.
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    static final RectangleInsets RANGE_TICK_INSETS = new RectangleInsets(9, 4, 9, 4);
    static final RectangleInsets DOMAIN_TICK_INSETS = new RectangleInsets(3, 14, 3, 14);

    private FigureStyle() {
    }

    /** Applies the figure style to the chart as a whole: background, title, legend. */
    public static void applyTo(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setBorderVisible(false);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 14));
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(TITLE_FONT);
            title.setPaint(TEXT);
            title.setPadding(new RectangleInsets(2, 2, 8, 2));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            styleLegend(legend);
        }
    }

    public static void styleLegend(LegendTitle legend) {
        legend.setItemFont(LABEL_FONT);
        legend.setItemPaint(TEXT);
        legend.setBackgroundPaint(Color.WHITE);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 14));
        legend.setMargin(new RectangleInsets(6, 0, 0, 0));
    }

    /** White plot area, light grid, thin dark axes, no tick-mark clutter. */
    public static void applyTo(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlineStroke(GRID_STROKE);
        plot.setRangeGridlineStroke(GRID_STROKE);
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setInsets(new RectangleInsets(4, 4, 4, 4));
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            styleAxis(plot.getDomainAxis(i));
            if (plot.getDomainAxis(i) instanceof org.jfree.chart.axis.NumberAxis x
                    && !(x instanceof org.jfree.chart.axis.SymbolAxis)) {
                x.setTickLabelInsets(DOMAIN_TICK_INSETS);
            }
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            styleAxis(plot.getRangeAxis(i));
            if (plot.getRangeAxis(i) instanceof org.jfree.chart.axis.NumberAxis y
                    && !(y instanceof org.jfree.chart.axis.SymbolAxis)) {
                // JFreeChart packs value ticks as tightly as the labels allow (a tick every 20 pixels); extra room
                // around each label gives the 6-10 ticks of a matplotlib axis.
                y.setTickLabelInsets(RANGE_TICK_INSETS);
            }
        }
    }

    public static void styleAxis(Axis axis) {
        if (axis == null) {
            return;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(TEXT);
        axis.setTickLabelFont(TICK_FONT);
        axis.setTickLabelPaint(TEXT);
        axis.setAxisLinePaint(AXIS_LINE);
        axis.setAxisLineStroke(AXIS_STROKE);
        axis.setTickMarkPaint(AXIS_LINE);
        axis.setTickMarkStroke(AXIS_STROKE);
        axis.setTickMarkOutsideLength(3f);
        axis.setTickMarkInsideLength(0f);
        if (axis instanceof ValueAxis va) {
            va.setMinorTickMarksVisible(false);
        }
    }
}
