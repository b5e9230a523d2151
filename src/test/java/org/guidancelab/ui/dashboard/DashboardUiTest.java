package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.figures.CkaHeatmap;
import org.guidancelab.figures.GuidanceMarker;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.ui.run.ActiveRun;
import org.guidancelab.ui.run.RunJob;
import org.guidancelab.ui.run.RunOutcome;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard and the history driven like a user would, headless, on tiny runs (2-D blobs, small MLPs): live curves
 * of every arm, heatmap history, export, pause/resume/stop, failures in the open, reopening and resuming runs.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    private static final long TIMEOUT_S = 120;
    /** Steps of a run the test stops itself: far more than it can reach (a tiny step takes well under a millisecond). */
    private static final int LONG_STEPS = 1_000_000;

    @TempDir
    Path tmp;

    private final FakeRunDialogs dialogs = new FakeRunDialogs();
    private final List<RunOutcome> outcomes = new CopyOnWriteArrayList<>();
    private TrainingService service;
    private Dashboard dashboard;
    private HistoryView history;
    private TabPane tabs;

    @Start
    void start(Stage stage) throws Exception {
        Path runs = Files.createTempDirectory("dashboard-ui-runs");
        RunSettings settings = RunSettings.defaults().withRunsDir(runs)
                .withOptions(RunSettings.defaults().options().withProbeSize(64));
        service = new TrainingService(settings);
        service.addOnFinished(outcomes::add);
        dashboard = new Dashboard(service, dialogs);
        history = new HistoryView(service, dialogs);
        tabs = new TabPane(new Tab("Dashboard", dashboard), new Tab("History", history));
        stage.setScene(new Scene(tabs, 1260, 780));
        stage.sizeToScene(); // the primary stage is shared by test classes: an earlier one may have resized it
        stage.show();
    }

    @AfterEach
    void stopTraining() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> service.shutdown()).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    private void submit(ExperimentSpec spec) {
        fx(() -> service.submit(RunJob.fresh(spec)));
    }

    /** Runs a history action on the FX thread and waits until its background work is on screen. */
    private static void done(java.util.function.Supplier<java.util.concurrent.CompletableFuture<Void>> action) {
        try {
            WaitForAsyncUtils.asyncFx(action::get).get(TIMEOUT_S, TimeUnit.SECONDS).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private RunOutcome awaitOutcome(int count) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> outcomes.size() >= count);
        WaitForAsyncUtils.waitForFxEvents();
        return outcomes.get(count - 1);
    }

    private ActiveRun current() {
        return service.currentProperty().get();
    }

    private void awaitTaskStep(ActiveRun t, int step) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> t.feed().progress().step() >= step
                || current() != t);
    }

    @Test
    void aRunToTheEndShowsEveryArmOnTheChartsAndTheHeatmapChangesBetweenEvaluations() throws Exception {
        submit(TinyRuns.experiment(30));
        RunOutcome o = awaitOutcome(1);
        assertEquals(RunStatus.FINISHED, o.status(), o.message());
        LiveCurves curves = dashboard.curves();
        for (String arm : List.of(TinyRuns.BASELINE, TinyRuns.GUIDED)) {
            assertEquals(30, curves.chart(Metrics.TASK_LOSS).pointCount(arm), arm);
            assertEquals(3, curves.chart(Metrics.VAL_LOSS).pointCount(arm), arm + ": evaluations at 10, 20, 30");
            assertEquals(3, curves.chart(Metrics.VAL_ACCURACY).pointCount(arm), arm);
        }
        assertEquals(30, curves.chart(Metrics.GUIDANCE_LOSS).pointCount(TinyRuns.GUIDED));
        assertEquals(0, curves.chart(Metrics.GUIDANCE_LOSS).pointCount(TinyRuns.BASELINE), "unguided: no flat 0 line");
        // rule pairing of 2 guide taps onto 2 target taps: two pairs, each a CKA curve of the guided arm
        assertEquals(30, curves.chart(LiveCurves.PAIR_CKA).pointCount(TinyRuns.GUIDED + " · pair 0 (t1–g1)"));
        assertEquals(30, curves.chart(LiveCurves.PAIR_CKA).pointCount(TinyRuns.GUIDED + " · pair 1 (t2–g2)"));

        List<CkaHeatmap> maps = dashboard.heatmap().history(TinyRuns.GUIDED);
        assertEquals(List.of(0, 10, 20, 30), maps.stream().map(CkaHeatmap::step).toList(), "before training, then each evaluation");
        double change = 0;
        for (int r = 0; r < maps.get(0).rows(); r++) {
            for (int c = 0; c < maps.get(0).cols(); c++) {
                change += Math.abs(maps.get(3).value(r, c) - maps.get(0).value(r, c));
            }
        }
        assertTrue(change > 1e-3, "guidance moves the target's CKA with the guide, change " + change);
        assertEquals(List.of("t1", "t2"), maps.get(0).rowTaps());
        assertTrue(maps.get(0).isPair(0, 0) && maps.get(0).isPair(1, 1), "the loss pairs are outlined");

        RunRecord rec = RunReader.read(o.dir());
        assertEquals(RunStatus.FINISHED, rec.status().status());
        assertEquals(30, rec.taskRows(TinyRuns.GUIDED).size());
        assertTrue(dashboard.controls().progressText().getText().startsWith("Finished"));
        assertEquals("", dashboard.bannerText());
    }

    @Test
    void bothArmsGrowOnTheChartsBeforeEitherHasFinishedAndTheHeatmapStaysOnTheChosenArm() throws Exception {
        submit(TinyRuns.experiment(LONG_STEPS));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> current() != null);
        ActiveRun task = current();
        HeatmapPanel panel = dashboard.heatmap();
        LiveCurves curves = dashboard.curves();
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> panel.armChooser().getItems().contains(TinyRuns.GUIDED));
        fx(() -> panel.armChooser().setValue(TinyRuns.GUIDED));
        // Polled on the FX thread, which owns the charts: both arms' points, several evaluations of each.
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                curves.chart(Metrics.TASK_LOSS).pointCount(TinyRuns.BASELINE) >= 40
                        && curves.chart(Metrics.TASK_LOSS).pointCount(TinyRuns.GUIDED) >= 40
                        && panel.history(TinyRuns.BASELINE).size() >= 3 && panel.history(TinyRuns.GUIDED).size() >= 3).get());
        assertSame(task, current(), "the run goes on");
        RunRecord running = RunReader.read(task.dir());
        for (String arm : List.of(TinyRuns.BASELINE, TinyRuns.GUIDED)) {
            assertEquals(RunStatus.RUNNING, running.status().arms().get(arm).status(), arm + " has not finished");
        }
        assertEquals(TinyRuns.GUIDED, panel.armChooser().getValue(), "the evaluations of the other arm leave the choice");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> panel.shown() != null);
        CkaHeatmap shown = panel.shown();
        assertTrue(panel.history(TinyRuns.GUIDED).contains(shown), "the heatmap shown is the guided arm's");
        assertTrue(dashboard.controls().progressText().getText().contains("2 arms side by side"),
                dashboard.controls().progressText().getText());
        // the long progress line wraps rather than ending in "..." (nor are the buttons cut)
        List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
            dashboard.applyCss();
            dashboard.layout();
            return org.guidancelab.ui.Truncation.under(dashboard.controls());
        }).get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(List.of(), cut);
        fx(() -> service.stop());
        RunOutcome stopped = awaitOutcome(1);
        RunRecord rec = RunReader.read(stopped.dir());
        for (String arm : List.of(TinyRuns.BASELINE, TinyRuns.GUIDED)) {
            assertEquals(rec.lastTaskRow(arm).step(), rec.checkpoints().get(arm).step(), arm + " checkpoints at the stop");
        }
    }

    @Test
    void exportingTheDashboardWritesOnePngAtTwiceItsSize() throws Exception {
        submit(TinyRuns.experiment(20));
        awaitOutcome(1);
        Path file = tmp.resolve("dashboard.png");
        dialogs.exportAnswer = file;
        Path written = WaitForAsyncUtils.asyncFx(dashboard::exportView).get(TIMEOUT_S, TimeUnit.SECONDS)
                .get(TIMEOUT_S, TimeUnit.SECONDS);
        assertEquals(file, written);
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(file.toFile());
        assertNotNull(png, "a PNG ImageIO reads");
        assertEquals(Math.round(dashboard.getWidth() * ViewExport.SCALE), png.getWidth(), 1.0);
        assertEquals(Math.round(dashboard.getHeight() * ViewExport.SCALE), png.getHeight(), 1.0);
        // not a blank page: the charts' pixels vary
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < png.getWidth(); x += 7) {
            colours.add(png.getRGB(x, png.getHeight() / 2));
        }
        assertTrue(colours.size() > 10, colours.size() + " colours across the middle");
    }

    @Test
    void theHeatmapSliderScrubsBackAndTheBeforeAfterViewShowsBothSteps(FxRobot robot) throws Exception {
        submit(TinyRuns.experiment(30));
        awaitOutcome(1);
        HeatmapPanel panel = dashboard.heatmap();
        fx(() -> panel.armChooser().setValue(TinyRuns.GUIDED));
        assertEquals(30, shownStep(panel), "follows the newest evaluation");
        fx(() -> panel.slider().setValue(0));
        assertEquals(0, shownStep(panel), "the first heatmap is the untrained target's");
        fx(() -> panel.slider().setValue(1));
        assertEquals(10, shownStep(panel));
        fx(() -> panel.slider().setValue(3));
        fx(() -> panel.beforeAfterToggle().setSelected(true));
        awaitDrawn(panel.viewer()); // the chart is built on the renderer
        assertEquals(2, org.guidancelab.figures.ChartCsv.csv(panel.viewer().getChart()).lines()
                .skip(1).map(l -> l.split(",")[1]).distinct().count(), "before/after holds steps 0 and 30");
        fx(() -> panel.beforeAfterToggle().setSelected(false));
        // hovering the top-left cell names both layers and the value
        ChartImageView v = panel.viewer();
        awaitDrawn(v);
        var area = v.getRenderingInfo().getPlotInfo().getDataArea();
        String text = panel.describeAt(area.getMinX() + 3, area.getMinY() + 3);
        CkaHeatmap h = panel.shown();
        assertEquals(HeatmapHover.describe(h, 0, 0), text);
        assertTrue(text.startsWith("Target t1 × Guide g1: CKA "), text);
        robot.moveTo(v).moveBy(-v.getWidth() / 2 + area.getMinX() + 3, -v.getHeight() / 2 + area.getMinY() + 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(text, robot.lookup("#heatmap-hover").queryLabeled().getText());
    }

    @Test
    void exportFromTheContextMenuWritesA2xPngAnSvgAndTheCsv() throws Exception {
        submit(TinyRuns.experiment(20));
        awaitOutcome(1);
        ChartImageView viewer = (ChartImageView) dashboard.lookup("#chart-train-task_loss");
        assertNotNull(viewer);
        Path png = tmp.resolve("loss.png");
        dialogs.exportAnswer = png;
        fx(() -> menuItem(viewer, "export-png").fire());
        assertTrue(Files.isRegularFile(png));
        BufferedImage img = ImageIO.read(png.toFile());
        assertNotNull(img, "a readable PNG");
        assertEquals(2 * Math.max(ChartExport.MIN_SIZE, (int) Math.round(viewer.getWidth())), img.getWidth());
        Path svg = tmp.resolve("loss.svg");
        dialogs.exportAnswer = svg;
        fx(() -> menuItem(viewer, "export-svg").fire());
        assertTrue(Files.readString(svg).contains("<svg"));
        Path csv = tmp.resolve("loss.csv");
        dialogs.exportAnswer = csv;
        fx(() -> menuItem(viewer, "export-csv").fire());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(org.guidancelab.figures.ChartCsv.CURVE_HEADER, lines.get(0));
        assertEquals(1 + 2 * 20, lines.size(), "20 training-loss points per arm");
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    /** First and last step on the training-loss chart for an arm, read on the FX thread. */
    private double[] chartedSteps(String arm) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            org.jfree.data.xy.XYDataset d = dashboard.curves().chart(Metrics.TASK_LOSS).chart().getXYPlot().getDataset();
            int i = d.indexOf(arm);
            int last = i < 0 ? -1 : d.getItemCount(i) - 1;
            return last < 0 ? new double[] {Double.NaN, 0} : new double[] {d.getXValue(i, 0), d.getXValue(i, last)};
        }).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** The curves' guide markers, read on the FX thread that adds them. */
    private List<GuidanceMarker> markers() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> dashboard.curves().markers()).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** The step of the heatmap on screen, once the panel's chart (built off the FX thread) is there. */
    private static int shownStep(HeatmapPanel panel) throws Exception {
        awaitDrawn(panel.viewer());
        return WaitForAsyncUtils.asyncFx(() -> panel.shown().step()).get(TIMEOUT_S, TimeUnit.SECONDS);
    }

    /** Waits until the view's image (drawn off the FX thread) shows its current chart. */
    private static void awaitDrawn(ChartImageView v) throws Exception {
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(v::isUpToDate).get());
    }

    private static MenuItem menuItem(ChartImageView v, String id) {
        return v.getContextMenu().getItems().stream().filter(m -> id.equals(m.getId())).findFirst().orElseThrow();
    }

    @Test
    void pauseHoldsTrainingResumeContinuesStopEndsTheRunAndHistoryResumesIt(FxRobot robot) throws Exception {
        submit(TinyRuns.experiment(LONG_STEPS, 1000, OptimizerKind.ADAM, 0.01));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> current() != null);
        ActiveRun task = current();
        awaitTaskStep(task, 3);
        robot.clickOn("#run-pause");
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> task.session().isHeldAtPause());
        int held = task.feed().progress().step();
        WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
        assertEquals(held, task.feed().progress().step(), "no step while paused");
        assertTrue(task.session().isHeldAtPause());
        assertTrue(robot.lookup("#run-progress-text").queryLabeled().getText().startsWith("Paused"));
        robot.clickOn("#run-resume");
        awaitTaskStep(task, held + 5);
        assertTrue(task.feed().progress().step() >= held + 5);
        robot.clickOn("#run-stop");
        RunOutcome stopped = awaitOutcome(1);
        assertEquals(RunStatus.STOPPED, stopped.status());
        RunRecord rec = RunReader.read(stopped.dir());
        int lastStep = rec.lastTaskRow(TinyRuns.BASELINE).step();
        assertTrue(lastStep >= held + 5 && lastStep < LONG_STEPS);
        assertEquals(lastStep, rec.checkpoints().get(TinyRuns.BASELINE).step(), "stop checkpoints the last step");
        assertTrue(dashboard.controls().progressText().getText().startsWith("Stopped"));

        // the history lists the stopped run; Resume continues it after its checkpoint
        done(history::refresh);
        RunEntry entry = history.list().getItems().get(0);
        assertEquals(stopped.dir(), entry.dir());
        assertEquals(RunStatus.STOPPED, entry.status());
        fx(() -> history.list().getSelectionModel().select(entry));
        fx(history::resumeSelected);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> current() != null && current() != task);
        ActiveRun resumed = current();
        assertTrue(resumed.job().isResume());
        awaitTaskStep(resumed, lastStep + 3);
        fx(() -> service.stop());
        RunOutcome again = awaitOutcome(2);
        assertEquals(RunStatus.STOPPED, again.status());
        RunRecord after = RunReader.read(stopped.dir());
        List<Integer> steps = after.taskRows(TinyRuns.BASELINE).stream().map(r -> r.step()).toList();
        assertTrue(steps.size() > lastStep);
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(i + 1, steps.get(i), "resumed rows continue the stopped ones without a gap or repeat");
        }
        // the chart takes the streamed points a frame's worth at a time (and thins them to its width): it spans the
        // stopped run's first step to the resumed run's last once it has caught up
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> chartedSteps(TinyRuns.BASELINE)[1] >= steps.size());
        double[] span = chartedSteps(TinyRuns.BASELINE);
        assertEquals(1.0, span[0], "the resumed run shows what was recorded before it was stopped");
        assertEquals(steps.size(), span[1], 0.0);
    }

    @Test
    void aDivergingRunShowsItsMessageIsMarkedFailedAndTheAppStaysUsable() throws Exception {
        submit(TinyRuns.experiment(30, 10, OptimizerKind.SGD, 1e30));
        RunOutcome o = awaitOutcome(1);
        assertEquals(RunStatus.FAILED, o.status());
        String banner = dashboard.bannerText();
        assertTrue(banner.contains("Arm '" + TinyRuns.BASELINE + "' failed at step"), banner);
        assertTrue(banner.contains("training diverged"), banner);
        RunRecord rec = RunReader.read(o.dir());
        assertEquals(RunStatus.FAILED, rec.status().status());
        done(history::refresh);
        assertEquals(RunStatus.FAILED, history.list().getItems().get(0).status());
        // still usable: a good run after it trains to the end, and its start clears the banner
        submit(TinyRuns.experiment(10));
        assertEquals(RunStatus.FINISHED, awaitOutcome(2).status());
        assertEquals("", dashboard.bannerText());
    }

    @Test
    void aMissingCsvFileShowsTheDatasetMessageAndTheRunIsRecordedAsFailed() throws Exception {
        Path missing = tmp.resolve("nowhere").resolve("data.csv");
        ExperimentSpec spec = TinyRuns.experiment(10).withDataset(new DatasetSpec("csv", Map.of("path",
                missing.toString(), "features", 2, "classes", 3)));
        submit(spec);
        RunOutcome o = awaitOutcome(1);
        assertEquals(RunStatus.FAILED, o.status());
        assertTrue(dashboard.bannerText().contains("dataset 'csv' could not be loaded"), dashboard.bannerText());
        assertTrue(dashboard.bannerText().contains("data.csv"), dashboard.bannerText());
        RunRecord rec = RunReader.read(o.dir());
        assertEquals(RunStatus.FAILED, rec.status().status());
        assertTrue(rec.status().message().contains("data.csv"));
        assertTrue(rec.metrics().isEmpty());
        assertFalse(service.isRunning());
    }

    @Test
    void aSecondRunIsQueuedAndReopeningARunFromTheHistoryShowsItsCurves() throws Exception {
        // both in one FX action: a tiny run could otherwise end between two submissions and leave nothing queued
        fx(() -> {
            service.submit(RunJob.fresh(TinyRuns.experiment(20)));
            service.submit(RunJob.fresh(TinyRuns.experiment(10).withTitle("second", "")));
        });
        assertEquals(1, service.queuedProperty().get());
        RunOutcome first = awaitOutcome(1);
        RunOutcome second = awaitOutcome(2);
        assertEquals(RunStatus.FINISHED, first.status());
        assertEquals(RunStatus.FINISHED, second.status());
        assertEquals("second", RunReader.read(second.dir()).experiment().title());
        done(history::refresh);
        assertEquals(2, history.list().getItems().size());
        RunEntry firstEntry = history.list().getItems().stream().filter(e -> e.dir().equals(first.dir()))
                .findFirst().orElseThrow();
        fx(() -> history.list().getSelectionModel().select(firstEntry));
        done(history::openSelected);
        List<String> names = history.figures().figures().stream().map(f -> f.name()).toList();
        assertTrue(names.containsAll(List.of("loss", "accuracy", "guidance-loss", "pair-cka-guided", "cka-guided",
                "cka-guided-before-after")), names.toString());
        String csv = org.guidancelab.figures.ChartCsv.csv(history.figures().figures().get(0).chart());
        long guidedTrainingPoints = csv.lines().filter(l -> l.startsWith("Training,guided,")).count();
        assertEquals(20, guidedTrainingPoints);
        assertNotNull(history.lookup("#figure-loss"));
        Path metrics = tmp.resolve("metrics-export.csv");
        dialogs.exportAnswer = metrics;
        fx(history::exportMetricsOfSelected);
        assertEquals(Files.readAllLines(first.dir().resolve("metrics.csv")), Files.readAllLines(metrics));
        assertEquals(1 + 2 * 20, Files.readAllLines(metrics).size(), "header and 20 steps of each arm");

        // delete asks first; cancelled keeps the folder, confirmed removes it
        dialogs.confirmAnswer = false;
        done(history::deleteSelected);
        assertTrue(Files.isDirectory(first.dir()));
        dialogs.confirmAnswer = true;
        done(history::deleteSelected);
        assertFalse(Files.exists(first.dir()));
        assertEquals(1, history.list().getItems().size());
        assertEquals(2, dialogs.confirmations.size());
    }

    @Test
    void theGuideSwitchDisconnectsGuidanceAndMarksTheCurves(FxRobot robot) throws Exception {
        submit(TinyRuns.experiment(LONG_STEPS, 1000, OptimizerKind.ADAM, 0.01).withArms(
                List.of(org.guidancelab.experiment.ArmSpec.guidedUntrained(TinyRuns.GUIDED))));
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> current() != null);
        ActiveRun task = current();
        awaitTaskStep(task, 3);
        robot.clickOn("#run-guide");
        assertFalse(task.session().isGuidanceEnabled());
        assertEquals("Reconnect guide", robot.lookup("#run-guide").queryLabeled().getText());
        int off = task.feed().progress().step();
        awaitTaskStep(task, off + 3);
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> !markers().isEmpty());
        var marker = markers().get(0);
        assertEquals(TinyRuns.GUIDED, marker.arm());
        assertTrue(marker.step() > 3);
        // the run training now can be neither deleted nor resumed from the history
        done(history::refresh);
        RunEntry running = history.list().getItems().get(0);
        assertEquals(task.dir(), running.dir());
        fx(() -> history.list().getSelectionModel().select(running));
        assertTrue(robot.lookup("#history-resume").queryButton().isDisabled());
        done(history::deleteSelected);
        assertTrue(Files.isDirectory(running.dir()));
        assertTrue(dialogs.errors.get(0).contains("is training now"), dialogs.errors.toString());
        // reconnecting brings guidance back at the next step and marks that too
        robot.clickOn("#run-guide");
        assertTrue(task.session().isGuidanceEnabled());
        assertEquals("Disconnect guide", robot.lookup("#run-guide").queryLabeled().getText());
        WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, () -> markers().size() == 2);
        var back = markers().get(1);
        assertTrue(back.reconnected());
        assertFalse(marker.reconnected());
        assertTrue(back.step() > marker.step());
        fx(() -> service.stop());
        RunOutcome o = awaitOutcome(1);
        RunRecord rec = RunReader.read(o.dir());
        var rows = rec.taskRows(TinyRuns.GUIDED);
        assertEquals(1.0, rows.get(0).get(Metrics.GUIDANCE_ON));
        var offRow = rows.stream().filter(r -> r.step() == (int) marker.step() + 1).findFirst().orElseThrow();
        assertEquals(0.0, offRow.get(Metrics.GUIDANCE_ON), "the step after the last guided one trains without the guide");
        assertEquals(0.0, offRow.get(Metrics.GUIDANCE_LOSS));
        var backRow = rows.stream().filter(r -> r.step() == (int) back.step()).findFirst().orElseThrow();
        assertEquals(1.0, backRow.get(Metrics.GUIDANCE_ON));
        assertTrue(backRow.get(Metrics.GUIDANCE_LOSS) > 0.0, "guided again: the guidance loss is back");
        // the recorded run yields the same two markers as the live curves
        assertEquals(dashboard.curves().markers(), org.guidancelab.figures.GuidanceMarker.fromGuidanceOn(
                org.guidancelab.figures.RunFigureSource.from(rec).curves()).stream().filter(m -> m.step() <= back.step()).toList());
    }
}
