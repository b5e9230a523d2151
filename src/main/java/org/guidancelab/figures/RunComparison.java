package org.guidancelab.figures;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.Metrics;

/**
 * Several runs in one set of figures: every arm of every run becomes an arm named "run · arm", so the loss, accuracy
 * and guidance curves overlay them with the legend saying which is which, and each run-arm's last target x guide
 * heatmap becomes a figure of its own (shown side by side). Heatmap history, before/after and self-similarity stay
 * in each run's own view: a comparison of many arms would drown in them.
 */
public final class RunComparison {
    /** Between a run's name and its arm's in the merged arm names. */
    public static final String SEPARATOR = " · ";

    private RunComparison() {
    }

    /** The runs as one, each arm renamed "run · arm", in the runs' order. */
    public static RunFigureData merge(List<RunFigureData> runs) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        List<String> arms = new ArrayList<>();
        List<Curve> curves = new ArrayList<>();
        List<GuidanceMarker> markers = new ArrayList<>();
        Map<String, List<CkaHeatmap>> cka = new LinkedHashMap<>();
        boolean unbiased = false;
        for (RunFigureData run : runs) {
            for (String arm : run.arms()) {
                arms.add(name(run, arm));
            }
            for (Curve c : run.curves()) {
                curves.add(new Curve(name(run, c.arm()), c.metric(), c.steps(), c.values()));
            }
            for (GuidanceMarker m : run.markers()) {
                markers.add(new GuidanceMarker(name(run, m.arm()), m.step(), m.reconnected()));
            }
            run.cka().forEach((arm, maps) -> cka.put(name(run, arm), maps));
            unbiased |= run.unbiasedCka();
        }
        String title = runs.size() + " runs";
        return new RunFigureData(title, arms, curves, markers, cka, Map.of(), unbiased);
    }

    /** The comparison's figures: overlaid curves, then each run-arm's last heatmap. */
    public static List<Figure> figures(RunFigureData merged, CurveOptions curveOptions, HeatmapOptions options) {
        List<Figure> out = new ArrayList<>();
        for (Figure f : RunFigures.figures(onlyCurves(merged), curveOptions, options)) {
            if (!f.name().startsWith("pair-cka-")) { // one figure per run-arm: compared in the curves above instead
                out.add(f);
            }
        }
        HeatmapOptions heatmapOptions = merged.unbiasedCka() ? options.withUnbiased(true) : options;
        merged.cka().forEach((arm, maps) -> {
            if (!maps.isEmpty()) {
                CkaHeatmap last = maps.get(maps.size() - 1);
                int[] size = HeatmapSizes.single(last);
                out.add(Figure.atStep("cka-" + arm, last.step(), HeatmapCharts.heatmap(last,
                        heatmapOptions.withTitle(arm + " (step " + last.step() + ")")), size[0], size[1]));
            }
        });
        return out;
    }

    private static RunFigureData onlyCurves(RunFigureData merged) {
        List<Curve> curves = merged.curves().stream().filter(c -> !Metrics.isPairCka(c.metric())).toList();
        return new RunFigureData(merged.runName(), merged.arms(), curves, merged.markers(), Map.of(), Map.of(),
                merged.unbiasedCka());
    }

    private static String name(RunFigureData run, String arm) {
        return run.runName() + SEPARATOR + arm;
    }
}
