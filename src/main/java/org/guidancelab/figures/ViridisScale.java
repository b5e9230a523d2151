package org.guidancelab.figures;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * The viridis colour map (perceptually uniform, readable in grey and by colour-blind readers) over [lower, upper].
 * Values outside the range are clamped to the end colours; NaN maps to a neutral grey so a missing cell is never read
 * as a value.
 */
public final class ViridisScale implements PaintScale {
    /** viridis sampled at 0, 1/8, ..., 1 (matplotlib / R viridis); linear interpolation in between. */
    private static final int[] ANCHORS = {
        0x440154, 0x472D7B, 0x3B528B, 0x2C728E, 0x21908C, 0x27AD81, 0x5DC863, 0xAADC32, 0xFDE725};
    private static final int LEVELS = 256;
    private static final Color[] TABLE = buildTable();
    public static final Color MISSING = new Color(0xBDBDBD);

    private final double lower;
    private final double upper;

    public ViridisScale(double lower, double upper) {
        if (!(upper > lower)) {
            throw new IllegalArgumentException("colour scale needs lower < upper, got [" + lower + ", " + upper + "]");
        }
        this.lower = lower;
        this.upper = upper;
    }

    /** The scale of CKA heatmaps: 0 to 1. */
    public static ViridisScale unit() {
        return new ViridisScale(0.0, 1.0);
    }

    private static Color[] buildTable() {
        Color[] table = new Color[LEVELS];
        int segments = ANCHORS.length - 1;
        for (int i = 0; i < LEVELS; i++) {
            double t = i / (double) (LEVELS - 1) * segments;
            int k = Math.min((int) Math.floor(t), segments - 1);
            double f = t - k;
            table[i] = new Color(lerp(ANCHORS[k] >> 16, ANCHORS[k + 1] >> 16, f),
                    lerp(ANCHORS[k] >> 8, ANCHORS[k + 1] >> 8, f), lerp(ANCHORS[k], ANCHORS[k + 1], f));
        }
        return table;
    }

    private static int lerp(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return colour(value);
    }

    /** The colour of a value, as drawn in the heatmap cells and the colour bar. */
    public Color colour(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = (value - lower) / (upper - lower);
        t = Math.max(0.0, Math.min(1.0, t));
        return TABLE[(int) Math.round(t * (LEVELS - 1))];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ViridisScale v && v.lower == lower && v.upper == upper;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(lower) * 31 + Double.hashCode(upper);
    }
}
