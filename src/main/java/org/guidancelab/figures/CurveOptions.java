package org.guidancelab.figures;

/**
 * How curve charts are drawn.
 *
 * @param title        the chart title, or null for none (papers usually put it in the caption)
 * @param logScale     a log y axis (values <= 0 are then left out, a log axis cannot show them)
 * @param smoothing    EMA weight in [0, 1): 0 draws the raw curve only; above 0 draws the smoothed curve with the raw
 *                     one faint behind
 * @param pixelColumns the width the plot is drawn at, in pixels: series longer than a few points per column are
 *                     reduced before drawing
 */
public record CurveOptions(String title, boolean logScale, double smoothing, int pixelColumns) {
    public static final double DEFAULT_SMOOTHING = 0.6;
    public static final int DEFAULT_PIXEL_COLUMNS = 1000;

    public CurveOptions {
        if (!(smoothing >= 0.0 && smoothing < 1.0)) {
            throw new IllegalArgumentException("smoothing must be in [0, 1), got " + smoothing);
        }
        if (pixelColumns < 1) {
            throw new IllegalArgumentException("pixelColumns must be >= 1, got " + pixelColumns);
        }
    }

    public static CurveOptions defaults() {
        return new CurveOptions(null, false, DEFAULT_SMOOTHING, DEFAULT_PIXEL_COLUMNS);
    }

    public CurveOptions withTitle(String newTitle) {
        return new CurveOptions(newTitle, logScale, smoothing, pixelColumns);
    }

    public CurveOptions withLogScale(boolean log) {
        return new CurveOptions(title, log, smoothing, pixelColumns);
    }

    public CurveOptions withSmoothing(double weight) {
        return new CurveOptions(title, logScale, weight, pixelColumns);
    }

    public CurveOptions withPixelColumns(int columns) {
        return new CurveOptions(title, logScale, smoothing, columns);
    }
}
