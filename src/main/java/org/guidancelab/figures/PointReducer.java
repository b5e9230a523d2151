package org.guidancelab.figures;

import java.util.Arrays;

/**
 * Reduces a long series to about one point per pixel column without changing the picture: per column it keeps the
 * lowest and the highest point, in their original order, so the vertical extent drawn in each column is the same and
 * spikes survive. The very first and last points are kept too, so the line starts and ends where it did. A
 * 100,000-step curve drawn 1,000 pixels wide becomes at most 2,002 points.
 */
public final class PointReducer {
    private PointReducer() {
    }

    /**
     * @param points  finite points, x ascending (training steps)
     * @param columns the number of pixel columns the x range is drawn across
     */
    static SeriesPoints reduce(SeriesPoints points, int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        }
        int n = points.size();
        if (n <= 2L * columns + 2) {
            return points;
        }
        double[] x = points.x();
        double[] y = points.y();
        double x0 = x[0];
        double span = x[n - 1] - x0;
        if (!(span > 0.0)) {
            return points;
        }
        double[] ox = new double[2 * columns + 2];
        double[] oy = new double[2 * columns + 2];
        int out = 0;
        int start = 0;
        while (start < n) {
            int column = column(x[start], x0, span, columns);
            int end = start + 1;
            while (end < n && column(x[end], x0, span, columns) == column) {
                end++;
            }
            int lo = start;
            int hi = start;
            for (int i = start + 1; i < end; i++) {
                if (y[i] < y[lo]) {
                    lo = i;
                }
                if (y[i] > y[hi]) {
                    hi = i;
                }
            }
            int[] keep = {start == 0 ? 0 : Math.min(lo, hi), Math.min(lo, hi), Math.max(lo, hi),
                end == n ? n - 1 : Math.max(lo, hi)};
            int last = -1;
            for (int k : keep) {
                if (k != last) {
                    ox[out] = x[k];
                    oy[out] = y[k];
                    out++;
                    last = k;
                }
            }
            start = end;
        }
        return new SeriesPoints(Arrays.copyOf(ox, out), Arrays.copyOf(oy, out));
    }

    private static int column(double x, double x0, double span, int columns) {
        return Math.min(columns - 1, (int) ((x - x0) / span * columns));
    }
}
