package org.guidancelab.figures;

import java.util.Arrays;

/**
 * A series' points after cleaning, ready to plot: parallel x and y arrays (the arrays are owned by this object; the
 * figures package never mutates them after construction).
 */
record SeriesPoints(double[] x, double[] y) {
    SeriesPoints {
        if (x.length != y.length) {
            throw new IllegalArgumentException(x.length + " x values but " + y.length + " y values");
        }
    }

    int size() {
        return x.length;
    }

    /**
     * The points whose x and y are finite (NaN and infinities cannot be drawn and wreck auto-ranging); with
     * {@code positiveOnly}, also drops y <= 0, which a log axis cannot show.
     */
    static SeriesPoints finite(double[] x, double[] y, boolean positiveOnly) {
        double[] fx = new double[x.length];
        double[] fy = new double[y.length];
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!positiveOnly || y[i] > 0.0)) {
                fx[n] = x[i];
                fy[n] = y[i];
                n++;
            }
        }
        return new SeriesPoints(Arrays.copyOf(fx, n), Arrays.copyOf(fy, n));
    }
}
