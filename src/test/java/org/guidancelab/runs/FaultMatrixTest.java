package org.guidancelab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix: what a run folder keeps when the process dies (kill -9), is stopped (Ctrl-C, Stop) or cannot write
 * (a file size limit, a full disk, a read-only folder), and what {@code resume} does with a damaged checkpoint. Each
 * case checks the quality bar: a message in words that names the file, never a stack trace, nothing recorded lost, and
 * a resumed run whose metrics equal an uninterrupted run's, row for row, without duplicated rows.
 *
 * <p>Runs go through the real CLI in child JVMs ({@link CliProcess}); one uninterrupted run and one run killed midway
 * are shared by the tests (each test works on its own copy). The full-disk and read-only cases need {@code mount}
 * (root with CAP_SYS_ADMIN) and are skipped where it is refused.
 */
class FaultMatrixTest {
    private static final String GUIDED = "guided";
    private static final String BASELINE = "baseline";
    private static final int STEPS = 1000;
    private static final int GUIDE_STEPS = 1000;
    private static final int CHECKPOINT_EVERY = 7;
    private static final Duration MIDWAY = Duration.ofSeconds(60);

    @TempDir
    static Path shared;

    private static Path experimentFile;
    private static Path reference;
    private static List<String> referenceRows;
    private static Path killed;
    private static final List<Path> mounted = new ArrayList<>();

    /**
     * Two arms on 2-d blobs, a few hundred ms each: a guided arm whose guide trains for 1000 steps first, then a
     * baseline; checkpoints every 7 steps (off the evaluation steps, every 10).
     */
    static ExperimentSpec experiment() {
        NetworkSpec target = new NetworkSpec("target", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("t1", 16, ActivationFn.RELU), Layers.Dense.of("t2", 16, ActivationFn.RELU),
                new Layers.Output("out", 3, false)));
        NetworkSpec guide = new NetworkSpec("guide", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("g1", 32, ActivationFn.TANH), new Layers.Output("out", 3, false)));
        return new ExperimentSpec("Fault matrix", "", guide, target,
                new DatasetSpec("blobs", Map.of("train", 200, "validation", 64, "test", 10, "seed", 3)),
                List.of(ArmSpec.guidedTrained(GUIDED, GUIDE_STEPS), ArmSpec.baseline(BASELINE)),
                new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 32, STEPS, 10, CHECKPOINT_EVERY, 5L),
                Pairing.rule());
    }

    private static synchronized Path experimentFile() throws IOException {
        if (experimentFile == null) {
            experimentFile = shared.resolve("fault-matrix.json");
            Files.writeString(experimentFile, ExperimentJson.write(experiment()));
        }
        return experimentFile;
    }

    /** The uninterrupted run every other one is compared with. */
    private static synchronized List<String> referenceRows() throws IOException {
        if (reference == null) {
            Path out = shared.resolve("reference");
            CliProcess.Result r = CliProcess.run(shared.resolve("logs"), "run", experimentFile().toString(), "--out", out.toString());
            assertEquals(0, r.exitCode(), r.toString());
            reference = onlyRunFolder(out);
            referenceRows = comparable(reference);
            assertEquals(GUIDE_STEPS + 2 * STEPS, RunReader.read(reference).metrics().size());
        }
        return referenceRows;
    }

    /** A run killed (SIGKILL) in the middle of its second arm's task steps; never changed, tests copy it. */
    private static synchronized Path killedRun() throws IOException {
        if (killed == null) {
            Path out = shared.resolve("killed");
            CliProcess p = CliProcess.start(shared.resolve("logs"), "run", experimentFile().toString(), "--out", out.toString());
            p.awaitWhileRunning("50 task rows of the baseline arm", MIDWAY, () -> rows(out, BASELINE, Phase.TASK) >= 50);
            CliProcess.Result r = p.kill();
            assertEquals(137, r.exitCode(), "killed by SIGKILL: " + r);
            killed = onlyRunFolder(out);
        }
        return killed;
    }

    /** Before the test's temporary folder is deleted. */
    @AfterEach
    void unmount() {
        for (Path m : mounted) {
            while (CliProcess.system("umount", m.toString())) {
                // a bind mount over the tmpfs comes off first, then the tmpfs
            }
        }
        mounted.clear();
    }

    // ---- kill -9 ------------------------------------------------------------------------------------------------

    /** Depends on the exact-resume fix for the guide-tap cache on AMD/Haswell OpenBLAS kernels (see the report). */
    @Test
    void killDashNineMidArmThenResumeGivesTheUninterruptedMetricsWithoutDuplicates(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path run = copyOf(killedRun(), tmp.resolve("run"));
        RunRecord before = RunReader.read(run);
        assertEquals(RunStatus.RUNNING, before.status().status(), "kill -9 leaves the status as it was");
        assertEquals(RunStatus.FINISHED, before.status().arms().get(GUIDED).status());
        int rowsBefore = before.taskRows(BASELINE).size();
        assertTrue(rowsBefore >= 50 && rowsBefore < STEPS, "killed mid-arm: " + rowsBefore);
        int checkpoint = before.checkpoints().get(BASELINE).step();
        assertTrue(checkpoint % CHECKPOINT_EVERY == 0 && checkpoint <= rowsBefore && checkpoint > rowsBefore - CHECKPOINT_EVERY - 1,
                "the last checkpoint " + checkpoint + " is at most one interval behind the " + rowsBefore + " rows");
        assertEquals(expected.subList(0, before.metrics().size()), comparable(run).subList(0, before.metrics().size()),
                "every row on disk after kill -9 is the uninterrupted run's");

        CliProcess.Result r = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("arm " + BASELINE + " continues after step " + checkpoint), r.toString());
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
        assertEquals(RunStatus.FINISHED, RunReader.read(run).status().status());
    }

    // ---- a run folder that cannot be written ----------------------------------------------------------------------

    /**
     * A file size limit (ulimit -f: the JVM ignores SIGXFSZ, so writes fail with EFBIG) stops the run when metrics.csv
     * reaches it: the message names the file, the status says failed, the baseline arm is not started, and every whole
     * row written before is kept. Lifting the limit, resume finishes the run as if nothing happened.
     */
    @Test
    void aFileSizeLimitStopsTheRunNamingTheFileAndKeepsEveryRow(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path metrics = reference.resolve(RunFiles.METRICS);
        long limit = offsetOfRow(metrics, GUIDED + ",task,100,") / 1024; // in the guided arm's task steps
        Path out = tmp.resolve("runs");
        CliProcess.Result r = CliProcess.start(tmp.resolve("logs"), List.of("bash", "-c", "ulimit -f " + limit + " && exec \"$@\"", "bash"),
                "run", experimentFile().toString(), "--out", out.toString()).await().assertNoStackTrace();
        Path run = onlyRunFolder(out);
        assertEquals(1, r.exitCode(), r.toString());
        String expectedMessage = "cannot write " + run.resolve(RunFiles.METRICS) + ": File too large";
        assertTrue(r.err().contains("error: " + expectedMessage), r.toString());
        assertTrue(r.err().contains("resume " + run), "says how to continue: " + r);

        RunRecord failed = RunReader.read(run);
        assertEquals(RunStatus.FAILED, failed.status().status());
        assertTrue(failed.status().message().contains(expectedMessage), failed.status().message());
        assertEquals(RunStatus.FAILED, failed.status().arms().get(GUIDED).status());
        assertNull(failed.status().arms().get(BASELINE), "the run stops: the next arm is not started");
        assertKeepsWholeRowsOfTheReference(run, expected);
        assertTrue(failed.taskRows(GUIDED).size() > 50, "stopped in the guided arm's task steps");

        CliProcess.Result resumed = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
    }

    /**
     * A full disk (a 160 KiB tmpfs): the run stops with the system's words and the file, nothing half written is left
     * in metrics.csv, and after the disk grows, resume finishes the run exactly.
     */
    @Test
    void aFullDiskStopsTheRunWithAMessageAndLosesNothingRecorded(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(mount(disk, "mount", "-t", "tmpfs", "-o", "size=160k", "tmpfs", disk.toString()), "mount is not allowed here");
        CliProcess.Result r = CliProcess.start(tmp.resolve("logs"), "run", experimentFile().toString(), "--out", disk.toString())
                .await().assertNoStackTrace();
        Path run = onlyRunFolder(disk);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: cannot write " + run) && r.err().contains(": No space left on device"), r.toString());
        assertKeepsWholeRowsOfTheReference(run, expected);
        RunRecord failed = RunReader.read(run);
        assertTrue(failed.status().status() == RunStatus.FAILED
                        || r.err().contains("error: cannot write " + run.resolve(RunFiles.STATUS) + ": No space left on device"),
                "status.json says failed, or the message says it could not be updated: " + r);
        assertNull(failed.status().arms().get(BASELINE), "the run stops: the next arm is not started");
        try (Stream<Path> files = Files.walk(run)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }

        assertTrue(CliProcess.system("mount", "-o", "remount,size=64m", disk.toString()));
        CliProcess.Result resumed = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
    }

    /**
     * The run folder turns read-only midway (a read-only bind mount over it: as root, chmod would not stop a write).
     * The next file the run creates fails: the run stops naming it, status.json cannot say so and the message says that
     * too, and metrics.csv keeps its rows. Made writable again, resume finishes the run exactly.
     */
    @Test
    void aReadOnlyRunFolderStopsTheRunWithAMessageAndResumesOnceWritable(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path disk = tmp.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(mount(disk, "mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", disk.toString()), "mount is not allowed here");
        CliProcess p = CliProcess.start(tmp.resolve("logs"), "run", experimentFile().toString(), "--out", disk.toString());
        p.awaitWhileRunning("50 task rows of the guided arm", MIDWAY, () -> rows(disk, GUIDED, Phase.TASK) >= 50);
        assertTrue(CliProcess.system("mount", "--bind", disk.toString(), disk.toString())
                && CliProcess.system("mount", "-o", "remount,ro,bind", disk.toString()), "read-only bind mount");
        CliProcess.Result r = p.await().assertNoStackTrace();
        Path run = onlyRunFolder(disk);
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.err().contains("error: cannot write " + run) && r.err().contains(": Read-only file system"), r.toString());
        assertTrue(r.err().contains("error: cannot write " + run.resolve(RunFiles.STATUS) + ": Read-only file system"),
                "the status could not be recorded, and the message says so: " + r);
        assertKeepsWholeRowsOfTheReference(run, expected);
        assertEquals(RunStatus.RUNNING, RunReader.read(run).status().status(), "status.json as it was");

        assertTrue(CliProcess.system("umount", disk.toString()), "writable again");
        CliProcess.Result resumed = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
    }

    // ---- damaged checkpoints ----------------------------------------------------------------------------------------

    @Test
    void aTruncatedCheckpointIsNamedAndResumeFallsBackToThePreviousOne(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path run = copyOf(killedRun(), tmp.resolve("run"));
        Path newest = RunFiles.checkpoint(run, BASELINE);
        int previousStep = CheckpointFile.read(CheckpointFile.previous(newest)).step();
        byte[] bytes = Files.readAllBytes(newest);
        Files.write(newest, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        CliProcess.Result r = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: the checkpoint " + newest + " of arm '" + BASELINE + "' cannot be used: "
                + "the checkpoint is truncated (" + bytes.length / 2 + " of its " + bytes.length + " bytes)"), r.toString());
        assertTrue(r.err().contains("continues from the previous checkpoint " + CheckpointFile.previous(newest)), r.toString());
        assertTrue(r.out().contains("arm " + BASELINE + " continues after step " + previousStep), r.toString());
        assertTrue(Files.isRegularFile(newest.resolveSibling(newest.getFileName() + ".damaged")), "the damaged file is kept aside");
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
    }

    @Test
    void aGarbledCheckpointIsNamedAndResumeFallsBackToThePreviousOne(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path run = copyOf(killedRun(), tmp.resolve("run"));
        Path newest = RunFiles.checkpoint(run, BASELINE);
        byte[] bytes = Files.readAllBytes(newest);
        for (int i = bytes.length / 2; i < bytes.length / 2 + 12; i++) {
            bytes[i] ^= 0x5a; // a few parameters changed: still "a checkpoint", with wrong numbers in it
        }
        Files.write(newest, bytes);

        CliProcess.Result r = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.err().contains("warning: the checkpoint " + newest + " of arm '" + BASELINE + "' cannot be used: "
                + "the checkpoint is damaged (its checksum does not match its content)"), r.toString());
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
    }

    @Test
    void withNoUsableCheckpointResumeRefusesNamingTheFilesAndChangesNothing(@TempDir Path tmp) throws IOException {
        Path run = copyOf(killedRun(), tmp.resolve("run"));
        Path newest = RunFiles.checkpoint(run, BASELINE);
        Path previous = CheckpointFile.previous(newest);
        Files.write(newest, java.util.Arrays.copyOf(Files.readAllBytes(newest), 100));
        Files.writeString(previous, "not a checkpoint at all");
        Map<String, String> before = contents(run);

        CliProcess.Result r = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith("error: cannot resume " + run + " (nothing in it was changed): the checkpoint " + newest
                + " of arm '" + BASELINE + "' cannot be used: the checkpoint is truncated"), r.toString());
        assertTrue(r.err().contains("the previous checkpoint " + previous + " cannot be used either: not a Guidance Lab checkpoint"), r.toString());
        assertTrue(r.err().contains("delete " + newest + " and " + previous), "says how to start the arm over: " + r);
        assertEquals(before, contents(run), "nothing in the run folder was changed");
    }

    // ---- Stop during guide training ----------------------------------------------------------------------------------

    /**
     * Ctrl-C (SIGTERM) while the guide trains: the guide-training rows are on disk, the stop checkpoints the guide's
     * training, and resume continues it from there (not from step 1) to the uninterrupted run's metrics.
     */
    @Test
    void ctrlCDuringGuideTrainingKeepsTheGuideStepsAndResumeContinuesThem(@TempDir Path tmp) throws IOException {
        List<String> expected = referenceRows();
        Path out = tmp.resolve("runs");
        CliProcess p = CliProcess.start(tmp.resolve("logs"), "run", experimentFile().toString(), "--out", out.toString());
        p.awaitWhileRunning("20 guide-training rows", MIDWAY, () -> rows(out, GUIDED, Phase.GUIDE_TRAINING) >= 20);
        CliProcess.Result r = p.terminate().assertNoStackTrace();
        Path run = onlyRunFolder(out);
        RunRecord stopped = RunReader.read(run);
        assertEquals(RunStatus.STOPPED, stopped.status().status(), r.toString());
        assertEquals(RunStatus.STOPPED, stopped.status().arms().get(GUIDED).status());
        List<MetricRow> guideRows = stopped.metrics().stream().filter(m -> m.phase() == Phase.GUIDE_TRAINING).toList();
        int k = guideRows.size();
        assertTrue(k >= 20 && k < GUIDE_STEPS, "stopped during guide training: " + k + " guide steps\n" + r);
        for (int i = 0; i < k; i++) {
            assertEquals(i + 1, guideRows.get(i).step(), "every guide step up to the stop is on disk");
        }
        assertEquals(expected.subList(0, k), comparable(run).subList(0, k));
        assertEquals(Phase.GUIDE_TRAINING, stopped.checkpoints().get(GUIDED).phase());
        assertEquals(k, stopped.checkpoints().get(GUIDED).step(), "the stop checkpoints the guide's last step");
        assertFalse(Files.exists(RunFiles.guideModel(run, GUIDED)), "a half-trained guide is not published as a model");

        CliProcess.Result resumed = CliProcess.run(tmp.resolve("logs"), "resume", run.toString()).assertNoStackTrace();
        assertEquals(0, resumed.exitCode(), resumed.toString());
        assertTrue(resumed.out().contains("arm " + GUIDED + " continues after guide-training step " + k), resumed.toString());
        assertNoDuplicateRows(run);
        assertEquals(expected, comparable(run));
        assertTrue(Files.isRegularFile(RunFiles.guideModel(run, GUIDED)), "the finished guide is published");
    }

    /** The UI's Stop (Trainer.cancel) at a known guide step, in process: the same, step for step. */
    @Test
    void stopDuringGuideTrainingKeepsTheGuideStepsAndResumeContinuesThem(@TempDir Path tmp) throws IOException {
        TaskData data = TinyExperiments.clusters(5, 200, 64);
        ExperimentSpec spec = TinyExperiments.experiment(12, ArmSpec.guidedTrained(GUIDED, 30), ArmSpec.baseline(BASELINE));
        Path full = tmp.resolve("full");
        RunWriter fw = RunWriter.createIn(full, spec);
        Trainer ft = new Trainer(spec, data, TinyExperiments.options());
        ft.addListener(fw);
        assertEquals(RunStatus.FINISHED, ft.run());

        Path run = tmp.resolve("stopped");
        RunWriter writer = RunWriter.createIn(run, spec);
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options());
        trainer.addListener(writer);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.GUIDE_TRAINING && s.step() == 11) {
                trainer.cancel();
            }
        });
        assertEquals(RunStatus.STOPPED, trainer.run());
        RunRecord stopped = RunReader.read(run);
        assertEquals(11, stopped.metrics().size(), "the 11 guide steps are on disk");
        assertTrue(stopped.metrics().stream().allMatch(m -> m.phase() == Phase.GUIDE_TRAINING));
        assertEquals(RunStatus.STOPPED, stopped.status().arms().get(GUIDED).status());
        assertNotNull(stopped.checkpoints().get(GUIDED), "the stop checkpoints the guide's training");
        assertEquals(11, stopped.checkpoints().get(GUIDED).step());

        RunSession resumed = RunSession.resume(run, SessionOptions.defaults().withTrainer(TinyExperiments.options())
                .withData(d -> data));
        List<Integer> guideSteps = new ArrayList<>();
        resumed.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.GUIDE_TRAINING) {
                guideSteps.add(s.step());
            }
        });
        assertEquals(RunStatus.FINISHED, resumed.run().status());
        assertEquals(List.of("arm " + GUIDED + " continues after guide-training step 11"), resumed.notes());
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 30).boxed().toList(), guideSteps,
                "the 11 kept guide steps replayed, then guide training continues after step 11, not from the start");
        assertNoDuplicateRows(run);
        assertEquals(comparable(full), comparable(run));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    private static boolean mount(Path at, String... cmd) {
        if (!CliProcess.system(cmd)) {
            return false;
        }
        mounted.add(at);
        return true;
    }

    private static Path onlyRunFolder(Path out) throws IOException {
        try (Stream<Path> dirs = Files.list(out)) {
            List<Path> all = dirs.filter(Files::isDirectory).toList();
            assertEquals(1, all.size(), "one run folder in " + out + ": " + all);
            return all.get(0);
        }
    }

    /** Whole rows of {@code arm} in {@code phase} so far in the run folder under {@code out} (0 before it exists). */
    private static int rows(Path out, String arm, Phase phase) {
        String prefix = arm + "," + phase.jsonName() + ",";
        try (Stream<Path> dirs = Files.list(out)) {
            for (Path d : dirs.toList()) {
                Path m = d.resolve(RunFiles.METRICS);
                if (Files.isRegularFile(m)) {
                    return (int) Files.readString(m, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(prefix)).count();
                }
            }
        } catch (IOException e) {
            return 0; // not there yet
        }
        return 0;
    }

    private static long offsetOfRow(Path metrics, String start) throws IOException {
        String text = Files.readString(metrics, StandardCharsets.UTF_8);
        int at = text.indexOf(System.lineSeparator() + start);
        assertTrue(at > 0, start);
        return text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }

    /** metrics.csv holds whole rows only, each equal to the uninterrupted run's row at its place. */
    private static void assertKeepsWholeRowsOfTheReference(Path run, List<String> expected) throws IOException {
        String text = Files.readString(run.resolve(RunFiles.METRICS), StandardCharsets.UTF_8);
        assertTrue(text.endsWith(System.lineSeparator()), "no half-written row at the end of metrics.csv");
        List<String> rows = comparableRows(RunReader.read(run));
        assertEquals(text.lines().count() - 1, rows.size(), "every line reads as a row");
        assertTrue(rows.size() > GUIDE_STEPS && rows.size() < expected.size(), "stopped midway: " + rows.size() + " rows");
        assertEquals(expected.subList(0, rows.size()), rows, "the rows recorded before the failure are intact");
    }

    private static void assertNoDuplicateRows(Path run) throws IOException {
        Set<String> keys = new HashSet<>();
        for (MetricRow r : RunReader.read(run).metrics()) {
            assertTrue(keys.add(r.arm() + "/" + r.phase() + "/" + r.step()), "duplicated row " + r.arm() + " " + r.phase() + " " + r.step());
        }
    }

    /** Metrics rows without timings, then every heatmap: what must not depend on an interruption. */
    private static List<String> comparable(Path run) throws IOException {
        RunRecord r = RunReader.read(run);
        List<String> out = comparableRows(r);
        for (CkaSnapshot c : r.cka()) {
            out.add(c.arm() + " cka " + c.step() + " " + java.util.Arrays.deepToString(c.targetGuide().values())
                    + " " + java.util.Arrays.deepToString(c.targetTarget().values()));
        }
        return out;
    }

    private static List<String> comparableRows(RunRecord r) {
        List<String> out = new ArrayList<>();
        for (MetricRow row : r.metrics()) {
            Map<String, Double> m = new LinkedHashMap<>(row.metrics());
            m.keySet().removeIf(Metrics::isTiming);
            out.add(row.arm() + " " + row.phase().jsonName() + " " + row.step() + " " + m);
        }
        return out;
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /** Every file of a folder with a digest of its bytes. */
    private static Map<String, String> contents(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    out.put(dir.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }
}
