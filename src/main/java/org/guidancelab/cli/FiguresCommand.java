package org.guidancelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.guidancelab.figures.ChartImages;
import org.guidancelab.figures.CurveOptions;
import org.guidancelab.figures.ExportFormat;
import org.guidancelab.figures.HeatmapOptions;
import org.guidancelab.figures.RunFigureData;
import org.guidancelab.figures.RunFigureSource;
import org.guidancelab.figures.RunFigures;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.runs.RunReader;
import org.guidancelab.figures.SweepFigureSource;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code figures RUN_DIR}: writes every figure of a run, each with a CSV of the numbers it draws; {@code figures
 * SWEEP_DIR} those of a sweep (the metric against each numeric axis, heatmaps over pairs of axes).
 */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = "Write every figure of a run (loss, accuracy, guidance loss, per-pair CKA, CKA heatmaps) or of a "
                + "sweep (the metric against each axis, mean +- sd over seeds; heatmaps over two axes) as PNG or SVG, "
                + "each with a CSV of exactly the numbers drawn.")
final class FiguresCommand implements Callable<Integer> {
    static final String DEFAULT_OUT = "figures";

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "a run folder (holds experiment.json) or a sweep "
            + "folder (holds plan.json)")
    Path runDir;

    @Option(names = "--metric", paramLabel = "M", description = "sweeps: the measure drawn, one of "
            + "${COMPLETION-CANDIDATES} (default: the sweep's own, final_val_acc unless it says)",
            completionCandidates = SweepMetrics.class)
    String metric;

    @Option(names = "--format", paramLabel = "png|svg", defaultValue = "png",
            description = "image format (default ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--scale", paramLabel = "S", defaultValue = "2",
            description = "PNG pixels per point: 2 for print (default ${DEFAULT-VALUE}); SVG ignores it")
    double scale;

    @Option(names = "--out", paramLabel = "DIR", converter = FolderPath.class, description = "output folder (default RUN_DIR/" + DEFAULT_OUT + ")")
    Path out;

    @Option(names = "--smoothing", paramLabel = "W", defaultValue = "0.6",
            description = "EMA weight per step for curves, 0 to 1 exclusive; 0 = raw only (default ${DEFAULT-VALUE})")
    double smoothing;

    @Option(names = "--log", description = "log scale for loss curves")
    boolean log;

    @Option(names = "--values", description = "print each CKA value in its heatmap cell")
    boolean values;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ProcessSetup.headlessGraphics(); // figures are drawn off-screen, never touching a slow remote display
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ExportFormat fmt;
        try {
            fmt = ExportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        if (!(smoothing >= 0 && smoothing < 1)) {
            throw new ParameterException(spec.commandLine(), "--smoothing must be in [0, 1), got " + smoothing);
        }
        if (!(scale > 0 && scale <= ChartImages.MAX_SCALE)) {
            throw new ParameterException(spec.commandLine(), "--scale must be in (0, " + ChartImages.MAX_SCALE
                    + "], got " + scale);
        }
        CurveOptions curveOptions = CurveOptions.defaults().withSmoothing(smoothing).withLogScale(log);
        Path dir = out != null ? out : runDir.resolve(DEFAULT_OUT);
        if (metric != null && !SweepSummary.METRICS.contains(metric)) {
            throw new ParameterException(spec.commandLine(), "--metric: unknown '" + metric + "'; expected one of "
                    + String.join(", ", SweepSummary.METRICS));
        }
        if (SweepFolder.isSweep(runDir)) {
            return sweepFigures(stdout, err, fmt, dir);
        }
        List<Path> written;
        try {
            RunFigureData data = RunFigureSource.from(RunReader.read(runDir));
            written = RunFigures.writeAll(data, dir, fmt, scale, curveOptions,
                    HeatmapOptions.defaults().withValues(values));
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return RunCommand.UNREADABLE;
        }
        if (written.isEmpty()) {
            err.println("error: " + runDir + " has no recorded metrics or CKA matrices to draw yet");
            return RunCommand.FAILED;
        }
        written.forEach(p -> stdout.println(p));
        stdout.println(written.size() / 2 + " figures written to " + dir);
        return RunCommand.OK;
    }

    private int sweepFigures(PrintWriter stdout, PrintWriter err, ExportFormat fmt, Path dir) {
        List<Path> written;
        try {
            written = SweepFigureSource.write(runDir, dir, fmt, scale, metric);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return RunCommand.UNREADABLE;
        }
        if (written.isEmpty()) {
            err.println("error: the sweep in " + runDir + " has no finished cell to draw yet");
            return RunCommand.FAILED;
        }
        written.forEach(p -> stdout.println(p));
        stdout.println(written.size() / 2 + " figures written to " + dir);
        return RunCommand.OK;
    }

    /** The measures of summary.csv, for --metric's help and completion. */
    static final class SweepMetrics implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SweepSummary.METRICS.iterator();
        }
    }
}
