package org.guidancelab.sweep;

import java.util.List;
import java.util.Map;

/**
 * A sweep folder's plan.json read back: enough to draw and follow the sweep without its sweep file or base experiment
 * (the figures, a UI).
 */
public record PlanRecord(String title, String description, String metric, String scaling, int baseSteps,
                         List<AxisRecord> axes, List<Integer> seeds, List<String> arms, List<CellRecord> cells) {
    public PlanRecord {
        axes = List.copyOf(axes);
        seeds = List.copyOf(seeds);
        arms = List.copyOf(arms);
        cells = List.copyOf(cells);
    }

    /**
     * An axis: its values' labels and numbers (NaN for a value that is not a number), whether it came from a log range
     * and whether it counts training steps.
     */
    public record AxisRecord(String name, String path, List<String> labels, List<Double> numbers, boolean log,
                             boolean inSteps) {
        public AxisRecord {
            labels = List.copyOf(labels);
            numbers = List.copyOf(numbers);
        }

        public boolean numeric() {
            return numbers.stream().noneMatch(d -> d.isNaN());
        }
    }

    /** A cell: its id, the label of its value on each axis, its seed number and estimated cost. */
    public record CellRecord(String id, Map<String, String> values, int seed, double cost) {
        public CellRecord {
            values = Map.copyOf(values);
        }
    }
}
