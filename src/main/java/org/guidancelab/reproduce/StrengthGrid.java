package org.guidancelab.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.figures.ChartCsv;
import org.guidancelab.figures.ChartImages;
import org.guidancelab.figures.SweepChartData;
import org.guidancelab.figures.SweepCharts;
import org.guidancelab.figures.SweepFigureSource;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.Axis;
import org.guidancelab.sweep.AxisValue;
import org.guidancelab.sweep.SweepSummary;

/**
 * A finding's grid (the wide FCN's): its guided arm over the guidance weight {@code alpha} (0: the target trained
 * alone) and other settings (width, training length), over the reproduce's seeds. Read back per setting of the other
 * axes as the accuracy at each alpha and the best alpha's gain over alpha 0. Reported, never counted in the verdict:
 * it says where guidance helps the finding's network, whatever the verdict of its preset.
 */
public final class StrengthGrid {
    /** The axis of the guidance weight; its value 0 is training alone. */
    static final String ALPHA = "alpha";
    static final String METRIC = "final_val_acc";

    private StrengthGrid() {
    }

    /** The grid's folder name under {@code <out>/sweeps/}. */
    static String name(Finding f) {
        return f.id() + "-grid";
    }

    /** Runs the finding's grid: its cells not finished yet (none with --report-only), J at a time. */
    static FindingSweep.Run run(Finding f, PresetCatalog catalog, ReproduceSettings settings, CancelSignal cancel,
                                PrintWriter progress) {
        return FindingSweep.run(f, name(f), f.id() + " grid", f.gridSweep(), catalog, settings, cancel, progress);
    }

    /**
     * One setting of the axes other than alpha: the accuracy at each alpha (in the axis's order), the best alpha
     * other than 0 and its gain over alpha 0, which "helps" when above max(1 point, either sd).
     */
    public record Setting(Map<String, String> others, List<Stat> byAlpha, String bestAlpha, double gain, double margin) {
        public Setting {
            others = Map.copyOf(others);
            byAlpha = List.copyOf(byAlpha);
        }

        public boolean helps() {
            return gain > margin;
        }
    }

    /** The grid read back with what it shows, as sentences, and its figures (relative to the report's folder). */
    public record Result(Path dir, String title, List<String> alphas, List<String> others, List<Setting> settings,
                         int seeds, List<String> shows, List<Path> figures, String problem, double seconds,
                         long trained, int cells) {
        public Result {
            alphas = List.copyOf(alphas);
            others = List.copyOf(others);
            settings = List.copyOf(settings);
            shows = List.copyOf(shows);
            figures = List.copyOf(figures);
        }
    }

    /** The grid from its folder (finished cells of this plan only), what it shows and its heatmaps. */
    static Result evaluate(FindingSweep.Run run, Path out) {
        Path rel = run == null ? null : out.relativize(run.dir());
        if (run == null || run.plan() == null || !run.problem().isBlank()) {
            String why = run == null ? "the grid did not run" : run.problem();
            return failed(rel, why, run);
        }
        List<Axis> axes = run.plan().axes();
        Axis alpha = axes.stream().filter(a -> a.name().equals(ALPHA)).findFirst().orElse(null);
        if (alpha == null || alpha.values().stream().noneMatch(v -> v.number() == 0)) {
            return failed(rel, "the grid has no axis '" + ALPHA + "' with the value 0 (training alone)", run);
        }
        List<String> alphas = alpha.values().stream().map(AxisValue::label).toList();
        String zero = alpha.values().stream().filter(v -> v.number() == 0).findFirst().orElseThrow().label();
        List<Axis> others = axes.stream().filter(a -> a != alpha).toList();
        Map<Map<String, String>, Map<String, List<Double>>> values = new LinkedHashMap<>();
        for (Map<String, String> key : combinations(others)) {
            Map<String, List<Double>> byAlpha = new LinkedHashMap<>();
            alphas.forEach(a -> byAlpha.put(a, new ArrayList<>()));
            values.put(key, byAlpha);
        }
        int seeds = 0;
        try {
            for (SweepSummary.Row r : FindingSweep.finishedRows(run)) {
                Map<String, String> key = new LinkedHashMap<>();
                others.forEach(a -> key.put(a.name(), r.axes().get(a.name())));
                values.get(key).get(r.axes().get(ALPHA)).add(r.get(METRIC));
            }
        } catch (IOException e) {
            return failed(rel, e.getMessage(), run);
        }
        List<Setting> settings = new ArrayList<>();
        for (Map.Entry<Map<String, String>, Map<String, List<Double>>> e : values.entrySet()) {
            List<Stat> stats = alphas.stream().map(a -> Stat.of(e.getValue().get(a))).toList();
            seeds = Math.max(seeds, stats.stream().mapToInt(Stat::n).max().orElse(0));
            Stat none = stats.get(alphas.indexOf(zero));
            String best = null;
            Stat bestStat = null;
            for (int i = 0; i < alphas.size(); i++) {
                Stat s = stats.get(i);
                if (!alphas.get(i).equals(zero) && s.n() > 0 && (bestStat == null || s.mean() > bestStat.mean())) {
                    best = alphas.get(i);
                    bestStat = s;
                }
            }
            double gain = bestStat == null || none.n() == 0 ? Double.NaN : bestStat.mean() - none.mean();
            double margin = bestStat == null ? Double.NaN
                    : Math.max(Comparison.POINT, Math.max(none.sd(), bestStat.sd()));
            settings.add(new Setting(e.getKey(), stats, best, gain, margin));
        }
        if (seeds == 0) {
            String why = "no finished cell in " + run.dir() + (run.trained() == 0 && run.seconds() == 0
                    ? " (--report-only trains nothing)" : "");
            return failed(rel, why, run);
        }
        List<Path> figures = new ArrayList<>();
        try {
            figures.addAll(figures(run, out, others));
        } catch (IOException | RuntimeException e) {
            // the table carries the numbers; figures that cannot be drawn are left out
        }
        return new Result(rel, run.plan().file().title(), alphas, others.stream().map(Axis::name).toList(), settings,
                seeds, shows(settings, others, alphas, zero), figures, "", run.seconds(), run.trained(),
                run.plan().cells().size());
    }

    private static Result failed(Path rel, String why, FindingSweep.Run run) {
        return new Result(rel, "", List.of(), List.of(), List.of(), 0, List.of(), List.of(), why,
                run == null ? 0 : run.seconds(), run == null ? 0 : run.trained(),
                run == null || run.plan() == null ? 0 : run.plan().cells().size());
    }

    /** What the grid shows, stated from its numbers: where guidance helps, the best cell, the gain along each axis. */
    static List<String> shows(List<Setting> settings, List<Axis> others, List<String> alphas, String zero) {
        List<String> lines = new ArrayList<>();
        List<Setting> measured = settings.stream().filter(s -> Double.isFinite(s.gain())).toList();
        List<Setting> helped = measured.stream().filter(Setting::helps).toList();
        lines.add(String.format(Locale.ROOT, "Guidance (the best alpha above 0) beats training alone by more than the "
                + "margin in %d of %d settings%s.", helped.size(), measured.size(), helped.isEmpty() ? ""
                : ": " + helped.stream().map(s -> describe(s.others()) + " (alpha " + s.bestAlpha() + ", "
                        + Comparison.pts(s.gain()) + ")").collect(Collectors.joining("; "))));
        Setting top = null;
        String topAlpha = null;
        double topMean = Double.NEGATIVE_INFINITY;
        for (Setting s : settings) {
            for (int i = 0; i < alphas.size(); i++) {
                if (s.byAlpha().get(i).n() > 0 && s.byAlpha().get(i).mean() > topMean) {
                    top = s;
                    topAlpha = alphas.get(i);
                    topMean = s.byAlpha().get(i).mean();
                }
            }
        }
        if (top != null) {
            lines.add("The best cell: alpha " + topAlpha + (top.others().isEmpty() ? "" : ", " + describe(top.others()))
                    + ", " + ReportWriter.acc(top.byAlpha().get(alphas.indexOf(topAlpha)))
                    + (topAlpha.equals(zero) ? " (training alone)." : "."));
        }
        for (Axis a : others) {
            List<String> parts = new ArrayList<>();
            for (AxisValue v : a.values()) {
                List<Double> gains = measured.stream().filter(s -> v.label().equals(s.others().get(a.name())))
                        .map(Setting::gain).toList();
                if (!gains.isEmpty()) {
                    parts.add(v.label() + ": " + Comparison.pts(gains.stream().mapToDouble(d -> d).average().orElse(0)));
                }
            }
            if (!parts.isEmpty()) {
                lines.add("The best alpha's gain over alpha " + zero + " by " + a.name() + " (mean over the other "
                        + "settings): " + String.join(", ", parts) + ".");
            }
        }
        return lines;
    }

    static String describe(Map<String, String> others) {
        return others.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Every combination of the axes' labels, the first axis slowest, as the sweep expands them. */
    private static List<Map<String, String>> combinations(List<Axis> axes) {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> m : out) {
                for (AxisValue v : a.values()) {
                    Map<String, String> k = new LinkedHashMap<>(m);
                    k.put(a.name(), v.label());
                    next.add(k);
                }
            }
            out = next;
        }
        return out;
    }

    /**
     * Heatmaps of accuracy over alpha and the first other axis, one per combination of the remaining axes
     * ({@code figures/<grid>-<values>.png} with its CSV): a 3-axis grid is a few 2-D tables a reader can compare.
     */
    private static List<Path> figures(FindingSweep.Run run, Path out, List<Axis> others) throws IOException {
        SweepChartData d = SweepFigureSource.data(run.dir(), METRIC);
        if (others.isEmpty() || d.points().stream().noneMatch(p -> Double.isFinite(p.value()))) {
            return List.of();
        }
        String y = others.get(0).name();
        List<Axis> rest = others.subList(1, others.size());
        Path dir = out.resolve(FigureSet.DIR);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        String arm = d.arms().get(0);
        for (Map<String, String> fixed : combinations(rest)) {
            List<SweepChartData.Point> points = d.points().stream().filter(p -> fixed.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(p.labels().get(e.getKey())))).toList();
            String suffix = fixed.values().stream().collect(Collectors.joining("-"));
            String title = d.title() + (fixed.isEmpty() ? "" : ", " + describe(fixed));
            SweepChartData slice = new SweepChartData(title, d.metric(), d.metricLabel(), d.fraction(), d.axes(),
                    d.arms(), points);
            var chart = SweepCharts.heatmap(slice, ALPHA, y, arm);
            String base = run.name() + (suffix.isEmpty() ? "" : "-" + suffix);
            Path file = dir.resolve(base + ".png");
            ChartImages.writePng(chart, file, 760, 480, 1.0);
            ChartCsv.write(chart, dir.resolve(base + ".csv"));
            files.add(out.relativize(file));
        }
        return files;
    }
}
