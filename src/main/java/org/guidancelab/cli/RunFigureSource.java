package org.guidancelab.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.figures.CkaHeatmap;
import org.guidancelab.figures.Curve;
import org.guidancelab.figures.GuidanceMarker;
import org.guidancelab.figures.RunFigureData;
import org.guidancelab.runs.CkaSnapshot;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunRecord;

/**
 * Turns a run folder read back by the run store into the figures' plain records. It lives in the CLI because the run
 * store hands out engine types (CKA matrices, phases) and the figures package may not import the engine.
 */
final class RunFigureSource {
    static final String TARGET = "Target";
    static final String GUIDE = "Guide";

    private RunFigureSource() {
    }

    static RunFigureData from(RunRecord run) {
        List<String> arms = run.experiment().arms().stream().map(ArmSpec::name).toList();
        List<Curve> curves = new ArrayList<>();
        for (String arm : arms) {
            curves.addAll(curves(arm, run.taskRows(arm)));
        }
        Map<String, List<CkaHeatmap>> cka = new LinkedHashMap<>();
        Map<String, List<CkaHeatmap>> self = new LinkedHashMap<>();
        boolean unbiased = false;
        List<TapPair> pairs = run.experiment().resolvedPairs();
        for (CkaSnapshot s : run.cka()) {
            boolean guided = run.experiment().arms().stream().anyMatch(a -> a.name().equals(s.arm()) && a.usesGuidance());
            if (s.targetGuide() != null) {
                CkaMatrix m = s.targetGuide();
                unbiased |= m.estimator() == CkaEstimator.UNBIASED;
                cka.computeIfAbsent(s.arm(), a -> new ArrayList<>()).add(new CkaHeatmap(TARGET, m.rowTaps(), GUIDE,
                        m.columnTaps(), m.values(), guided ? cells(pairs, m) : List.of(), s.step()));
            }
            if (s.targetTarget() != null) {
                CkaMatrix m = s.targetTarget();
                self.computeIfAbsent(s.arm(), a -> new ArrayList<>()).add(new CkaHeatmap(TARGET, m.rowTaps(), TARGET,
                        m.columnTaps(), m.values(), List.of(), s.step()));
            }
        }
        return new RunFigureData(runName(run), arms, curves, GuidanceMarker.fromGuidanceOn(curves), cka, self,
                unbiased);
    }

    /** The run's name in file names: its folder's name. */
    static String runName(RunRecord run) {
        return run.directory().toAbsolutePath().normalize().getFileName().toString();
    }

    /** One curve per metric the arm recorded, holding the steps at which it was recorded. */
    static List<Curve> curves(String arm, List<MetricRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.metrics().keySet()));
        List<Curve> out = new ArrayList<>();
        for (String name : names) {
            double[] steps = new double[rows.size()];
            double[] values = new double[rows.size()];
            int n = 0;
            for (MetricRow r : rows) {
                Double v = r.metrics().get(name);
                if (v != null && !v.isNaN()) {
                    steps[n] = r.step();
                    values[n] = v;
                    n++;
                }
            }
            if (n > 0) {
                out.add(new Curve(arm, name, java.util.Arrays.copyOf(steps, n), java.util.Arrays.copyOf(values, n)));
            }
        }
        return out;
    }

    /** The (row, col) cells of the loss pairs, by tap name (a pair whose taps the matrix lacks is left out). */
    static List<int[]> cells(List<TapPair> pairs, CkaMatrix m) {
        List<int[]> out = new ArrayList<>();
        for (TapPair p : pairs) {
            int row = m.rowTaps().indexOf(p.targetTap());
            int col = m.columnTaps().indexOf(p.guideTap());
            if (row >= 0 && col >= 0) {
                out.add(new int[] {row, col});
            }
        }
        return out;
    }
}
