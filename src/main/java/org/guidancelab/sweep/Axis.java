package org.guidancelab.sweep;

import java.util.List;

/**
 * One axis of a sweep, resolved against the base experiment: its name (a column of summary.csv and a part of each
 * cell's id), the setting it varies with its type and range, and its values in the file's order.
 *
 * @param log      the values came from a log range (figures draw the axis on a log scale)
 * @param jsonPath where the file declares the axis
 */
public record Axis(String name, SettingPath path, Setting setting, List<AxisValue> values, boolean log, String jsonPath) {
    public Axis {
        values = List.copyOf(values);
    }

    /** Whether every value is a number (figures draw the metric against it). */
    public boolean numeric() {
        return values.stream().allMatch(AxisValue::numeric);
    }

    public AxisValue value(String label) {
        return values.stream().filter(v -> v.label().equals(label)).findFirst().orElse(null);
    }

    public List<String> labels() {
        return values.stream().map(AxisValue::label).toList();
    }
}
