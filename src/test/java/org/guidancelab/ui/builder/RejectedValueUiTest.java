package org.guidancelab.ui.builder;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.guidancelab.arch.Layers;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Lane;
import org.guidancelab.ui.model.Problem;
import org.guidancelab.ui.model.Starters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the builder shows is what runs: a value typed into a field and refused stays visible as refused on the
 * field, in the problems list and on the Run button until it is fixed or reverted. One test per kind of field,
 * typed with the robot like a user would.
 */
@ExtendWith(ApplicationExtension.class)
class RejectedValueUiTest {
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final ExperimentSpec start = Starters.newExperiment();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        window = new MainWindow(Library.of(List.of(), List.of(), start), new FakeDialogs());
        stage.setScene(new Scene(window, 1260, 780));
        stage.sizeToScene(); // the primary stage is shared by test classes: an earlier one may have resized it
        stage.show();
    }

    private ExperimentDocument doc() {
        return window.document();
    }

    @Test
    void aRefusedLayerFieldIsShownAsRefusedUntilFixed(FxRobot robot) throws Exception {
        robot.clickOn(window.lookup("#" + BlockView.blockId(Lane.TARGET, "dense1")));
        retype(robot, "#prop-units", "-5").type(KeyCode.TAB);

        String message = "target layer 2 'dense1' (units): units must be at least 1 (got -5)";
        assertRefused(robot, "#prop-units", "-5", message, message);
        assertTrue(onFx(() -> window.lookup("#" + BlockView.blockId(Lane.TARGET, "dense1")).getStyleClass()
                .contains(Styles.BLOCK_ERROR)), "the block the refused value belongs to turns red");
        assertEquals(start, doc().getSpec(), "the refused value never entered the experiment");

        retype(robot, "#prop-units", "64").type(KeyCode.TAB);
        assertClean(robot, "#prop-units", "64");
        assertEquals(64, ((Layers.Dense) doc().getSpec().target().layer(2)).units(), "the value shown is in force");
    }

    @Test
    void aRefusedTrainingSettingIsShownAsRefusedUntilFixed(FxRobot robot) throws Exception {
        retype(robot, "#set-steps", "-5").type(KeyCode.TAB);

        assertRefused(robot, "#set-steps", "-5", "steps must be at least 1 (got -5)",
                "Training: steps must be at least 1 (got -5)");
        assertEquals(start, doc().getSpec());

        // another edit elsewhere neither applies nor forgets the refused text
        retype(robot, "#set-alpha", "0.5").type(KeyCode.TAB);
        assertEquals(0.5, doc().getSpec().training().alpha());
        assertRefused(robot, "#set-steps", "-5", "steps must be at least 1 (got -5)",
                "Training: steps must be at least 1 (got -5)");

        retype(robot, "#set-steps", "250").type(KeyCode.ENTER);
        assertClean(robot, "#set-steps", "250");
        assertEquals(250, doc().getSpec().training().steps());
    }

    @Test
    void refusedDatasetParametersAreShownAsRefusedUntilFixed(FxRobot robot) throws Exception {
        retype(robot, "#set-datasetParams", "-5").type(KeyCode.TAB);

        String message = "dataset parameters: expected key=value, got \"-5\"";
        assertRefused(robot, "#set-datasetParams", "-5", message, "Data: " + message);
        assertEquals(start, doc().getSpec());

        retype(robot, "#set-datasetParams", "train=200").type(KeyCode.TAB);
        assertClean(robot, "#set-datasetParams", "train=200");
        assertEquals(Map.of("train", 200), doc().getSpec().dataset().params());
    }

    @Test
    void datasetParametersTheDataWouldRefuseAreShownAsProblemsAndDisableRun(FxRobot robot) throws Exception {
        retype(robot, "#set-datasetParams", "train=-5").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        List<String> listed = onFx(this::problemLines);
        boolean runDisabled = onFx(() -> robot.lookup("#run-button").queryButton().isDisabled());
        assertAll(
                () -> assertTrue(listed.stream().anyMatch(l -> l.contains("'train'") && l.contains("between 0 and")),
                        () -> "the problems list names the parameter and its range: " + listed),
                () -> assertTrue(runDisabled, "Run is disabled"));

        retype(robot, "#set-datasetParams", "train=200").type(KeyCode.TAB);
        assertClean(robot, "#set-datasetParams", "train=200");
    }

    @Test
    void aRefusedArmFieldIsShownAsRefusedAndEscapeGoesBackToTheValueInForce(FxRobot robot) throws Exception {
        retype(robot, "#set-warmup", "-5").type(KeyCode.TAB);

        String message = "warmup must not be negative (got -5)";
        assertRefused(robot, "#set-warmup", "-5", message, "Arms: " + message);
        assertEquals(start, doc().getSpec());

        robot.clickOn("#set-warmup").type(KeyCode.ESCAPE);
        assertClean(robot, "#set-warmup", "0");
        assertEquals(start, doc().getSpec());

        retype(robot, "#set-warmup", "100").type(KeyCode.TAB);
        assertClean(robot, "#set-warmup", "100");
        assertEquals(List.of(0, 100), doc().getSpec().arms().stream().map(ArmSpec::guidanceSteps).toList(),
                "the guided arm guides for the first 100 steps");
    }

    /** Clicks into the field (scrolled into view first), selects all its text and types {@code text}. */
    private FxRobot retype(FxRobot robot, String id, String text) throws Exception {
        onFx(() -> scrollIntoView(window.lookup(id)));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        return robot.write(text);
    }

    /** Everything the user must see of a refused value, checked all at once so a failure lists every gap. */
    private void assertRefused(FxRobot robot, String id, String typed, String fieldMessage, String problem) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup(id).queryAs(TextField.class);
        String text = onFx(field::getText);
        boolean marked = onFx(() -> field.getPseudoClassStates().contains(DANGER));
        String tip = onFx(() -> field.getTooltip() == null ? "" : field.getTooltip().getText());
        List<String> listed = onFx(this::problemLines);
        boolean runDisabled = onFx(() -> robot.lookup("#run-button").queryButton().isDisabled());
        String reason = onFx(() -> robot.lookup("#run-reason").queryLabeled().getText());
        double runShort = onFx(() -> robot.lookup("#run-button").queryButton().prefWidth(-1)
                - robot.lookup("#run-button").queryButton().getWidth());
        assertAll(
                () -> assertEquals(typed, text, "the field keeps what was typed"),
                () -> assertTrue(marked, "the field is marked as refused"),
                () -> assertTrue(tip.contains(fieldMessage), () -> "the field's tooltip says why: " + tip),
                () -> assertTrue(listed.contains(problem), () -> "the problems list names it: " + listed),
                () -> assertTrue(runDisabled, "Run is disabled"),
                () -> assertTrue(reason.startsWith(problem), () -> "Run says why: " + reason),
                () -> assertTrue(runShort < 1, () -> "the reason shortens itself, not Run (short by " + runShort + " px)"));
    }

    private void assertClean(FxRobot robot, String id, String shown) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup(id).queryAs(TextField.class);
        String text = onFx(field::getText);
        boolean marked = onFx(() -> field.getPseudoClassStates().contains(DANGER));
        List<String> listed = onFx(this::problemLines);
        boolean runDisabled = onFx(() -> robot.lookup("#run-button").queryButton().isDisabled());
        assertAll(
                () -> assertEquals(shown, text),
                () -> assertFalse(marked, "the field is no longer marked"),
                () -> assertEquals(List.of(), listed),
                () -> assertFalse(runDisabled, "Run is enabled again"));
    }

    @SuppressWarnings("unchecked")
    private List<String> problemLines() {
        ListView<Problem> list = (ListView<Problem>) window.lookup("#problems");
        return list.getItems().stream().map(Problem::describe).toList();
    }

    /**
     * Scrolls the side panel so that {@code node} is on screen (the settings lie below the property editor); the
     * side panel is the outermost scroll pane, each property sheet has its own.
     */
    private static Void scrollIntoView(Node node) {
        ScrollPane outer = null;
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane s) {
                outer = s;
            }
        }
        if (outer != null) {
            ScrollPane s = outer;
            double contentHeight = s.getContent().getBoundsInLocal().getHeight();
            double viewport = s.getViewportBounds().getHeight();
            double y = s.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY();
            s.setVvalue(contentHeight <= viewport ? 0 : Math.min(1, Math.max(0, (y - viewport / 3) / (contentHeight - viewport))));
            s.layout();
        }
        return null;
    }

    /** Reads the scene graph on the FX thread (polling it from the test thread raced layout pulses on CI). */
    private static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
