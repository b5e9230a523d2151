package org.guidancelab.reproduce;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guidancelab.experiment.PresetCatalog;
import org.guidancelab.figures.ChartCsv;
import org.guidancelab.figures.ChartImages;
import org.guidancelab.figures.SweepChartData;
import org.guidancelab.figures.SweepCharts;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.figures.SweepFigureSource;
import org.guidancelab.sweep.SweepSummary;

/**
 * A finding's curve: a sweep over one axis counted in steps (the warmup: guidance for the first N steps, then the
 * guide disconnected), run with the reproduce's seeds and step scale into {@code <out>/sweeps/<finding>/}, and read
 * back as the benefit of guidance kept against the warmup's length. Its checks, stated in the finding's criterion
 * before it ran: (4) full guidance beats none, and every warmup of half the run or more keeps at least half of that
 * gain; (5, reported) the shortest warmup that keeps half of it.
 */
public final class WarmupCurve {
    /** The warmup finding's sweep in the catalog. */
    public static final String SWEEP = "sweeps/warmup-curve.json";
    static final String AXIS = "warmup";
    static final String METRIC = "final_val_acc";
    static final double HALF = 0.5;

    private WarmupCurve() {
    }

    /** Where a finding's curve is run: {@code <out>/sweeps/<finding>}. */
    public static Path dir(Path out, Finding f) {
        return FindingSweep.dir(out, f.id());
    }

    /** One point of the curve: a warmup, its accuracy over seeds, its gain over no guidance and the share kept. */
    public record Point(String label, double steps, Stat accuracy, double gain, double kept) {
    }

    /** The curve read back, its checks and its figure (relative to the report's folder; null when not drawn). */
    public record Result(Path dir, List<Point> points, int seeds, int baseSteps, List<Check> checks, Path figure,
                         String problem, double seconds, long trained, int cells) {
        public Result {
            points = List.copyOf(points);
            checks = List.copyOf(checks);
        }
    }

    /** Runs the finding's curve: its cells not finished yet (none with --report-only), J at a time. */
    static FindingSweep.Run run(Finding f, PresetCatalog catalog, ReproduceSettings settings, CancelSignal cancel,
                                PrintWriter progress) {
        return FindingSweep.run(f, f.id(), f.id() + " curve", f.curveSweep(), catalog, settings, cancel, progress);
    }

    /**
     * The curve from the sweep folder (its finished cells of this plan only) with its checks and figure; a curve that
     * could not run or has no finished cell fails check (4), saying why.
     */
    static Result evaluate(FindingSweep.Run run, Path out) {
        String label4 = "the warmup curve keeps the benefit from half the run on: full guidance beats none, and every "
                + "warmup of half the run or more keeps at least half of that gain";
        String label5 = "(reported) the shortest warmup keeping at least half of the gain";
        Path rel = run == null ? null : out.relativize(run.dir());
        if (run == null || run.plan() == null || !run.problem().isBlank()) {
            String why = run == null ? "the curve did not run" : run.problem();
            return new Result(rel, List.of(), 0, 0, List.of(Check.missing(label4, why)), null, why,
                    run == null ? 0 : run.seconds(), 0, 0);
        }
        int baseSteps = run.plan().base().training().steps();
        int cells = run.plan().cells().size();
        Map<String, List<Double>> byWarmup = new LinkedHashMap<>();
        run.plan().axes().get(0).values().forEach(v -> byWarmup.put(v.label(), new ArrayList<>()));
        int seeds = 0;
        try {
            for (SweepSummary.Row r : FindingSweep.finishedRows(run)) {
                byWarmup.get(r.axes().get(AXIS)).add(r.get(METRIC));
            }
        } catch (IOException e) {
            return new Result(rel, List.of(), 0, baseSteps, List.of(Check.missing(label4, e.getMessage())), null,
                    e.getMessage(), run.seconds(), run.trained(), cells);
        }
        if (byWarmup.values().stream().allMatch(List::isEmpty)) {
            String why = "no finished cell in " + run.dir() + (run.trained() == 0 && run.seconds() == 0
                    ? " (--report-only trains nothing)" : "");
            return new Result(rel, List.of(), 0, baseSteps, List.of(Check.missing(label4, why)), null, why, run.seconds(),
                    run.trained(), cells);
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        run.plan().axes().get(0).values().forEach(v -> steps.put(v.label(), v.number()));
        String none = steps.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey).findFirst().orElse(null);
        String full = steps.entrySet().stream().max(Comparator.comparingDouble(Map.Entry::getValue)).map(Map.Entry::getKey)
                .orElse(null);
        Stat noneAcc = none == null ? Stat.of(List.of()) : Stat.of(byWarmup.get(none));
        Stat fullAcc = full == null ? Stat.of(List.of()) : Stat.of(byWarmup.get(full));
        double fullGain = fullAcc.mean() - noneAcc.mean();
        List<Point> points = new ArrayList<>();
        for (Map.Entry<String, List<Double>> e : byWarmup.entrySet()) {
            Stat s = Stat.of(e.getValue());
            seeds = Math.max(seeds, s.n());
            double gain = s.mean() - noneAcc.mean();
            points.add(new Point(e.getKey(), steps.get(e.getKey()), s, gain, gain / fullGain));
        }
        List<Check> checks = new ArrayList<>();
        if (noneAcc.n() == 0 || fullAcc.n() == 0) {
            checks.add(Check.missing(label4, "the curve lacks its " + (noneAcc.n() == 0 ? "no-guidance" : "full-guidance")
                    + " cells"));
        } else {
            double margin = Math.max(Comparison.POINT, Math.max(noneAcc.sd(), fullAcc.sd()));
            StringBuilder nums = new StringBuilder(String.format(Locale.ROOT, "full guidance (%s steps) %s over none, margin %s",
                    full, Comparison.pts(fullGain), Comparison.points(margin)));
            boolean pass = fullGain > margin;
            double maxSteps = steps.get(full);
            boolean any = false;
            for (Point p : points) {
                if (p.steps() >= HALF * maxSteps && p.steps() < maxSteps) {
                    any = true;
                    boolean keeps = p.accuracy().n() > 0 && p.kept() >= HALF;
                    pass &= keeps;
                    nums.append(String.format(Locale.ROOT, "; warmup %s: %s (%s kept)", p.label(), Comparison.pts(p.gain()),
                            percent(p.kept())));
                }
            }
            if (!any) {
                pass = false;
                nums.append("; no warmup of half the run or more on the curve");
            }
            if (!(fullGain > margin)) {
                nums.append(": full guidance does not beat none here, so there is no benefit to keep");
            }
            checks.add(Check.counted(label4, nums.toString(), pass));
            Point shortest = points.stream().filter(p -> p.steps() > 0 && p.steps() < maxSteps && p.accuracy().n() > 0
                    && p.kept() >= HALF).min(Comparator.comparingDouble(Point::steps)).orElse(null);
            checks.add(Check.reported(label5, shortest == null
                    ? "none of the warmups shorter than the whole run keeps half of the gain"
                    : "warmup " + shortest.label() + " of " + full + " steps keeps " + percent(shortest.kept()),
                    shortest != null));
        }
        Path figure = null;
        try {
            figure = figure(run, out);
        } catch (IOException | RuntimeException e) {
            // the table carries the numbers; a figure that cannot be drawn is left out
        }
        return new Result(rel, points, seeds, baseSteps, checks, figure, "", run.seconds(), run.trained(), cells);
    }

    static String percent(double fraction) {
        return Double.isFinite(fraction) ? String.format(Locale.ROOT, "%.0f%%", 100 * fraction) : "n/a";
    }

    /** The curve's figure, {@code figures/<finding>-curve.png} with its CSV: accuracy against warmup, mean +- sd. */
    private static Path figure(FindingSweep.Run run, Path out) throws IOException {
        SweepChartData d = SweepFigureSource.data(run.dir(), METRIC);
        if (d.points().stream().noneMatch(p -> Double.isFinite(p.value()))) {
            return null;
        }
        var chart = SweepCharts.metricVsAxis(d, AXIS);
        Path dir = out.resolve(FigureSet.DIR);
        Files.createDirectories(dir);
        Path file = dir.resolve(run.finding().id() + "-curve.png");
        ChartImages.writePng(chart, file, 760, 480, 1.0);
        ChartCsv.write(chart, dir.resolve(run.finding().id() + "-curve.csv"));
        return out.relativize(file);
    }
}
