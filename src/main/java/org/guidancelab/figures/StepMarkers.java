package org.guidancelab.figures;

import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * Dashed vertical lines where guidance was disconnected ("guide off") or connected again ("guide on"). Arms switched
 * the same way at the same step share one line (grey, naming the arms) so the labels never print on top of each
 * other; a line of one arm takes that arm's colour.
 */
final class StepMarkers {
    static final String LABEL = "guide off";
    static final String RECONNECTED_LABEL = "guide on";
    static final Color NEUTRAL = new Color(0x555555);
    private static final Color SHARED = NEUTRAL;
    /** Mostly opaque white, so the label reads over a curve without hiding it. */
    private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 210);

    private StepMarkers() {
    }

    /**
     * @param xMax the largest step drawn: a marker in the right quarter gets its label on its left, so the label is
     *             not cut off at the plot's edge
     */
    static void add(XYPlot plot, List<GuidanceMarker> markers, ArmPalette palette, double xMin, double xMax) {
        Map<GuidanceMarker, List<String>> byStep = new LinkedHashMap<>();
        for (GuidanceMarker m : markers) {
            // keyed by step and direction, with the arm left out, so arms switched alike share a line
            byStep.computeIfAbsent(new GuidanceMarker("", m.step(), m.reconnected()), s -> new ArrayList<>()).add(m.arm());
        }
        for (Map.Entry<GuidanceMarker, List<String>> e : byStep.entrySet()) {
            List<String> arms = e.getValue();
            double step = e.getKey().step();
            String label = e.getKey().reconnected() ? RECONNECTED_LABEL : LABEL;
            ValueMarker marker = new ValueMarker(step);
            marker.setPaint(arms.size() == 1 ? palette.colour(arms.get(0)) : SHARED);
            marker.setStroke(FigureStyle.MARKER);
            marker.setLabel(arms.size() == 1 ? label : label + " (" + String.join(", ", arms) + ")");
            marker.setLabelFont(FigureStyle.CELL_FONT);
            marker.setLabelPaint(FigureStyle.TEXT);
            boolean labelLeft = xMax > xMin && step > xMin + 0.75 * (xMax - xMin);
            marker.setLabelAnchor(labelLeft ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(labelLeft ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            marker.setLabelBackgroundColor(LABEL_BACKGROUND);
            marker.setLabelOffset(new RectangleInsets(4, 3, 4, 3));
            plot.addDomainMarker(0, marker, Layer.BACKGROUND);
        }
    }
}
