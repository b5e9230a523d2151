package org.guidancelab.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.guidancelab.engine.model.ModelFile;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RecordingFailedException;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * A training listener that records a run in its own folder: experiment.json (the experiment as run), metrics.csv
 * appended row by row (each row one write, so it is on disk once the step is reported), the CKA heatmaps of every
 * evaluation, a checkpoint per arm (atomically replaced, the previous one kept beside it), each trained guide as a model
 * file (guides/ARM.glmodel) and status.json.
 *
 * <p>A write that fails (full disk, read-only folder, a file in the way) is thrown as {@link RecordingFailedException}
 * naming the file and the reason, which stops the run; a metrics row half written is cut off again so the file keeps
 * whole rows only. The failures are also kept for {@link #failures()}, since the one saying that status.json could not
 * be written cannot be read from the folder.
 */
public final class RunWriter implements TrainingListener, AutoCloseable {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path dir;
    private final Path metricsFile;
    private final List<String> columns;
    private final java.util.Map<String, ArmSpec> armsByName = new java.util.HashMap<>();
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private FileChannel metrics;
    /** The length of metrics.csv up to its last whole row. */
    private long metricsEnd;
    private RunStatusFile status;

    private RunWriter(Path dir, ExperimentSpec spec, List<String> columns, FileChannel metrics, RunStatusFile status) throws IOException {
        this.dir = dir;
        this.metricsFile = dir.resolve(RunFiles.METRICS);
        spec.arms().forEach(a -> armsByName.put(a.name(), a));
        this.columns = columns;
        this.metrics = metrics;
        this.metricsEnd = metrics.size();
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
        copyImportedGuide(spec, dir);
        List<String> columns = Metrics.stepColumns(spec.resolvedPairs().size());
        FileChannel out = FileChannel.open(dir.resolve(RunFiles.METRICS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        try {
            writeFully(out, (MetricsCsv.header(columns) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8), 0);
            RunStatusFile status = new RunStatusFile(RunStatus.RUNNING, "", java.util.Map.of());
            status.write(dir.resolve(RunFiles.STATUS));
            return new RunWriter(dir, spec, columns, out, status);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
    }

    /**
     * An imported guide named by a relative path is copied into the run folder at that path, so the run's
     * experiment.json, read from the run folder (resume, History), finds the same file: a run keeps its guide.
     */
    private static void copyImportedGuide(ExperimentSpec spec, Path dir) throws IOException {
        if (!spec.guide().isImported() || Path.of(spec.guide().imported().file()).isAbsolute()) {
            return;
        }
        Path copy = dir.resolve(spec.guide().imported().file()).normalize();
        Path source = spec.guide().imported().path();
        if (copy.startsWith(dir.normalize()) && Files.isRegularFile(source)) {
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
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
        FileChannel out = FileChannel.open(dir.resolve(RunFiles.METRICS), StandardOpenOption.WRITE);
        try {
            RunStatusFile running = status.with(RunStatus.RUNNING, "");
            running.write(dir.resolve(RunFiles.STATUS));
            return new RunWriter(dir, spec, columns, out, running);
        } catch (IOException | RuntimeException e) {
            out.close();
            throw e;
        }
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

    /** The writes that failed, one message each ("cannot write FILE: REASON"), in order; empty when all went well. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step s) {
            write(metricsFile, () -> appendRow(new MetricRow(s.arm(), s.phase(), s.step(), s.metrics())));
        } else if (event instanceof TrainingEvent.CkaMatrices c) {
            Path file = RunFiles.cka(dir, c.arm(), c.step());
            write(file, () -> RunFiles.writeAtomically(file, new CkaSnapshot(c.arm(), c.step(), c.targetGuide(), c.targetTarget()).toJson()));
        } else if (event instanceof TrainingEvent.Checkpoint c) {
            Path file = RunFiles.checkpoint(dir, c.arm());
            write(file, () -> CheckpointFile.write(file, c.state()));
            saveTrainedGuide(c);
        } else if (event instanceof TrainingEvent.ArmStarted a) {
            updateStatus(status.withArm(a.arm(), new RunStatusFile.ArmStatus(RunStatus.RUNNING, a.fromStep(), "")));
        } else if (event instanceof TrainingEvent.ArmFinished a) {
            RunStatus s = a.stopped() ? RunStatus.STOPPED : RunStatus.FINISHED;
            updateStatus(status.withArm(a.arm(), new RunStatusFile.ArmStatus(s, a.step(), "")));
        } else if (event instanceof TrainingEvent.ArmFailed a) {
            updateStatus(status.withArm(a.arm(), new RunStatusFile.ArmStatus(RunStatus.FAILED, a.step(), a.message())));
        } else if (event instanceof TrainingEvent.RunFinished r) {
            try {
                updateStatus(status.with(r.status(), r.message()));
            } finally {
                close();
            }
        }
    }

    private interface Write {
        void run() throws IOException;
    }

    /** Runs one write of {@code file}; a failure is kept and thrown as RecordingFailedException naming the file. */
    private void write(Path file, Write w) {
        try {
            w.run();
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String message = "cannot write " + file + ": " + reason(io);
            failures.add(message);
            throw new RecordingFailedException(message, io);
        }
    }

    /** What went wrong, in words: the system's reason where it gives one, else what the exception's kind means. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            if (f.getReason() != null && !f.getReason().isBlank()) {
                return f.getReason();
            }
            String what = f.getFile();
            if (e instanceof AccessDeniedException) {
                return "permission denied (" + what + ")";
            }
            if (e instanceof NoSuchFileException) {
                return "no such file or folder (" + what + ")";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "something else is in the way (" + what + ")";
            }
            if (e instanceof NotDirectoryException) {
                return "not a folder (" + what + ")";
            }
            return e.getClass().getSimpleName() + " (" + what + ")";
        }
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Appends one whole row; a row cut short (disk full) is cut off again so the file ends after its last whole row. */
    private void appendRow(MetricRow row) throws IOException {
        if (metrics == null) {
            throw new IOException("the run's metrics file was closed after an earlier failure");
        }
        byte[] bytes = (MetricsCsv.row(row, columns) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        try {
            writeFully(metrics, bytes, metricsEnd);
        } catch (IOException e) {
            try {
                metrics.truncate(metricsEnd);
            } catch (IOException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        metricsEnd += bytes.length;
    }

    private static void writeFully(FileChannel ch, byte[] bytes, long at) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        long pos = at;
        while (buf.hasRemaining()) {
            pos += ch.write(buf, pos);
        }
    }

    /**
     * A guide trained for its arm is kept as a model file, so other experiments can load it as their guide: from the
     * arm's first checkpoint after its guide training (a guide-training checkpoint holds a guide not yet done).
     */
    private void saveTrainedGuide(TrainingEvent.Checkpoint c) {
        ArmSpec arm = armsByName.get(c.arm());
        Path file = RunFiles.guideModel(dir, c.arm());
        boolean trained = arm != null && arm.guideTrainSteps() > 0 && (arm.guideModel() == null || arm.guideModel().isBlank())
                && (arm.kind() == ArmKind.GUIDED_TRAINED || arm.kind() == ArmKind.DISTILLATION)
                && c.state().phase() != Phase.GUIDE_TRAINING;
        if (trained && c.state().guideParams() != null && !Files.exists(file)) {
            write(file, () -> ModelFile.save(c.state().guideParams(), c.state().guideState(), file));
        }
    }

    private void updateStatus(RunStatusFile s) {
        status = s;
        Path file = dir.resolve(RunFiles.STATUS);
        write(file, () -> status.write(file));
    }

    /** Closes metrics.csv; a failure to close is kept in {@link #failures()}, not thrown. */
    @Override
    public void close() {
        if (metrics != null) {
            try {
                metrics.close();
            } catch (IOException e) {
                failures.add("cannot write " + metricsFile + ": " + reason(e));
            } finally {
                metrics = null;
            }
        }
    }
}
