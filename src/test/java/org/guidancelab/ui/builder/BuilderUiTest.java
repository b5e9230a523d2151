package org.guidancelab.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkJson;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.platform.Version;
import org.guidancelab.ui.model.ArchitectureCard;
import org.guidancelab.ui.model.BlockRef;
import org.guidancelab.ui.model.GalleryItem;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Lane;
import org.guidancelab.ui.model.Starters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The builder window driven like a user would, headless (Monocle): drags, typing, keys, files. */
@ExtendWith(ApplicationExtension.class)
class BuilderUiTest {
    private static final NetworkSpec SMALL_CNN = new NetworkSpec("lib-cnn", List.of(
            Layers.Input.real("image", 1, 28, 28),
            Layers.Conv2D.same("k1", 4, 5, ActivationFn.RELU),
            new Layers.GlobalAvgPool("pool", true),
            new Layers.Output("out", 10, false)));

    private static final ExperimentSpec PRESET = Starters.newExperiment().withTarget(SMALL_CNN).withTitle("CNN guides CNN", "");

    private final ExperimentSpec start = Starters.newExperiment();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        window = new MainWindow(Library.of(List.of(new ArchitectureCard("lib-cnn", "Library CNN", "for tests", SMALL_CNN)),
                List.of(new GalleryItem("CNN guides CNN", "a preset for tests", "presets/test.json", PRESET)), start), dialogs);
        stage.setScene(new Scene(window, 1260, 780));
        stage.sizeToScene(); // the primary stage is shared by test classes: an earlier one may have resized it
        stage.show();
    }

    private ExperimentDocument doc() {
        return window.document();
    }

    private Node block(Lane lane, String name) {
        return window.lookup("#" + BlockView.blockId(lane, name));
    }

    private List<String> targetNames() {
        return doc().getSpec().target().layers().stream().map(LayerSpec::name).toList();
    }

    @Test
    void theSettingsNamesShowWholeAtTheTestSizeAndAt1280x720(FxRobot robot) throws Exception {
        for (double[] size : new double[][] {{1260, 780}, {1280, 720}}) {
            robot.interact(() -> {
                window.getScene().getWindow().setWidth(size[0]);
                window.getScene().getWindow().setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> cut = WaitForAsyncUtils.asyncFx(() -> {
                Node panel = window.lookupAll("*").stream().filter(n -> n instanceof SettingsPanel).findFirst().orElseThrow();
                panel.applyCss();
                ((javafx.scene.Parent) panel).layout();
                // the names of the settings (editors' own text, e.g. a long dataset choice, may scroll)
                return org.guidancelab.ui.Truncation.under((javafx.scene.Parent) panel).stream()
                        .filter(t -> t.startsWith("Label ")).toList();
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(List.of(), cut, "at " + (int) size[0] + "x" + (int) size[1]);
        }
    }

    @Test
    void aLayerDraggedFromThePaletteLandsAtThatGapWithItsShape(FxRobot robot) {
        // drop on the left half of dense2: the gap before it, i.e. index 3
        robot.drag("#palette-Dense").moveTo(robot.point(block(Lane.TARGET, "dense2")).atOffset(new javafx.geometry.Point2D(-40, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        Node marker = robot.lookup("#target-lane-marker").query();
        assertTrue(marker.isVisible(), "the insertion marker shows during the drag");
        assertTrue(marker.localToScene(marker.getBoundsInLocal()).getMaxX()
                <= block(Lane.TARGET, "dense2").localToScene(block(Lane.TARGET, "dense2").getBoundsInLocal()).getMinX() + 1,
                "in the gap before dense2");
        robot.drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(marker.isVisible(), "and goes away after the drop");
        assertEquals(List.of("input", "flatten", "dense1", "dense4", "dense2", "dense3", "logits"), targetNames());
        Label shape = robot.lookup("#target-dense4-shape").queryAs(Label.class);
        assertEquals("[64]", shape.getText());
        assertEquals("8.3k params", robot.lookup("#target-dense4-params").queryAs(Label.class).getText());
    }

    @Test
    void anArchitectureCardDroppedOnTheGuideReplacesIt(FxRobot robot) {
        robot.drag("#arch-lib-cnn").dropTo("#guide-lane");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SMALL_CNN, doc().getSpec().guide());
        assertNotNull(block(Lane.GUIDE, "k1"));
        assertEquals(start.target(), doc().getSpec().target());
    }

    @Test
    void blocksAreReorderedAndMovedBetweenLanesByDrag(FxRobot robot) {
        robot.drag(block(Lane.TARGET, "dense3")).dropTo(robot.point(block(Lane.TARGET, "dense1")).atOffset(new javafx.geometry.Point2D(-40, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("input", "flatten", "dense3", "dense1", "dense2", "logits"), targetNames());
        robot.drag(block(Lane.TARGET, "dense2")).dropTo(robot.point(block(Lane.GUIDE, "gap")).atOffset(new javafx.geometry.Point2D(-40, 0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("dense2", doc().getSpec().guide().layer(4).name());
        assertEquals(5, doc().getSpec().target().size());
    }

    @Test
    void aRefusedValueShowsItsMessageAndAValueThatBreaksTheExperimentDisablesRun(FxRobot robot) {
        Button run = robot.lookup("#run-button").queryButton();
        assertFalse(run.isDisabled(), () -> "the starter experiment runs: " + doc().problems());
        robot.clickOn(block(Lane.TARGET, "dense1"));
        robot.doubleClickOn("#prop-units").eraseText(3).write("-3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("target layer 2 'dense1' (units): units must be at least 1 (got -3)",
                robot.lookup("#property-error").queryAs(Label.class).getText());
        assertEquals(start, doc().getSpec(), "the refused value never entered the experiment");

        // logits lies beyond the visible part of the canvas: select it as the problems list or a scroll would
        robot.interact(() -> doc().selectionProperty().set(new BlockRef(Lane.TARGET, 5)));
        robot.doubleClickOn("#prop-classes").eraseText(2).write("3").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(run.isDisabled());
        String reason = robot.lookup("#run-reason").queryAs(Label.class).getText();
        assertTrue(reason.startsWith("target layer 5 'logits'"), reason);
        assertTrue(block(Lane.TARGET, "logits").getStyleClass().contains(Styles.BLOCK_ERROR));
    }

    @Test
    void undoAndRedoByKeyboardRestoreExactStates(FxRobot robot) {
        robot.drag("#palette-Dropout").dropTo(block(Lane.TARGET, "dense2"));
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec afterDrop = doc().getSpec();
        robot.clickOn(block(Lane.TARGET, "dense1"));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec afterDelete = doc().getSpec();
        assertFalse(targetNames().contains("dense1"));

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(afterDrop, doc().getSpec());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start, doc().getSpec());
        assertFalse(doc().isDirty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(afterDelete, doc().getSpec());
        assertTrue(window.titleBinding().get().endsWith(" *"));
    }

    @Test
    void pairsAreAddedByDraggingBetweenTapsAndRemovedAndReset(FxRobot robot) throws Exception {
        TapPair added = new TapPair("conv1", "dense3");
        assertFalse(doc().getSpec().resolvedPairs().contains(added));
        robot.drag("#guide-conv1-tap").dropTo("#target-dense3-tap");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Pairing.Mode.MANUAL, doc().getSpec().pairing().mode());
        assertTrue(doc().getSpec().resolvedPairs().contains(added));
        // lines are drawn in the next layout pulse
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> window.canvas().lineOf(added) != null));
        Line line = onFx(() -> window.canvas().lineOf(added));
        assertNotNull(line, "a line is drawn for the new pair");

        // select the line, drag its target end onto dense2
        robot.interact(() -> doc().selectedPairProperty().set(added));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#pair-handle-target").tryQuery().isPresent()));
        robot.drag("#pair-handle-target").dropTo("#target-dense2-tap");
        WaitForAsyncUtils.waitForFxEvents();
        TapPair moved = new TapPair("conv1", "dense2");
        assertTrue(doc().getSpec().resolvedPairs().contains(moved), () -> "pairs: " + doc().getSpec().resolvedPairs());
        assertFalse(doc().getSpec().resolvedPairs().contains(added));

        robot.interact(() -> doc().selectedPairProperty().set(moved));
        robot.clickOn("#delete-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(doc().getSpec().resolvedPairs().contains(moved));

        robot.clickOn("#reset-pairs-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start.pairing(), doc().getSpec().pairing());
    }

    /**
     * Reads the scene graph on the FX thread: polling it from the test thread raced the layout pulse that adds the
     * pair's line and handles (a ConcurrentModificationException on CI).
     */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void saveAndReopenGiveTheSameExperiment(@TempDir Path dir, FxRobot robot) throws Exception {
        robot.drag("#palette-BatchNorm").dropTo(block(Lane.TARGET, "dense2"));
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec edited = doc().getSpec();
        Path file = dir.resolve("mine.json");
        dialogs.saveAnswer = file;
        robot.clickOn("#save-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.exists(file));
        assertFalse(doc().isDirty());
        assertEquals(Version.productName() + " — mine.json", window.titleBinding().get());
        assertEquals(edited, ExperimentJson.read(file));

        robot.interact(() -> doc().load(start, null));
        robot.interact(() -> window.files().openFile(file));
        assertEquals(edited, doc().getSpec());
        assertEquals(file, doc().getFile());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void aCorruptFileShowsAnErrorAndKeepsTheOpenExperiment(@TempDir Path dir, FxRobot robot) throws Exception {
        robot.drag("#palette-Dropout").dropTo(block(Lane.TARGET, "dense1"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(doc().isDirty());
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec before = doc().getSpec();
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{ \"schemaVersion\": 1, \"guide\": [1, 2,");
        dialogs.openAnswer = bad;
        dialogs.saveChoice = Dialogs.SaveChoice.DISCARD;
        robot.press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.saveQuestions, "unsaved changes: asked first");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("broken.json"), dialogs.errors.get(0));
        assertEquals(before, doc().getSpec());
        assertTrue(doc().isDirty());
    }

    @Test
    void networkFilesDroppedOnALaneReplaceItAndClosingAsksToSave(@TempDir Path dir, FxRobot robot) throws Exception {
        Path net = dir.resolve("cnn.json");
        Files.writeString(net, NetworkJson.write(SMALL_CNN));
        robot.interact(() -> window.files().dropOnLane(List.of(net.toFile()), Lane.GUIDE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SMALL_CNN, doc().getSpec().guide());

        Path bad = dir.resolve("bad-net.json");
        Files.writeString(bad, "{\"name\": \"x\", \"layers\": [{\"type\": \"Dense\", \"units\": \"ten\"}]}");
        robot.interact(() -> window.files().dropOnLane(List.of(bad.toFile()), Lane.TARGET));
        assertEquals(start.target(), doc().getSpec().target());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("bad-net.json"), dialogs.errors.get(0));

        dialogs.saveChoice = Dialogs.SaveChoice.CANCEL;
        assertFalse(window.confirmClose(), "cancel keeps the window open");
        dialogs.saveChoice = Dialogs.SaveChoice.DISCARD;
        assertTrue(window.confirmClose());
        assertEquals(2, dialogs.saveQuestions);
    }

    @Test
    void copyPasteByKeyboardAndSettingsEdits(FxRobot robot) {
        // settings first, while no block is selected and the settings sit high in the right panel
        robot.doubleClickOn("#set-batchSize").eraseText(4).write("32").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(32, doc().getSpec().training().batchSize());
        robot.doubleClickOn("#set-learningRate").eraseText(6).write("-1").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start.training().learningRate(), doc().getSpec().training().learningRate());
        assertEquals("learningRate must be above 0 (got -1.0)", robot.lookup("#settings-error").queryAs(Label.class).getText());

        robot.clickOn(block(Lane.GUIDE, "conv1"));
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("conv3", doc().getSpec().guide().layer(2).name());
        assertEquals(doc().getSpec().guide().layer(1).withName("conv3"), doc().getSpec().guide().layer(2));
    }

    @Test
    void thePresetGalleryOpensAPresetAsANewUnsavedExperiment(FxRobot robot) {
        robot.clickOn("#gallery-button");
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn("#preset-0");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(PRESET, doc().getSpec());
        assertEquals(null, doc().getFile());
        assertFalse(doc().isDirty());
        assertEquals(Version.productName() + " — CNN guides CNN", window.titleBinding().get());
    }

    @Test
    void theThemeToggles(FxRobot robot) {
        List<Theme> changes = new java.util.ArrayList<>();
        robot.interact(() -> window.setOnThemeChanged(changes::add));
        robot.clickOn("#theme-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet(), javafx.application.Application.getUserAgentStylesheet());
        robot.clickOn("#theme-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet(), javafx.application.Application.getUserAgentStylesheet());
        assertEquals(List.of(Theme.DARK, Theme.LIGHT), changes, "what the app saves in the settings");
    }

    @Test
    void theTitleAndTheAboutBoxShowTheVersion(FxRobot robot) {
        assertTrue(window.titleBinding().get().startsWith("Guidance Lab " + Version.version() + " — "),
                window.titleBinding().get());
        robot.clickOn("#about-button");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, dialogs.infos.size());
        String about = dialogs.infos.get(0);
        assertTrue(about.startsWith("About Guidance Lab: Guidance Lab " + Version.version() + "\n"), about);
        assertTrue(about.contains("Java " + System.getProperty("java.version")), about);
        assertTrue(about.contains("Backend: "), about);
        assertTrue(about.contains("Runs: "), about);
    }

    @Test
    void theStatusBarShowsTheBackendOnceNd4jHasStarted() throws Exception {
        javafx.scene.control.Label backend = (javafx.scene.control.Label) window.lookup("#status-backend");
        WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS,
                () -> backend.getText().startsWith("Backend: CPU · "));
        org.junit.jupiter.api.Assertions.assertTrue(backend.getText().contains("GiB"), backend.getText());
    }
}
