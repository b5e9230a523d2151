package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Repeated measurements of one quantity and how far they spread: median, quartiles (linear interpolation between
 * order statistics, as numpy's default), minimum and maximum. On a machine shared with other work the median is
 * the figure to quote and the range says how much one run can be trusted.
 */
public record Spread(List<Double> values) {
    public Spread {
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
    }

    public static Spread of(double... v) {
        List<Double> l = new ArrayList<>(v.length);
        for (double d : v) {
            l.add(d);
        }
        return new Spread(l);
    }

    public int count() {
        return values.size();
    }

    public double median() {
        return quantile(0.5);
    }

    public double q1() {
        return quantile(0.25);
    }

    public double q3() {
        return quantile(0.75);
    }

    public double min() {
        return sorted().get(0);
    }

    public double max() {
        List<Double> s = sorted();
        return s.get(s.size() - 1);
    }

    /** (max - min) / median: the relative range. */
    public double relativeRange() {
        return (max() - min()) / median();
    }

    /** The q-quantile, 0 <= q <= 1, interpolated linearly between the order statistics around (count - 1) q. */
    public double quantile(double q) {
        List<Double> s = sorted();
        double pos = (s.size() - 1) * q;
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, s.size() - 1);
        return s.get(lo) + (pos - lo) * (s.get(hi) - s.get(lo));
    }

    /** Element-wise a[i] / b[i] over the shorter of the two (repeat i of one side with repeat i of the other). */
    public static Spread ratios(Spread a, Spread b) {
        int n = Math.min(a.count(), b.count());
        List<Double> r = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            r.add(a.values.get(i) / b.values.get(i));
        }
        return new Spread(r);
    }

    /** "75.77 (70.10-80.20)": the median and the range, with {@code decimals} decimals. */
    public String medianAndRange(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, f + " (" + f + "-" + f + ")", median(), min(), max());
    }

    /** "median=75.77 q1=.. q3=.. min=.. max=.. n=5". */
    public String summary(int decimals) {
        String f = "%." + decimals + "f";
        return String.format(Locale.ROOT, "median=" + f + " q1=" + f + " q3=" + f + " min=" + f + " max=" + f + " n=%d",
                median(), q1(), q3(), min(), max(), count());
    }

    private List<Double> sorted() {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        return s;
    }
}
