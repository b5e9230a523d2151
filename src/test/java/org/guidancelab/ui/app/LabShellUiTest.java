package org.guidancelab.ui.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.ui.builder.FakeDialogs;
import org.guidancelab.ui.builder.Library;
import org.guidancelab.ui.builder.MainWindow;
import org.guidancelab.ui.builder.Theme;
import org.guidancelab.ui.dashboard.RunDialogs;
import org.guidancelab.ui.run.ActiveRun;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's tabs: the builder's Run trains in the background, and closing during a run asks and stops cleanly. */
@ExtendWith(ApplicationExtension.class)
class LabShellUiTest {
    private static final ExperimentSpec LONG_RUN = new ExperimentSpec("shell test", "",
            new NetworkSpec("guide", List.of(Layers.Input.real("in", 2), Layers.Dense.of("g1", 12, ActivationFn.TANH),
                    new Layers.Output("out", 3, false))),
            new NetworkSpec("target", List.of(Layers.Input.real("in", 2), Layers.Dense.of("t1", 12, ActivationFn.RELU),
                    new Layers.Output("out", 3, false))),
            new DatasetSpec("blobs", Map.of("train", 128, "validation", 64, "test", 8)),
            List.of(ArmSpec.guidedUntrained("guided")),
            new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 32, 100_000, 1000, 0, 3L), Pairing.rule());

    /** The target lane's block t1, as the builder names its blocks (see BlockView.blockId). */
    private static final String T1 = "#target-t1";

    private final FakeDialogs builderDialogs = new FakeDialogs();
    private final List<String> asked = new ArrayList<>();
    private boolean answer;
    private MainWindow window;
    private TrainingService service;
    private LabShell shell;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        Theme.LIGHT.apply();
        window = new MainWindow(Library.of(List.of(), List.of(), LONG_RUN), builderDialogs);
        service = new TrainingService(RunSettings.defaults().withRunsDir(Files.createTempDirectory("shell-runs")));
        shell = new LabShell(window, service, new RunDialogs() {
            @Override
            public boolean confirm(String title, String message) {
                asked.add(message);
                return answer;
            }

            @Override
            public Optional<Path> chooseExportFile(String title, String suggestedName) {
                return Optional.empty();
            }

            @Override
            public void showError(String title, String message) {
                asked.add("error: " + message);
            }
        });
        stage.setScene(new Scene(shell, 1260, 780));
        stage.sizeToScene(); // the primary stage is shared by test classes: an earlier one may have resized it
        stage.show();
        this.stage = stage;
    }

    /**
     * Keys go to the focused window: windows of earlier test classes may still be open in the same JVM, so the
     * test's own window is brought to the front and focused before it types.
     */
    private void focusWindow(FxRobot robot) {
        robot.interact(() -> {
            stage.toFront();
            stage.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isFocused(), "the test window has the keyboard");
    }

    @AfterEach
    void shutdown() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> shell.shutdown()).get(60, TimeUnit.SECONDS);
    }

    /**
     * JavaFX paints a region whose background has several fills from a cached image stretched in nine slices, and
     * in software that costs tens of milliseconds for a region the size of the dashboard each time a chart inside it
     * changes (JFR of PulseGapBenchmark under Modena, whose split and scroll panes have two fills: most of the
     * render thread's time). The app's theme gives them one fill; this keeps it so.
     */
    @Test
    void theDashboardsLargeContainersPaintTheirBackgroundInOneFill(FxRobot robot) {
        robot.interact(() -> shell.showTab("tab-dashboard"));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> offenders = new ArrayList<>();
        robot.interact(() -> collectMultiFill(shell.dashboard(), offenders));
        assertTrue(shell.dashboard().getWidth() > 0, "the dashboard is laid out");
        assertEquals(List.of(), offenders, "large regions painting several background fills");
    }

    private static void collectMultiFill(javafx.scene.Node node, List<String> out) {
        if (node instanceof javafx.scene.layout.Region r && r.getWidth() * r.getHeight() > 100_000
                && r.getBackground() != null && r.getBackground().getFills().size() > 1) {
            out.add(r.getClass().getSimpleName() + r.getStyleClass() + " " + (int) r.getWidth() + "x"
                    + (int) r.getHeight() + ": " + r.getBackground().getFills().size() + " fills");
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collectMultiFill(c, out));
        }
    }

    @Test
    void builderEditingKeysDoNotReachTheBuilderFromTheOtherTabs(FxRobot robot) {
        focusWindow(robot); // on top, so the robot's clicks land on this window and not an earlier test's
        robot.clickOn(window.lookup(T1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> shell.showTab("tab-history"));
        WaitForAsyncUtils.waitForFxEvents(); // the tab's content is laid out and shown before the robot clicks
        robot.clickOn("#runs-table");
        assertEquals(robot.lookup("#runs-table").query(), window.getScene().getFocusOwner(),
                "the history list has the focus when Delete is pressed");
        focusWindow(robot);
        robot.type(javafx.scene.input.KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.document().getSpec().target().layers().stream().anyMatch(l -> l.name().equals("t1")),
                "Delete in the history list must not delete the selected block");
        robot.interact(() -> shell.showTab("tab-builder"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(window.lookup(T1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(window.lookup(T1),
                window.getScene().getFocusOwner(), "a click on a block gives it the focus, away from the hidden history list");
        focusWindow(robot);
        robot.type(javafx.scene.input.KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.document().getSpec().target().layers().stream().anyMatch(l -> l.name().equals("t1")),
                "in the builder Delete still deletes it");
    }

    @Test
    void runTrainsTheExperimentAsItWasWhileTheBuilderStaysEditableAndClosingAsksThenStopsCleanly(FxRobot robot)
            throws Exception {
        robot.clickOn("#run-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tab-dashboard", shell.getSelectionModel().getSelectedItem().getId());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> service.currentProperty().get() != null);
        ActiveRun task = service.currentProperty().get();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> task.feed().progress().step() >= 5);

        // edits in the builder apply to the next run, not this one
        WaitForAsyncUtils.asyncFx(() -> window.document().load(LONG_RUN.withTitle("edited", ""), null)).get();
        assertEquals("shell test", task.experiment().title());

        answer = false;
        assertFalse(WaitForAsyncUtils.asyncFx(() -> shell.confirmClose()).get(60, TimeUnit.SECONDS));
        assertEquals(1, asked.size());
        assertTrue(service.isRunning() && !task.session().isCancelled(), "refusing to close keeps training");

        answer = true;
        assertTrue(WaitForAsyncUtils.asyncFx(() -> shell.confirmClose()).get(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> service.lastOutcomeProperty().get() != null);
        assertEquals(RunStatus.STOPPED, service.lastOutcomeProperty().get().status());
        RunRecord rec = RunReader.read(task.dir());
        assertEquals(RunStatus.STOPPED, rec.status().status());
        int last = rec.lastTaskRow("guided").step();
        assertTrue(last >= 5);
        assertEquals(last, rec.checkpoints().get("guided").step(), "every finished step kept, checkpoint at the last");
    }
}
