package org.guidancelab.figures;

import java.util.List;
import java.util.Map;

/**
 * What the figures of a sweep draw, as plain values (the figures package reads no sweep folder itself): the sweep's
 * axes with their values, and one point per cell, arm and seed holding the chosen metric.
 *
 * @param metric      the metric's column name ("final_val_acc"); {@code metricLabel} how the figures name it
 * @param fraction    the metric is a fraction from 0 to 1 (accuracy): drawn as a percentage
 */
public record SweepChartData(String title, String metric, String metricLabel, boolean fraction, List<AxisInfo> axes,
                             List<String> arms, List<Point> points) {
    public SweepChartData {
        axes = List.copyOf(axes);
        arms = List.copyOf(arms);
        points = List.copyOf(points);
    }

    /**
     * An axis: its value labels in order, their numbers (NaN where a value is not a number), whether it is drawn on a
     * log scale, and whether it counts training steps out of {@code ofSteps} (0: not in steps).
     */
    public record AxisInfo(String name, List<String> labels, List<Double> numbers, boolean log, int ofSteps) {
        public AxisInfo {
            labels = List.copyOf(labels);
            numbers = List.copyOf(numbers);
        }

        public boolean numeric() {
            return numbers.stream().noneMatch(d -> d.isNaN());
        }
    }

    /** One arm of one cell: its label on each axis, its seed and the metric (NaN when not recorded). */
    public record Point(Map<String, String> labels, String arm, int seed, double value) {
        public Point {
            labels = Map.copyOf(labels);
        }
    }

    public AxisInfo axis(String name) {
        return axes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
