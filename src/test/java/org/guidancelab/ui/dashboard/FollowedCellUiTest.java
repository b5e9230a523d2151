package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellTrainer;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;
import org.guidancelab.sweep.SweepRunner;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;
import org.guidancelab.ui.sweep.SweepDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A sweep cell opened while another runner trains it is followed live: History shows it as it trains, keeps reading
 * it, and shows it finished once the runner renames its folder to the finished name.
 */
@ExtendWith(ApplicationExtension.class)
class FollowedCellUiTest {
    private static final long TIMEOUT_S = 120;

    @TempDir
    Path tmp;

    private TrainingService service;
    private HistoryView history;

    @Start
    void start(Stage stage) throws Exception {
        service = new TrainingService(RunSettings.defaults().withRunsDir(Files.createTempDirectory("runs")));
        history = new HistoryView(service, new FakeRunDialogs());
        stage.setScene(new Scene(history, 1260, 780));
        stage.show();
    }

    @AfterEach
    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(service::shutdown).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Test
    void aCellOpenedWhileItTrainsIsFollowedToItsEnd() throws Exception {
        SweepPlan plan = new SweepDraft(TinyExperiments.blobs("followed", 12, 4, ArmSpec.baseline("baseline")),
                "followed", List.of(new SweepDraft.AxisDraft("training.alpha", "0")), 1).plan();
        Path dir = tmp.resolve("sweep");
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CellTrainer real = SessionCellTrainer.forJobs(1);
        // The runner stops at step 6 of 12 until the test has opened the cell: a run under way, half written.
        CellTrainer holding = (cell, folder, cancel, listener) -> real.train(cell, folder, cancel, e -> {
            listener.onEvent(e);
            if (e instanceof TrainingEvent.Step s && s.step() == 6 && held.getCount() > 0) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Thread other = new Thread(() -> {
            try {
                new SweepRunner(plan, dir, new LocalExecutor(1), holding).run(null, new CancelSignal(), new SweepProgress() { });
            } catch (Exception ex) {
                failures.add(ex);
            }
        }, "other-runner");
        other.start();
        assertTrue(held.await(TIMEOUT_S, TimeUnit.SECONDS), "the cell reached step 6");
        String id = plan.cells().get(0).id();
        Path training = new SweepFolder(dir).tmpDir(id);
        assertTrue(Files.isDirectory(training), "the cell trains under its temporary name");

        WaitForAsyncUtils.asyncFx(() -> history.open(training)).get(TIMEOUT_S, TimeUnit.SECONDS).get(TIMEOUT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Label status = (Label) history.lookup("#history-status");
        assertTrue(history.following(), "a cell under way is followed");
        assertTrue(status.getText().contains(": running"), status.getText());

        release.countDown();
        other.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        assertEquals(List.of(), failures);
        assertTrue(Files.isDirectory(new SweepFolder(dir).cellDir(id)) && !Files.exists(training), "renamed when finished");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !history.following());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(status.getText().contains(": finished"), "read again under its finished name: " + status.getText());
    }
}
