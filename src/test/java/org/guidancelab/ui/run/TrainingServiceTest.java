package org.guidancelab.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.session.LiveFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The app trains through the run session: a resume it queues shows one start, the folder's steps, then new ones. */
@ExtendWith(ApplicationExtension.class)
class TrainingServiceTest {
    private static final long TIMEOUT_S = 120;

    @TempDir
    Path tmp;

    private static ExperimentSpec longRun() {
        NetworkSpec target = new NetworkSpec("target", List.of(Layers.Input.real("in", 2),
                Layers.Dense.of("t1", 8, ActivationFn.RELU), new Layers.Output("out", 3, false)));
        return new ExperimentSpec("service test", "", target, target,
                new DatasetSpec("blobs", Map.of("train", 128, "validation", 32, "test", 8)),
                List.of(ArmSpec.baseline("baseline")),
                new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 32, 1_000_000, 1000, 0, 7L), Pairing.rule());
    }

    @Test
    void aResumeQueuedInTheAppAnnouncesItsRunOnceAndShowsTheKeptStepsBeforeTheNewOnes() throws Exception {
        TrainingService service = new TrainingService(RunSettings.defaults().withRunsDir(tmp));
        List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
        service.addOnFinished(outcomes::add);
        try {
            fx(() -> service.submit(RunJob.fresh(longRun())));
            ActiveRun first = service.currentProperty().get();
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> first.feed().progress().step() >= 3);
            fx(service::stop);
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> outcomes.size() == 1);
            assertEquals(RunStatus.STOPPED, outcomes.get(0).status());
            Path dir = outcomes.get(0).dir();

            fx(() -> service.submit(RunJob.resume(dir)));
            ActiveRun resumed = service.currentProperty().get();
            assertTrue(resumed.session().isResume());
            LiveFeed feed = resumed.feed();
            List<TrainingEvent> notices = new ArrayList<>();
            List<Integer> steps = new ArrayList<>();
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> {
                LiveFeed.Batch b = feed.drain();
                notices.addAll(b.notices());
                b.steps().stream().filter(s -> s.phase() == Phase.TASK).forEach(s -> steps.add(s.step()));
                return steps.size() >= 10;
            });
            fx(service::stop);
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> outcomes.size() == 2);
            notices.addAll(feed.drain().notices());
            assertEquals(1, notices.stream().filter(e -> e instanceof TrainingEvent.RunStarted).count(),
                    "one start for the resumed run: " + notices);
            assertTrue(notices.get(0) instanceof TrainingEvent.RunStarted);
            for (int i = 0; i < steps.size(); i++) {
                assertEquals(i + 1, steps.get(i), "the kept steps from the first, then the new ones, each once");
            }
            assertEquals(dir, resumed.dir());
        } finally {
            WaitForAsyncUtils.asyncFx(service::shutdown).get(TIMEOUT_S, TimeUnit.SECONDS);
        }
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(TIMEOUT_S, TimeUnit.SECONDS);
    }
}
