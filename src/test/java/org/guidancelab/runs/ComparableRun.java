package org.guidancelab.runs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.Metrics;

/**
 * A run's recorded numbers as text lines, wall-clock metrics left out, so two runs compare to the last bit. Rows are
 * taken arm by arm (in the experiment's order, each arm's rows in recorded order): arms trained one after another or
 * taking turns record the same rows, only interleaved differently in metrics.csv.
 */
public final class ComparableRun {
    private ComparableRun() {
    }

    public static List<String> of(RunRecord r) {
        List<String> out = new ArrayList<>();
        List<String> arms = r.experiment().arms().stream().map(a -> a.name()).toList();
        List<MetricRow> rows = new ArrayList<>(r.metrics());
        rows.sort(java.util.Comparator.comparingInt(row -> arms.indexOf(row.arm()))); // stable: keeps each arm's order
        for (MetricRow row : rows) {
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
