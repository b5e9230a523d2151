package org.guidancelab.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.ComparableRun;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run session on its own: what a sweep worker or a task in another JVM sees when it calls it directly. */
class RunSessionTest {
    private static final int STEPS = 12;

    @TempDir
    Path tmp;

    static ExperimentSpec blobs() {
        return TinyExperiments.blobs("session test", STEPS, 4, ArmSpec.baseline("baseline"), ArmSpec.guidedUntrained("guided"));
    }

    private static SessionOptions options() {
        return SessionOptions.defaults().withTrainer(SessionOptions.defaults().trainer().withProbeSize(32)).withThreads(1);
    }

    /** Every event the session's listeners heard, in order. */
    private static List<TrainingEvent> listen(RunSession s) {
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        s.addListener(events::add);
        return events;
    }

    private static long count(List<TrainingEvent> events, Class<?> type) {
        return events.stream().filter(type::isInstance).count();
    }

    private static List<Integer> taskSteps(List<TrainingEvent> events, String arm) {
        return events.stream().filter(e -> e instanceof TrainingEvent.Step s && s.arm().equals(arm) && s.phase() == Phase.TASK)
                .map(e -> ((TrainingEvent.Step) e).step()).toList();
    }

    @Test
    void aFreshRunRecordsItsFolderAndSummarisesEveryArmFromOneStream() throws Exception {
        RunSession s = RunSession.fresh(blobs(), RunFolder.under(tmp), options());
        List<TrainingEvent> events = listen(s);
        List<Integer> eventsWhenReady = new ArrayList<>();
        s.onFolderReady(() -> eventsWhenReady.add(events.size()));
        RunSummary summary = s.run();

        assertEquals(RunStatus.FINISHED, summary.status(), summary.message());
        assertNull(summary.setupFailure());
        assertEquals(List.of(0), eventsWhenReady, "the folder is ready once, before training reports anything");
        assertEquals(1, count(events, TrainingEvent.RunStarted.class));
        assertEquals(1, count(events, TrainingEvent.RunFinished.class));
        assertEquals(s.directory(), summary.dir());
        RunRecord rec = RunReader.read(summary.dir());
        assertEquals(RunStatus.FINISHED, rec.status().status());
        assertEquals(List.of("baseline", "guided"), List.copyOf(summary.arms().keySet()));
        for (ArmResult a : summary.arms().values()) {
            MetricRow last = rec.lastTaskRow(a.arm());
            assertEquals(RunStatus.FINISHED, a.status());
            assertEquals(STEPS, a.step());
            assertEquals(last.get(Metrics.VAL_ACCURACY), a.last(Metrics.VAL_ACCURACY));
            assertEquals(last.get(Metrics.VAL_LOSS), a.last(Metrics.VAL_LOSS));
            assertTrue(a.bestValAccuracy() >= a.last(Metrics.VAL_ACCURACY));
            assertTrue(a.bestValLoss() <= a.last(Metrics.VAL_LOSS));
            assertTrue(Double.isFinite(a.meanPairCka()), a.arm() + " has a heatmap at its last evaluation");
        }
    }

    @Test
    void aResumeReplaysWhatTheFolderKeptThenTrainsOnAnnouncingOneStartAndEqualsAnUninterruptedRun() throws Exception {
        RunSummary full = RunSession.fresh(blobs(), RunFolder.exactly(tmp.resolve("full")), options()).run();

        RunSession first = RunSession.fresh(blobs(), RunFolder.exactly(tmp.resolve("stopped")), options());
        first.addListener(e -> {
            if (e instanceof TrainingEvent.Step st && st.arm().equals("guided") && st.step() == 5) {
                first.cancel();
            }
        });
        RunSummary stopped = first.run();
        assertEquals(RunStatus.STOPPED, stopped.status());
        assertEquals(RunStatus.STOPPED, stopped.arms().get("guided").status());

        RunSession again = RunSession.resume(stopped.dir(), options());
        assertTrue(again.isResume());
        List<TrainingEvent> events = listen(again);
        RunSummary resumed = again.run();
        assertEquals(RunStatus.FINISHED, resumed.status(), resumed.message());
        assertEquals(List.of("arm guided continues after step 5"), resumed.notes());
        assertEquals(1, count(events, TrainingEvent.RunStarted.class), "the replay announces the run; the trainer does not again");
        assertTrue(events.get(0) instanceof TrainingEvent.RunStarted);
        List<Integer> all = java.util.stream.IntStream.rangeClosed(1, STEPS).boxed().toList();
        assertEquals(all, taskSteps(events, "baseline"), "the finished arm, replayed");
        assertEquals(all, taskSteps(events, "guided"), "replayed up to 5, then trained from 6: each step once");
        assertEquals(RunStatus.FINISHED, resumed.arms().get("baseline").status());
        assertEquals(full.arms().get("guided").last(Metrics.VAL_LOSS), resumed.arms().get("guided").last(Metrics.VAL_LOSS));
        assertEquals(ComparableRun.of(RunReader.read(full.dir())), ComparableRun.of(RunReader.read(resumed.dir())));
    }

    @Test
    void startOrResumeStartsAnEmptyFolderContinuesAStoppedOneReportsAFinishedOneAndRefusesAnother() throws Exception {
        Path cell = tmp.resolve("cell");
        Files.createDirectories(cell);
        RunSession s = RunSession.startOrResume(blobs(), cell, options());
        s.addListener(e -> {
            if (e instanceof TrainingEvent.Step st && st.arm().equals("baseline") && st.step() == 3) {
                s.cancel();
            }
        });
        assertEquals(RunStatus.STOPPED, s.run().status());

        RunSummary continued = RunSession.startOrResume(blobs(), cell, options()).run();
        assertEquals(RunStatus.FINISHED, continued.status());
        assertEquals(List.of("arm baseline continues after step 3"), continued.notes());
        List<String> recorded = ComparableRun.of(RunReader.read(cell));

        RunSession done = RunSession.startOrResume(blobs(), cell, options());
        List<TrainingEvent> events = listen(done);
        RunSummary report = done.run();
        assertEquals(RunStatus.FINISHED, report.status());
        assertEquals(continued.arms(), report.arms(), "the finished run's summary, read back from its folder");
        assertEquals(0, count(events, TrainingEvent.ArmStarted.class), "nothing trained again");
        assertEquals(recorded, ComparableRun.of(RunReader.read(cell)));

        RunSummary other = RunSession.startOrResume(blobs().withTitle("another", ""), cell, options()).run();
        assertEquals(SetupFailure.Kind.NOT_RESUMABLE, other.setupFailure().kind());
        assertTrue(other.setupFailure().detail().contains("holds a different experiment"), other.setupFailure().detail());
    }

    @Test
    void badInputEndsInTheSummaryBeforeAnythingIsWrittenUnlessAskedToRecordIt() throws Exception {
        ExperimentSpec noArms = blobs().withArms(List.of());
        Path runs = tmp.resolve("runs");
        RunSession invalid = RunSession.fresh(noArms, RunFolder.under(runs), options());
        List<TrainingEvent> events = listen(invalid);
        RunSummary refused = invalid.run();
        assertEquals(RunStatus.FAILED, refused.status());
        assertEquals(SetupFailure.Kind.INVALID_EXPERIMENT, refused.setupFailure().kind());
        assertFalse(refused.setupFailure().problems().isEmpty());
        assertTrue(refused.message().startsWith("the experiment has problems: $.arms: "), refused.message());
        assertEquals(List.of(TrainingEvent.RunFinished.class), events.stream().map(Object::getClass).toList());
        assertFalse(Files.exists(runs), "no folder");
        assertNull(refused.dir());

        ExperimentSpec missingCsv = blobs().withDataset(new DatasetSpec("csv", Map.of("path",
                tmp.resolve("nowhere.csv").toString(), "features", 2, "classes", 3)));
        RunSummary noData = RunSession.fresh(missingCsv, RunFolder.under(runs), options().recordingSetupFailures()).run();
        assertEquals(SetupFailure.Kind.DATA, noData.setupFailure().kind());
        assertTrue(noData.message().startsWith("dataset 'csv' could not be loaded: "), noData.message());
        assertTrue(noData.setupFailure().detail().contains("nowhere.csv"), noData.setupFailure().detail());
        RunRecord recorded = RunReader.read(noData.dir());
        assertEquals(RunStatus.FAILED, recorded.status().status(), "recorded, as the app's history shows it");
        assertEquals(noData.message(), recorded.status().message());
        assertTrue(recorded.metrics().isEmpty());

        RunSummary taken = RunSession.fresh(blobs(), RunFolder.exactly(noData.dir()), options()).run();
        assertEquals(SetupFailure.Kind.FOLDER, taken.setupFailure().kind());
        assertTrue(taken.setupFailure().detail().contains("already holds a run"), taken.setupFailure().detail());

        RunSummary notARun = RunSession.resume(tmp.resolve("nothing-here"), options()).run();
        assertEquals(SetupFailure.Kind.NOT_RESUMABLE, notARun.setupFailure().kind());
        assertTrue(notARun.setupFailure().detail().contains("is not a run folder"), notARun.setupFailure().detail());
    }

    @Test
    void aSessionCancelledBeforeItRunsStopsWithoutAFolder() {
        RunSession s = RunSession.fresh(blobs(), RunFolder.under(tmp.resolve("runs")), options());
        s.cancel();
        RunSummary summary = s.run();
        assertEquals(RunStatus.STOPPED, summary.status());
        assertNull(summary.dir());
        assertFalse(Files.exists(tmp.resolve("runs")));
    }

    @Test
    void pauseHoldsTheTrainingThreadAfterAStepOnDiskAndTheGuideSwitchAppliesFromTheNextStep() throws Exception {
        RunSession s = RunSession.fresh(blobs().withArms(List.of(ArmSpec.guidedUntrained("guided"))),
                RunFolder.under(tmp), options());
        s.setGuidanceEnabled(false); // before training: the first step already trains without the guide
        s.addListener(e -> {
            if (e instanceof TrainingEvent.Step st && st.step() == 4) {
                s.setPaused(true);
            }
        });
        LiveFeed feed = s.feed();
        AtomicReference<RunSummary> result = new AtomicReference<>();
        Thread training = new Thread(() -> result.set(s.run()), "session-test");
        training.start();
        long until = System.nanoTime() + 120_000_000_000L;
        while (!s.isHeldAtPause() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertTrue(s.isHeldAtPause() && s.isPaused());
        assertEquals(4, feed.progress().step());
        assertEquals(4, RunReader.read(s.directory()).taskRows("guided").size(), "the held step is on disk");
        s.setGuidanceEnabled(true);
        s.setPaused(false);
        training.join(120_000);
        assertNotNull(result.get());
        assertEquals(RunStatus.FINISHED, result.get().status());
        List<MetricRow> rows = RunReader.read(s.directory()).taskRows("guided");
        assertEquals(0.0, rows.get(0).get(Metrics.GUIDANCE_ON));
        assertEquals(0.0, rows.get(3).get(Metrics.GUIDANCE_ON));
        assertEquals(1.0, rows.get(4).get(Metrics.GUIDANCE_ON), "guided again from the step after the pause");
        assertTrue(RunReader.read(s.directory()).status().status() == RunStatus.FINISHED);
        assertTrue(Files.isRegularFile(s.directory().resolve(RunFiles.STATUS)));
    }
}
