package org.guidancelab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.guidancelab.engine.train.Metrics;

/**
 * Every figure of a run: loss and accuracy (training | validation), guidance loss, per-pair CKA of each guided arm,
 * and per arm the CKA heatmap at its last step, before/after (first vs last step) and the target self-similarity map.
 * Figures without data (e.g. accuracy on a language-modelling run) are skipped, not drawn empty.
 */
public final class RunFigures {
    static final int CURVE_WIDTH = 1000;
    static final int CURVE_HEIGHT = 420;
    static final int SINGLE_WIDTH = 720;

    private RunFigures() {
    }

    public static List<Figure> figures(RunFigureData run, CurveOptions curveOptions, HeatmapOptions options) {
        HeatmapOptions heatmapOptions = run.unbiasedCka() ? options.withUnbiased(true) : options;
        ArmPalette palette = ArmPalette.of(run.arms());
        List<Figure> out = new ArrayList<>();
        List<Curve> curves = run.curves();
        CurveOptions wide = curveOptions.withPixelColumns(CURVE_WIDTH / 2);
        if (has(curves, Metrics.TRAIN_LOSS) || has(curves, Metrics.VAL_LOSS)) {
            out.add(Figure.of("loss", CurveCharts.loss(curves, run.markers(), palette, wide), CURVE_WIDTH,
                    CURVE_HEIGHT));
        }
        if (has(curves, Metrics.TRAIN_ACCURACY) || has(curves, Metrics.VAL_ACCURACY)) {
            // Log scale is for losses; accuracy and CKA live on 0-1.
            out.add(Figure.of("accuracy", CurveCharts.accuracy(curves, run.markers(), palette,
                    wide.withLogScale(false)), CURVE_WIDTH, CURVE_HEIGHT));
        }
        CurveOptions single = curveOptions.withPixelColumns(SINGLE_WIDTH);
        if (has(curves, Metrics.GUIDANCE_LOSS)) {
            out.add(Figure.of("guidance-loss", CurveCharts.guidanceLoss(curves, run.markers(), palette, single),
                    SINGLE_WIDTH, CURVE_HEIGHT));
        }
        for (String arm : armsWithPairCka(run)) {
            out.add(Figure.of("pair-cka-" + arm, CurveCharts.pairCka(curves, arm, run.markers(),
                    single.withLogScale(false),
                    pairNames(run.cka().getOrDefault(arm, List.of()))), SINGLE_WIDTH, CURVE_HEIGHT));
        }
        run.cka().forEach((arm, maps) -> addHeatmaps(out, "cka-" + arm, arm, maps, heatmapOptions));
        run.selfSimilarity().forEach((arm, maps) -> {
            if (!maps.isEmpty()) {
                CkaHeatmap last = maps.get(maps.size() - 1);
                out.add(heatmapFigure("self-similarity-" + arm, last,
                        heatmapOptions.withTitle(heatmapOptions.title() != null ? heatmapOptions.title()
                                : "Target self-similarity, " + arm + " (step " + last.step() + ")")));
            }
        });
        return out;
    }

    /** Writes every figure of the run (image + CSV each) into dir and returns the files written. */
    public static List<Path> writeAll(RunFigureData run, Path dir, ExportFormat format, double scale)
            throws IOException {
        return writeAll(run, dir, format, scale, CurveOptions.defaults(), HeatmapOptions.defaults());
    }

    /** As {@link #writeAll(RunFigureData, Path, ExportFormat, double)}, with chosen smoothing, log scale, values. */
    public static List<Path> writeAll(RunFigureData run, Path dir, ExportFormat format, double scale,
                                      CurveOptions curveOptions, HeatmapOptions heatmapOptions) throws IOException {
        List<Path> written = new ArrayList<>();
        for (Figure f : figures(run, curveOptions, heatmapOptions)) {
            written.addAll(FigureExporter.write(f, run.runName(), dir, format, scale));
        }
        return written;
    }

    private static void addHeatmaps(List<Figure> out, String name, String arm, List<CkaHeatmap> maps,
                                    HeatmapOptions options) {
        if (maps.isEmpty()) {
            return;
        }
        CkaHeatmap first = maps.get(0);
        CkaHeatmap last = maps.get(maps.size() - 1);
        HeatmapOptions titled = options.title() != null ? options : options.withTitle("CKA, " + arm);
        out.add(heatmapFigure(name, last, options.title() != null ? options
                : options.withTitle("CKA, " + arm + " (step " + last.step() + ")")));
        if (maps.size() > 1 && first.rowTaps().equals(last.rowTaps()) && first.colTaps().equals(last.colTaps())) {
            int[] size = HeatmapSizes.beforeAfter(last);
            out.add(Figure.atStep(name + "-before-after", last.step(),
                    HeatmapCharts.beforeAfter(first, last, titled), size[0], size[1]));
        }
    }

    private static Figure heatmapFigure(String name, CkaHeatmap h, HeatmapOptions options) {
        int[] size = HeatmapSizes.single(h);
        return Figure.atStep(name, h.step(), HeatmapCharts.heatmap(h, options), size[0], size[1]);
    }

    /**
     * "target tap – guide tap" for each pair of the arm's heatmaps, in the order the heatmap lists them (the run's
     * resolved pair order, which the cka/pair/i metrics are numbered by).
     */
    static List<String> pairNames(List<CkaHeatmap> maps) {
        if (maps.isEmpty()) {
            return List.of();
        }
        CkaHeatmap h = maps.get(0);
        return h.pairs().stream().map(p -> h.rowTaps().get(p[0]) + " \u2013 " + h.colTaps().get(p[1])).toList();
    }

    private static List<String> armsWithPairCka(RunFigureData run) {
        return run.curves().stream().filter(c -> Metrics.isPairCka(c.metric())).map(Curve::arm).distinct().toList();
    }

    private static boolean has(List<Curve> curves, String metric) {
        return curves.stream().anyMatch(c -> c.metric().equals(metric) && c.size() > 0);
    }
}
