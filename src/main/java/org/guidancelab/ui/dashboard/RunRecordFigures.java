package org.guidancelab.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.figures.CkaHeatmap;
import org.guidancelab.figures.Curve;
import org.guidancelab.figures.GuidanceMarker;
import org.guidancelab.figures.RunFigureData;
import org.guidancelab.runs.CkaSnapshot;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunRecord;

/** A run folder read back, as the plain data the figures are drawn from. */
public final class RunRecordFigures {
    private RunRecordFigures() {
    }

    public static RunFigureData of(RunRecord run) {
        List<String> arms = run.experiment().arms().stream().map(ArmSpec::name).toList();
        List<Curve> curves = new ArrayList<>();
        for (String arm : arms) {
            curves.addAll(curves(arm, run.taskRows(arm)));
        }
        List<TapPair> pairs = run.experiment().resolvedPairs();
        Map<String, List<CkaHeatmap>> cka = new LinkedHashMap<>();
        Map<String, List<CkaHeatmap>> self = new LinkedHashMap<>();
        for (CkaSnapshot s : run.cka()) {
            if (s.targetGuide() != null) {
                cka.computeIfAbsent(s.arm(), k -> new ArrayList<>()).add(Heatmaps.targetGuide(s.targetGuide(), pairs,
                        s.step()));
            }
            if (s.targetTarget() != null) {
                self.computeIfAbsent(s.arm(), k -> new ArrayList<>()).add(Heatmaps.selfSimilarity(s.targetTarget(),
                        s.step()));
            }
        }
        return new RunFigureData(run.directory().getFileName().toString(), arms, curves,
                GuidanceMarker.fromGuidanceOn(curves), cka, self);
    }

    /** One curve per metric the arm recorded, over the steps that recorded it. */
    static List<Curve> curves(String arm, List<MetricRow> rows) {
        Set<String> metrics = new LinkedHashSet<>();
        rows.forEach(r -> metrics.addAll(r.metrics().keySet()));
        List<Curve> out = new ArrayList<>();
        for (String m : metrics) {
            List<double[]> pts = new ArrayList<>();
            for (MetricRow r : rows) {
                Double v = r.metrics().get(m);
                if (v != null) {
                    pts.add(new double[] {r.step(), v});
                }
            }
            double[] x = new double[pts.size()];
            double[] y = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            out.add(new Curve(arm, m, x, y));
        }
        return out;
    }
}
