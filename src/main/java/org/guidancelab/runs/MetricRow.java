package org.guidancelab.runs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.engine.train.Phase;

/** One line of metrics.csv: an arm's step and the metrics recorded at it (absent = not recorded). */
public record MetricRow(String arm, Phase phase, int step, Map<String, Double> metrics) {
    public MetricRow {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    public double get(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }
}
