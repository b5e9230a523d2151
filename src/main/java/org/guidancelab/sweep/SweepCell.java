package org.guidancelab.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * One cell of a sweep's grid: an ordinary experiment (the base with the cell's axis values and seed), its id
 * ({@code warmup=50,seed=2}: each axis's value label in axis order, then the seed) and its estimated cost (for ordering
 * long cells first and for the ETA, in arbitrary units).
 *
 * @param values the axis values by axis name, in axis order
 * @param seed   the seed number k; the experiment trains with the base's training.seed + k - 1
 */
public record SweepCell(String id, Map<String, AxisValue> values, int seed, ExperimentSpec experiment, double cost) {
    public SweepCell {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The label of the cell's value on an axis. */
    public String label(String axis) {
        AxisValue v = values.get(axis);
        return v == null ? "" : v.label();
    }
}
