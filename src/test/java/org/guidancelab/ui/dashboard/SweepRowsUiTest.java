package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.session.RunFolder;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;
import org.guidancelab.sweep.SweepRunner;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;
import org.guidancelab.ui.sweep.SweepDraft;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Past sweeps (the sweeps folder beside the runs folder) are rows of the runs table and reopen in the Sweep tab. */
@ExtendWith(ApplicationExtension.class)
class SweepRowsUiTest {
    private static final long TIMEOUT_S = 120;

    private final List<Path> openedSweeps = new CopyOnWriteArrayList<>();
    private TrainingService service;
    private HistoryView history;
    private Path sweep;
    private Path run;

    @Start
    void start(Stage stage) throws Exception {
        Path root = Files.createTempDirectory("sweep-rows");
        Path runs = Files.createDirectories(root.resolve("runs"));
        RunSettings settings = RunSettings.defaults().withRunsDir(runs);
        RunSession s = RunSession.fresh(TinyExperiments.blobs("a run", 4, 2, ArmSpec.baseline("baseline")),
                RunFolder.under(runs), SessionOptions.defaults().withThreads(1));
        s.run();
        run = s.directory();
        SweepPlan plan = new SweepDraft(TinyExperiments.blobs("tiny", 4, 2, ArmSpec.baseline("baseline")), "past sweep",
                List.of(new SweepDraft.AxisDraft("training.alpha", "0, 1")), 1).plan();
        sweep = settings.sweepsDir().resolve("past");
        new SweepRunner(plan, sweep, new LocalExecutor(1), SessionCellTrainer.forJobs(1))
                .run(null, new CancelSignal(), new SweepProgress() { });
        service = new TrainingService(settings);
        history = new HistoryView(service, new FakeRunDialogs());
        history.setOnOpenSweep(openedSweeps::add);
        stage.setScene(new Scene(history, 1260, 780));
        stage.show();
    }

    @AfterEach
    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(service::shutdown).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    @Test
    void aPastSweepIsARowThatReopensInTheSweepTab() throws Exception {
        WaitForAsyncUtils.asyncFx(history::refresh).get(TIMEOUT_S, TimeUnit.SECONDS).get(TIMEOUT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        List<RunEntry> rows = history.list().getItems();
        assertEquals(2, rows.size(), rows.toString());
        RunEntry row = rows.stream().filter(RunEntry::sweep).findFirst().orElseThrow();
        assertEquals(sweep, row.dir());
        assertEquals("sweep: past sweep", row.title());
        assertEquals(RunStatus.FINISHED, row.status());
        assertEquals("2 / 2 cells", row.stepsText());
        assertTrue(rows.stream().anyMatch(r -> !r.sweep() && r.dir().equals(run)));
        assertTrue(((javafx.scene.control.Label) history.lookup("#history-status")).getText().contains("1 run, 1 sweep"));

        WaitForAsyncUtils.asyncFx(() -> history.list().getSelectionModel().select(row)).get(TIMEOUT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(((Button) history.lookup("#history-delete")).isDisabled(), "a sweep is not deleted as a run");
        assertTrue(((Button) history.lookup("#history-resume")).isDisabled());
        WaitForAsyncUtils.asyncFx(() -> history.openSelected()).get(TIMEOUT_S, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(sweep), openedSweeps, "opening the row hands its folder to the Sweep tab");
    }
}
