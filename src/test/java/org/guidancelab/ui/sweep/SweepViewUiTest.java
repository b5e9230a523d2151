package org.guidancelab.ui.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.guidancelab.engine.train.TinyExperiments;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.figures.ChartCsv;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.CellTrainer;
import org.guidancelab.sweep.LocalExecutor;
import org.guidancelab.sweep.SessionCellTrainer;
import org.guidancelab.sweep.SweepPlan;
import org.guidancelab.sweep.SweepProgress;
import org.guidancelab.sweep.SweepRunner;
import org.guidancelab.ui.Truncation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sweep tab headless: a tiny sweep built in the tab (two values of one axis, two seeds, a few steps) runs to the
 * end with every cell filled and its chart drawn, a cell opens its run, and a folder another runner fills is followed
 * while it fills.
 */
@ExtendWith(ApplicationExtension.class)
class SweepViewUiTest {
    private static final long TIMEOUT_S = 180;

    @TempDir
    Path tmp;

    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private final ExperimentSpec base = TinyExperiments.blobs("tiny sweep", 8, 4, ArmSpec.baseline("baseline"),
            ArmSpec.guidedUntrained("guided"));
    private SweepView view;
    private Stage stage;

    private final SweepDialogs dialogs = new SweepDialogs() {
        @Override
        public Optional<Path> chooseSweepFile() {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String suggestedName) {
            return Optional.of(tmp.resolve(suggestedName));
        }

        @Override
        public Optional<Path> chooseSweepFolder() {
            return Optional.empty();
        }

        @Override
        public void showError(String title, String message) {
            throw new AssertionError(title + ": " + message);
        }
    };

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        view = new SweepView(() -> base, Files.createTempDirectory("sweeps"), dialogs, opened::add);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
    }

    @AfterEach
    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(30, TimeUnit.SECONDS);
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private boolean allFinished(int cells) {
        SweepSnapshot s = view.shown();
        return s != null && s.plan().cells().size() == cells && s.finished() == cells;
    }

    @Test
    void aSweepWithoutAxesShowsWhatToDoNextAsAHintNotAnError() throws Exception {
        fx(() -> view.useOpenExperiment());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.planInfo().getText().equals(SweepDraft.NO_AXIS));
        assertEquals("", view.message().getText(), "nothing is wrong yet: the red message line stays empty");
    }

    @Test
    void aSweepBuiltInTheTabRunsToTheEndFillsEveryCellDrawsItsChartAndOpensACellsRun() throws Exception {
        fx(() -> {
            view.useOpenExperiment();
            view.addAxis("training.alpha", "0.5, 2");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.planInfo().getText().startsWith("4 cells"));
        assertTrue(view.planInfo().getText().contains("2 alpha × 2 seeds"), view.planInfo().getText());
        assertEquals("", view.message().getText());
        assertTrue(view.axisRows().get(0).expects.getText().contains("1.0"), "the current value: "
                + view.axisRows().get(0).expects.getText());

        fx(() -> ((Button) view.lookup("#sweep-run")).fire());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> allFinished(4) && !view.isRunning());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> view.chart().isUpToDate()
                && !ChartCsv.csv(view.chart().getChart()).lines().skip(1).toList().isEmpty());
        // the chart: both arms' mean over the two seeds at alpha 0.5 and 2
        String csv = ChartCsv.csv(view.chart().getChart());
        assertTrue(csv.contains("baseline") && csv.contains("guided"), csv);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> tiles = WaitForAsyncUtils.asyncFx(() -> SweepGrid.ids(view.shown()).stream().map(cell -> {
            Button tile = view.grid().tile(cell);
            return tile.getUserData() + " " + tile.getText();
        }).toList()).get(30, TimeUnit.SECONDS);
        assertEquals(4, tiles.size());
        for (String tile : tiles) {
            assertTrue(tile.startsWith("FINISHED ") && java.util.regex.Pattern.compile("guided  [01]\\.\\d{3}").matcher(tile).find()
                    && tile.contains("baseline  "), tile);
        }
        assertTrue(view.state().getText().startsWith("Finished: 4 of 4"), view.state().getText());

        String first = SweepGrid.ids(view.shown()).get(0);
        fx(() -> view.grid().tile(first).fire());
        assertEquals(1, opened.size());
        assertTrue(Files.isRegularFile(opened.get(0).resolve(RunFiles.METRICS)), opened.get(0).toString());

        // nothing in the tab is cut short at 1280x720
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            view.applyCss();
            view.layout();
            return Truncation.under(view);
        }).get(30, TimeUnit.SECONDS);
        assertEquals(List.of(), cut);

        // the sweep saves as a file that opens again into the same axes
        fx(() -> ((Button) view.lookup("#sweep-save")).fire());
        Path saved = tmp.resolve("tiny-sweep-sweep.json");
        assertTrue(Files.isRegularFile(saved), "saved as " + saved);
        fx(() -> view.openFile(saved));
        assertEquals("training.alpha", view.axisRows().get(0).picker().getValue().path());
        assertEquals("0.5, 2", view.axisRows().get(0).values().getText());
    }

    @Test
    void badValuesSayWhatIsWrongInWords() throws Exception {
        fx(() -> {
            view.useOpenExperiment();
            view.addAxis("training.alpha", "-1, 2");
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !view.message().getText().isEmpty());
        assertTrue(view.message().getText().contains("-1"), view.message().getText());
        fx(() -> view.axisRows().get(0).values().setText("0..1 x"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.message().getText().contains("range"));
        assertTrue(view.planInfo().getText().isBlank());
    }

    @Test
    void aFolderAnotherRunnerFillsIsFollowedWhileItFills() throws Exception {
        SweepDraft draft = new SweepDraft(base, "followed", List.of(new SweepDraft.AxisDraft("training.alpha", "0.5, 2")), 1);
        SweepPlan plan = draft.plan();
        Path dir = tmp.resolve("followed");
        // The other runner holds its second cell until the test has seen the first one finished in the grid.
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        CellTrainer real = SessionCellTrainer.forJobs(1);
        CellTrainer held = (cell, folder, cancel, listener) -> {
            if (started.incrementAndGet() == 2) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return real.train(cell, folder, cancel, listener);
        };
        List<Throwable> failures = new ArrayList<>();
        Thread other = new Thread(() -> {
            try {
                new SweepRunner(plan, dir, new LocalExecutor(1), held).run(null, new CancelSignal(), new SweepProgress() { });
            } catch (Exception e) {
                failures.add(e);
            }
        }, "other-runner");
        other.start();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Files.isRegularFile(dir.resolve("plan.json")));
        fx(() -> view.follow(dir));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> view.shown() != null && view.shown().finished() == 1);
        SweepSnapshot mid = view.shown();
        assertEquals(2, mid.plan().cells().size());
        assertEquals(1, SweepGrid.ids(mid).stream().filter(c -> mid.statusOf(c) == CellStatus.FINISHED).count());
        release.countDown();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> allFinished(2));
        other.join(TimeUnit.SECONDS.toMillis(TIMEOUT_S));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), failures);
        assertTrue(view.progress().getText().contains("2 of 2 cells finished"), view.progress().getText());
        assertTrue(view.state().getText().startsWith("Following " + dir), view.state().getText());
    }
}
