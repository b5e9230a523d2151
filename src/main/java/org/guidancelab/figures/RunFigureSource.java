package org.guidancelab.figures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.runs.CkaGrid;
import org.guidancelab.runs.CkaSnapshot;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunRecord;

/**
 * The one adapter from a run folder read back by the run store to the figures' plain records, shared by the
 * {@code figures} and {@code reproduce} commands and the dashboard's history. CKA matrices come through
 * {@link CkaGrid} so this package still imports nothing of the engine.
 */
public final class RunFigureSource {
    public static final String TARGET = "Target";
    public static final String GUIDE = "Guide";

    private RunFigureSource() {
    }

    public static RunFigureData from(RunRecord run) {
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
            CkaGrid tg = s.targetGuideGrid();
            if (tg != null) {
                unbiased |= tg.unbiased();
                cka.computeIfAbsent(s.arm(), a -> new ArrayList<>()).add(new CkaHeatmap(TARGET, tg.rowTaps(), GUIDE,
                        tg.columnTaps(), tg.values(), guided ? cells(pairs, tg) : List.of(), s.step()));
            }
            CkaGrid tt = s.targetTargetGrid();
            if (tt != null) {
                self.computeIfAbsent(s.arm(), a -> new ArrayList<>()).add(new CkaHeatmap(TARGET, tt.rowTaps(), TARGET,
                        tt.columnTaps(), tt.values(), List.of(), s.step()));
            }
        }
        return new RunFigureData(runName(run), arms, curves, GuidanceMarker.fromGuidanceOn(curves), cka, self,
                unbiased);
    }

    /** The run's name in file names: its folder's name. */
    public static String runName(RunRecord run) {
        return run.directory().toAbsolutePath().normalize().getFileName().toString();
    }

    /** One curve per metric the arm recorded, holding the steps at which it was recorded (NaN left out). */
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
                out.add(new Curve(arm, name, Arrays.copyOf(steps, n), Arrays.copyOf(values, n)));
            }
        }
        return out;
    }

    /** The (row, col) cells of the loss pairs, by tap name (a pair whose taps the matrix lacks is left out). */
    static List<int[]> cells(List<TapPair> pairs, CkaGrid m) {
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
