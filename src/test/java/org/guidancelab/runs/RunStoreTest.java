package org.guidancelab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RecordingListener;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.RunSummary;
import org.guidancelab.session.SessionOptions;
import org.guidancelab.session.SetupFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
    private final TaskData data = TinyExperiments.clusters(5, 200, 64);

    private static ExperimentSpec experiment(int steps, int checkpointEvery) {
        ExperimentSpec spec = TinyExperiments.experiment(steps, ArmSpec.guidedTrained("guided, trained", 6),
                ArmSpec.baseline("baseline"));
        TrainingSpec t = spec.training();
        return spec.withTraining(new TrainingSpec(t.alpha(), t.optimizer(), t.learningRate(), t.momentum(), t.weightDecay(),
                t.gradClip(), t.batchSize(), t.steps(), 5, checkpointEvery, t.seed()));
    }

    @Test
    void writesAWholeRunFolderAndReadsItBack(@TempDir Path runs) throws IOException {
        ExperimentSpec spec = experiment(12, 5);
        RunWriter writer = RunWriter.create(runs, spec);
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options());
        RecordingListener rec = new RecordingListener();
        List<Integer> linesSeen = new ArrayList<>();
        trainer.addListener(writer);
        trainer.addListener(rec);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK && s.step() == 3 && s.arm().equals("baseline")) {
                try {
                    linesSeen.add(Files.readAllLines(writer.directory().resolve(RunFiles.METRICS)).size());
                } catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }
        });
        assertEquals(RunStatus.FINISHED, trainer.run());
        // header + 6 guide-training rows + 12 task rows of the first arm + 3 rows of the baseline: flushed as it came.
        assertEquals(List.of(1 + 6 + 12 + 3), linesSeen);
        Path dir = writer.directory();
        assertTrue(dir.getFileName().toString().endsWith("-tiny"), dir.toString());
        RunRecord r = RunReader.read(dir);
        assertEquals(spec, r.experiment());
        assertEquals(RunStatus.FINISHED, r.status().status());
        assertEquals(RunStatus.FINISHED, r.status().arms().get("guided, trained").status());
        assertEquals(6 + 12 + 12, r.metrics().size());
        List<TrainingEvent.Step> steps = rec.of(TrainingEvent.Step.class);
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(steps.get(i).metrics(), r.metrics().get(i).metrics(), "row " + i + " reads back bit-exact");
            assertEquals(steps.get(i).arm(), r.metrics().get(i).arm());
        }
        assertEquals(12, r.taskRows("baseline").size());
        // Heatmaps before training (step 0), then at steps 5, 10, 12, for both arms.
        assertEquals(8, r.cka().size());
        assertEquals(0, r.cka().get(0).step());
        CkaSnapshot first = r.cka().get(1);
        assertEquals("baseline", first.arm());
        assertEquals(5, first.step());
        TrainingEvent.CkaMatrices live = rec.of(TrainingEvent.CkaMatrices.class, c -> c.arm().equals("baseline") && c.step() == 5).get(0);
        assertArrayEquals(live.targetGuide().values()[1], first.targetGuide().values()[1]);
        assertEquals(live.targetTarget().rowTaps(), first.targetTarget().rowTaps());
        // Checkpoints: the last one of each arm, at the end.
        assertEquals(12, r.checkpoints().get("baseline").step());
        assertArrayEquals(rec.of(TrainingEvent.Checkpoint.class).get(rec.of(TrainingEvent.Checkpoint.class).size() - 1).state().targetParams(),
                r.checkpoints().get("baseline").targetParams());
        assertTrue(Files.isRegularFile(dir.resolve("checkpoints/guided__trained.ckpt")));
        // The trained guide is kept as a model file, loadable as another arm's guide.
        Path guideFile = dir.resolve("guides/guided__trained.glmodel");
        assertTrue(Files.isRegularFile(guideFile));
        org.guidancelab.engine.model.Model g = org.guidancelab.engine.train.ModelFactory.create(spec.guide(), 0);
        org.guidancelab.engine.model.ModelFile.load(g, guideFile);
        assertArrayEquals(r.checkpoints().get("guided, trained").guideParams(), g.params().toFloatVector());
        assertTrue(Files.notExists(dir.resolve("guides/baseline.glmodel")));
        try (var files = Files.list(dir.resolve(RunFiles.CHECKPOINT_DIR))) {
            assertTrue(files.noneMatch(f -> f.toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void aFailedArmIsRecordedInStatusWithItsMessage(@TempDir Path runs) throws IOException {
        ExperimentSpec spec = TinyExperiments.experiment(4, ArmSpec.guidedTrained("loaded", 0).withGuideModel(runs.resolve("missing.glmodel").toString()));
        RunWriter writer = RunWriter.create(runs, spec);
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options());
        trainer.addListener(writer);
        trainer.run();
        RunStatusFile status = RunStatusFile.read(writer.directory().resolve(RunFiles.STATUS));
        assertEquals(RunStatus.FAILED, status.status());
        assertEquals(RunStatus.FAILED, status.arms().get("loaded").status());
        assertTrue(status.arms().get("loaded").message().contains("missing.glmodel"));
    }

    @Test
    void aStoppedRunResumedGivesTheSameMetricsAsAnUninterruptedOne(@TempDir Path runs) throws IOException {
        ExperimentSpec spec = experiment(20, 5);
        Path full = runTo(runs.resolve("full"), spec, null, -1);
        Path stopped = runTo(runs.resolve("stopped"), spec, "guided, trained", 8);
        RunRecord partial = RunReader.read(stopped);
        assertEquals(RunStatus.STOPPED, partial.status().status());
        assertEquals(8, partial.checkpoints().get("guided, trained").step());
        assertEquals(8, partial.taskRows("guided, trained").size());
        assertEquals(Map.of("guided, trained", 8), ResumePlan.of(stopped).resumedArms());
        assertEquals(RunStatus.FINISHED, resume(stopped).status());
        assertEquals(comparable(RunReader.read(full)), comparable(RunReader.read(stopped)));
        assertThrows(IOException.class, () -> ResumePlan.of(stopped), "a finished run is not resumed");
        assertEquals(SetupFailure.Kind.NOT_RESUMABLE, resume(stopped).setupFailure().kind());
    }

    @Test
    void aCrashedRunResumesFromItsLastCheckpointDroppingLaterRows(@TempDir Path runs) throws IOException {
        ExperimentSpec spec = experiment(20, 5);
        Path full = runTo(runs.resolve("full"), spec, null, -1);
        Path crashed = runs.resolve("crashed");
        RunWriter writer = RunWriter.createIn(crashed, spec);
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options());
        trainer.addListener(writer);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.arm().equals("baseline") && s.step() == 13) {
                throw new SimulatedCrash();
            }
        });
        assertThrows(SimulatedCrash.class, trainer::run);
        writer.close();
        RunRecord before = RunReader.read(crashed);
        assertEquals(RunStatus.RUNNING, before.status().status(), "a crash leaves the status as it was");
        assertEquals(13, before.taskRows("baseline").size());
        assertEquals(10, before.checkpoints().get("baseline").step());
        assertEquals(Map.of("baseline", 10), ResumePlan.of(crashed).resumedArms());
        assertEquals(RunStatus.FINISHED, resume(crashed).status());
        assertEquals(comparable(RunReader.read(full)), comparable(RunReader.read(crashed)));
    }

    /** Resumes the run in {@code dir} through the run session, on this test's in-memory data. */
    private RunSummary resume(Path dir) {
        return RunSession.resume(dir, SessionOptions.defaults().withTrainer(TinyExperiments.options()).withData(d -> data)).run();
    }

    static final class SimulatedCrash extends Error {
    }

    private Path runTo(Path dir, ExperimentSpec spec, String stopArm, int stopStep) throws IOException {
        RunWriter writer = RunWriter.createIn(dir, spec);
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options());
        trainer.addListener(writer);
        if (stopArm != null) {
            trainer.addListener(e -> {
                if (e instanceof TrainingEvent.Step s && s.arm().equals(stopArm) && s.phase() == Phase.TASK && s.step() == stopStep) {
                    trainer.cancel();
                }
            });
        }
        trainer.run();
        return dir;
    }

    /** Metrics rows without timings, and the last heatmaps: what must not depend on an interruption. */
    private static List<String> comparable(RunRecord r) {
        return ComparableRun.of(r);
    }
}
