package org.guidancelab.runs;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.guidancelab.engine.model.ModelFile;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * A training listener that records a run in its own folder: experiment.json (the experiment as run), metrics.csv
 * appended and flushed row by row, the CKA heatmaps of every evaluation, a checkpoint per arm (latest, atomically
 * replaced), each trained guide as a model file (guides/ARM.glmodel) and status.json. A write failure is thrown as UncheckedIOException, which fails the arm with its message.
 */
public final class RunWriter implements TrainingListener, AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    private final List<String> columns;
    private final java.util.Map<String, ArmSpec> armsByName = new java.util.HashMap<>();
    private BufferedWriter metrics;
    private RunStatusFile status;

    private RunWriter(Path dir, ExperimentSpec spec, List<String> columns, BufferedWriter metrics, RunStatusFile status) {
        this.dir = dir;
        spec.arms().forEach(a -> armsByName.put(a.name(), a));
        this.columns = columns;
        this.metrics = metrics;
        this.status = status;
    }

    /** Starts a new run folder {@code <runsDir>/<yyyyMMdd-HHmmss>-<title>} (suffixed -2, -3... if taken). */
    public static RunWriter create(Path runsDir, ExperimentSpec spec) throws IOException {
        String slug = spec.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String base = LocalDateTime.now().format(STAMP) + (slug.isEmpty() ? "" : "-" + slug);
        Files.createDirectories(runsDir);
        Path dir = runsDir.resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = runsDir.resolve(base + "-" + i);
        }
        return createIn(dir, spec);
    }

    /** Starts a run in exactly {@code dir} (created; must not hold a run already). */
    public static RunWriter createIn(Path dir, ExperimentSpec spec) throws IOException {
        if (Files.exists(dir.resolve(RunFiles.METRICS))) {
            throw new IOException(dir + " already holds a run");
        }
        Files.createDirectories(dir);
        RunFiles.writeAtomically(dir.resolve(RunFiles.EXPERIMENT), experimentJson(spec));
        List<String> columns = Metrics.stepColumns(spec.resolvedPairs().size());
        BufferedWriter out = Files.newBufferedWriter(dir.resolve(RunFiles.METRICS), StandardCharsets.UTF_8);
        out.write(MetricsCsv.header(columns));
        out.newLine();
        out.flush();
        RunStatusFile status = new RunStatusFile(RunStatus.RUNNING, "", java.util.Map.of());
        status.write(dir.resolve(RunFiles.STATUS));
        return new RunWriter(dir, spec, columns, out, status);
    }

    /**
     * Continues writing an existing run folder (resume): metrics.csv is rewritten to {@code keep} and then appended to.
     */
    static RunWriter reopen(Path dir, ExperimentSpec spec, List<MetricRow> keep, RunStatusFile status) throws IOException {
        List<String> columns = Metrics.stepColumns(spec.resolvedPairs().size());
        StringBuilder sb = new StringBuilder(MetricsCsv.header(columns)).append(System.lineSeparator());
        for (MetricRow r : keep) {
            sb.append(MetricsCsv.row(r, columns)).append(System.lineSeparator());
        }
        RunFiles.writeAtomically(dir.resolve(RunFiles.METRICS), sb.toString());
        BufferedWriter out = Files.newBufferedWriter(dir.resolve(RunFiles.METRICS), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        RunStatusFile running = status.with(RunStatus.RUNNING, "");
        running.write(dir.resolve(RunFiles.STATUS));
        return new RunWriter(dir, spec, columns, out, running);
    }

    /**
     * The experiment as JSON, through the experiment codec: kept in this one method so the run folder's format
     * follows the preset format.
     */
    static String experimentJson(ExperimentSpec spec) {
        return ExperimentJson.write(spec);
    }

    public Path directory() {
        return dir;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        try {
            handle(event);
        } catch (IOException e) {
            throw new UncheckedIOException("run folder " + dir + ": " + e.getMessage(), e);
        }
    }

    private void handle(TrainingEvent event) throws IOException {
        if (event instanceof TrainingEvent.Step s) {
            metrics.write(MetricsCsv.row(new MetricRow(s.arm(), s.phase(), s.step(), s.metrics()), columns));
            metrics.newLine();
            metrics.flush();
        } else if (event instanceof TrainingEvent.CkaMatrices c) {
            RunFiles.writeAtomically(RunFiles.cka(dir, c.arm(), c.step()),
                    new CkaSnapshot(c.arm(), c.step(), c.targetGuide(), c.targetTarget()).toJson());
        } else if (event instanceof TrainingEvent.Checkpoint c) {
            CheckpointFile.write(RunFiles.checkpoint(dir, c.arm()), c.state());
            saveTrainedGuide(c);
        } else if (event instanceof TrainingEvent.ArmStarted a) {
            updateStatus(status.withArm(a.arm(), new RunStatusFile.ArmStatus(RunStatus.RUNNING, a.fromStep(), "")));
        } else if (event instanceof TrainingEvent.ArmFinished a) {
            RunStatus s = a.stopped() ? RunStatus.STOPPED : RunStatus.FINISHED;
            updateStatus(status.withArm(a.arm(), new RunStatusFile.ArmStatus(s, a.step(), "")));
        } else if (event instanceof TrainingEvent.ArmFailed a) {
            updateStatus(status.withArm(a.arm(), new RunStatusFile.ArmStatus(RunStatus.FAILED, a.step(), a.message())));
        } else if (event instanceof TrainingEvent.RunFinished r) {
            updateStatus(status.with(r.status(), r.message()));
            close();
        }
    }

    /** A guide trained for its arm is kept as a model file, so other experiments can load it as their guide. */
    private void saveTrainedGuide(TrainingEvent.Checkpoint c) throws IOException {
        ArmSpec arm = armsByName.get(c.arm());
        Path file = RunFiles.guideModel(dir, c.arm());
        boolean trained = arm != null && arm.guideTrainSteps() > 0 && (arm.guideModel() == null || arm.guideModel().isBlank())
                && (arm.kind() == ArmKind.GUIDED_TRAINED || arm.kind() == ArmKind.DISTILLATION);
        if (trained && c.state().guideParams() != null && !Files.exists(file)) {
            ModelFile.save(c.state().guideParams(), c.state().guideState(), file);
        }
    }

    private void updateStatus(RunStatusFile s) throws IOException {
        status = s;
        status.write(dir.resolve(RunFiles.STATUS));
    }

    @Override
    public void close() {
        if (metrics != null) {
            try {
                metrics.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                metrics = null;
            }
        }
    }
}
