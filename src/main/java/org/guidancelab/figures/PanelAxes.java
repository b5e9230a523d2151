package org.guidancelab.figures;

import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Panel titles for side-by-side plots. XYPlot has no title of its own, so a panel's title is the label of an empty
 * secondary domain axis along its top edge (no ticks, no line): it sits above the data area and never covers data.
 */
final class PanelAxes {
    static final int TITLE_AXIS_INDEX = 1;

    private PanelAxes() {
    }

    static void setTitle(XYPlot plot, String title) {
        NumberAxis axis = new NumberAxis(title);
        axis.setTickLabelsVisible(false);
        axis.setTickMarksVisible(false);
        axis.setAxisLineVisible(false);
        axis.setAutoRange(false);
        axis.setRange(0.0, 1.0);
        axis.setLabelFont(FigureStyle.PANEL_TITLE_FONT);
        axis.setLabelPaint(FigureStyle.TEXT);
        plot.setDomainAxis(TITLE_AXIS_INDEX, axis);
        plot.setDomainAxisLocation(TITLE_AXIS_INDEX, AxisLocation.TOP_OR_LEFT);
    }

    /** The panel's title, or null. */
    static String title(XYPlot plot) {
        return plot.getDomainAxisCount() > TITLE_AXIS_INDEX && plot.getDomainAxis(TITLE_AXIS_INDEX) != null
                ? plot.getDomainAxis(TITLE_AXIS_INDEX).getLabel() : null;
    }
}
