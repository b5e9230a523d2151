package org.guidancelab.reproduce;

import java.util.List;

/**
 * Mean and sample standard deviation (n - 1 in the denominator; 0 for a single value) of one measure over seeds.
 * NaN values (an arm that never evaluated) are left out; with none left the mean is NaN.
 */
public record Stat(double mean, double sd, int n) {
    public static Stat of(List<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Stat(Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                sq += (v - mean) * (v - mean);
            }
        }
        return new Stat(mean, n > 1 ? Math.sqrt(sq / (n - 1)) : 0.0, n);
    }
}
