package org.guidancelab.figures;

import java.util.Objects;
import java.util.OptionalInt;
import org.jfree.chart.JFreeChart;

/**
 * A chart ready to export: its name in file names (e.g. {@code loss}, {@code cka-guided}), the training step it shows
 * (heatmaps) and its natural size in points (PNG multiplies it by the export scale).
 */
public record Figure(String name, OptionalInt step, JFreeChart chart, int width, int height) {
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(chart, "chart");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("figure " + name + ": size must be positive, got " + width + " x "
                    + height);
        }
    }

    public static Figure of(String name, JFreeChart chart, int width, int height) {
        return new Figure(name, OptionalInt.empty(), chart, width, height);
    }

    public static Figure atStep(String name, int step, JFreeChart chart, int width, int height) {
        return new Figure(name, OptionalInt.of(step), chart, width, height);
    }
}
