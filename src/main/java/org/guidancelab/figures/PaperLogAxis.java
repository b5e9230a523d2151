package org.guidancelab.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * A log axis ticked like a paper figure: at 1, 2 and 5 times powers of ten (only powers of ten when the range spans
 * many decades), labelled as plain numbers ("0.05", "2"). JFreeChart's own LogAxis ticks at even steps of the
 * exponent, which over a small loss range gives labels like 10^0.35.
 */
final class PaperLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final double[] ONE_TWO_FIVE = {1, 2, 5};
    private static final double[] ALL_DIGITS = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    PaperLogAxis(String label) {
        super(label);
        setSmallestValue(1e-12);
        setMinorTickMarksVisible(false);
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean vertical = RectangleEdge.isLeftOrRight(edge);
        double pixels = vertical ? dataArea.getHeight() : dataArea.getWidth();
        // Room for a label: about 2.5 lines vertically, 70 points across.
        int maxTicks = Math.max(2, (int) (pixels / (vertical ? 32.0 : 70.0)));
        List<Double> values = tickValues(getLowerBound(), getUpperBound(), maxTicks);
        TextAnchor anchor = vertical ? (edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT : TextAnchor.CENTER_LEFT)
                : (edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER);
        List ticks = new ArrayList();
        for (double v : values) {
            ticks.add(new NumberTick(TickType.MAJOR, v, label(v), anchor, anchor, 0.0));
        }
        return ticks;
    }

    /**
     * Tick values in [lo, hi]: the densest of 1..9, 1-2-5, powers of ten, every 2nd, 4th... power of ten that fits
     * in maxTicks. A range too narrow for two such ticks (1.1 to 1.8) gets evenly spaced round values instead.
     */
    static List<Double> tickValues(double lo, double hi, int maxTicks) {
        if (!(lo > 0.0) || !(hi > lo)) {
            return List.of();
        }
        int first = (int) Math.floor(Math.log10(lo));
        int last = (int) Math.ceil(Math.log10(hi));
        if (values(lo, hi, first, last, ALL_DIGITS, 1).size() < 2) {
            return linear(lo, hi, maxTicks);
        }
        for (double[] mantissas : new double[][] {ALL_DIGITS, ONE_TWO_FIVE}) {
            List<Double> v = values(lo, hi, first, last, mantissas, 1);
            if (v.size() >= 2 && v.size() <= maxTicks) {
                return v;
            }
        }
        for (int every = 1; every <= 1024; every *= 2) {
            List<Double> v = values(lo, hi, first, last, new double[] {1}, every);
            if (v.size() <= maxTicks) {
                return v;
            }
        }
        return List.of();
    }

    /** About four round ticks (steps of 1, 2 or 5 times a power of ten), fewer if maxTicks says so. */
    private static List<Double> linear(double lo, double hi, int maxTicks) {
        double raw = (hi - lo) / Math.max(1, Math.min(4, maxTicks - 1));
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = 10 * magnitude;
        for (int i = ONE_TWO_FIVE.length - 1; i >= 0; i--) {
            if (ONE_TWO_FIVE[i] * magnitude >= raw) {
                step = ONE_TWO_FIVE[i] * magnitude;
            }
        }
        List<Double> out = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step); k * step <= hi; k++) {
            out.add(Double.parseDouble(Double.toString(k * step).length() > 12
                    ? String.format(Locale.ROOT, "%.10g", k * step) : Double.toString(k * step)));
        }
        return out;
    }

    private static List<Double> values(double lo, double hi, int first, int last, double[] mantissas, int every) {
        List<Double> out = new ArrayList<>();
        for (int e = first; e <= last; e++) {
            if (Math.floorMod(e, every) != 0) {
                continue;
            }
            for (double m : mantissas) {
                // Parsing the decimal text gives the exact double of "2e-3", not 2 * 0.001 with its rounding.
                double v = Double.parseDouble(m + "e" + e);
                if (v >= lo * (1 - 1e-12) && v <= hi * (1 + 1e-12)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-4 || a >= 1e6)) {
            return new DecimalFormat("0.#E0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
        }
        return new DecimalFormat("0.#####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }
}
