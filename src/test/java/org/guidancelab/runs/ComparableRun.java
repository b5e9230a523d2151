package org.guidancelab.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.Metrics;

/** A run's recorded numbers as text lines, wall-clock metrics left out, so two runs compare to the last bit. */
public final class ComparableRun {
    private ComparableRun() {
    }

    public static List<String> of(RunRecord r) {
        List<String> out = new ArrayList<>();
        for (MetricRow row : r.metrics()) {
            Map<String, Double> m = new LinkedHashMap<>(row.metrics());
            m.keySet().removeIf(Metrics::isTiming);
            out.add(row.arm() + " " + row.phase() + " " + row.step() + " " + m);
        }
        for (CkaSnapshot c : r.cka()) {
            out.add(c.arm() + " " + c.step() + " " + Arrays.deepToString(c.targetGuide().values()));
        }
        return out;
    }
}
