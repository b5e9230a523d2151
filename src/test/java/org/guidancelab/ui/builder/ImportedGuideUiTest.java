package org.guidancelab.ui.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.guidancelab.engine.imported.GuideFixtures;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.ui.model.Lane;
import org.guidancelab.ui.model.Starters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A Keras h5 file dropped on the guide lane (or chosen with "Guide from file...") becomes the guide: the lane shows
 * its layers read-only with shapes and taps; a file that cannot be a guide says why and changes nothing. The drop
 * is handed to the lane's file-drop handler as the OS drag would (Monocle has no desktop to drag from).
 */
@ExtendWith(ApplicationExtension.class)
class ImportedGuideUiTest {
    private static final Path MODEL = Path.of("presets", "guides", "small-cnn-keras.h5"); // 28x28 grey, as "shapes"

    private final ExperimentSpec start = Starters.newExperiment();
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Theme.LIGHT.apply();
        window = new MainWindow(Library.of(List.of(), List.of(), start), dialogs);
        stage.setScene(new Scene(window, 1260, 780));
        stage.sizeToScene();
        stage.show();
    }

    private String text(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        assertNotNull(n, id);
        return ((Label) ((javafx.scene.layout.VBox) n).getChildren().get(1)).getText() + " "
                + ((Label) ((javafx.scene.layout.VBox) n).getChildren().get(3)).getText();
    }

    @Test
    void droppedModelFileShowsItsLayersWithShapesAndTaps(FxRobot robot) {
        robot.interact(() -> assertTrue(window.files().dropOnLane(List.of(MODEL.toFile()), Lane.GUIDE), dialogs.errors::toString));
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec spec = window.document().getSpec();
        assertTrue(spec.guide().isImported());
        assertEquals(List.of("conv1", "conv2", "add", "conv3", "gap"), spec.guide().tapNames());
        assertEquals("ConvolutionLayer [8, 28, 28]", text(robot, "#imported-conv1"));
        assertEquals("ElementWiseVertex [8, 28, 28]", text(robot, "#imported-add"));
        assertEquals("SubsamplingLayer [8, 14, 14]", text(robot, "#imported-pool"));
        assertEquals("GlobalPoolingLayer [16]", text(robot, "#imported-gap"));
        assertEquals("DenseLayer [10]", text(robot, "#imported-logits"));
        Node conv1 = robot.lookup("#imported-conv1").query();
        assertTrue(conv1.lookup("." + Styles.TAP_ON) != null, "conv1 is a tap");
        Node pool = robot.lookup("#imported-pool").query();
        assertTrue(pool.lookup("." + Styles.TAP_ON) == null, "pool is not");
        Label summary = robot.lookup(n -> n instanceof Label l && l.getText().contains("read from small-cnn-keras.h5")).query();
        assertTrue(summary.getText().contains("10 layers") && summary.getText().contains("5 taps"), summary.getText());
        assertTrue(window.document().isDirty());
        // the rule's pairs are drawn from the imported guide's tap markers to the target's
        int pairs = spec.resolvedPairs().size();
        assertTrue(pairs > 0);
        assertEquals(pairs, robot.lookup("." + Styles.PAIR_LINE).queryAll().size());
        assertNotNull(robot.lookup("#pair-" + spec.resolvedPairs().get(0).guideTap() + "-" + spec.resolvedPairs().get(0).targetTap()).query());
    }

    @Test
    void guideFromFileButtonAndBadFilesLeaveTheExperimentUntouched(FxRobot robot) {
        dialogs.openAnswer = GuideFixtures.file("wrong-input.h5"); // 10x10: does not fit the shapes data
        robot.clickOn("#guide-from-file");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(start, window.document().getSpec());
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("wrong-input.h5") && dialogs.errors.get(0).contains("[1, 10, 10]"), dialogs.errors.get(0));

        robot.interact(() -> window.files().dropOnLane(List.of(GuideFixtures.file("unsupported-layer.h5").toFile()), Lane.GUIDE));
        assertEquals(start, window.document().getSpec());
        assertTrue(dialogs.errors.get(1).contains("layer 'convlstm' (ConvLSTM2D)"), dialogs.errors.get(1));

        robot.interact(() -> window.files().dropOnLane(List.of(MODEL.toFile()), Lane.TARGET));
        assertEquals(start, window.document().getSpec());
        assertTrue(dialogs.errors.get(2).contains("can only be the guide"), dialogs.errors.get(2));

        dialogs.openAnswer = MODEL.toAbsolutePath();
        robot.clickOn("#guide-from-file");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.document().getSpec().guide().isImported());
        assertNotNull(robot.lookup("#imported-conv3").query());
    }

    /** A .sdz converted from ONNX (the preset's CNN, 28x28) drops the same way; an ONNX file says to convert it. */
    @Test
    void droppedSdzGuideShowsItsTapsAndAnOnnxFileSaysConvertIt(FxRobot robot) {
        robot.interact(() -> window.files().dropOnLane(List.of(GuideFixtures.file("onnx/resnet.onnx").toFile()), Lane.GUIDE));
        assertEquals(start, window.document().getSpec());
        assertTrue(dialogs.errors.get(0).contains("guide convert"), dialogs.errors.get(0));

        Path sdz = GuideFixtures.file("onnx/small-cnn-28.sdz");
        robot.interact(() -> assertTrue(window.files().dropOnLane(List.of(sdz.toFile()), Lane.GUIDE), dialogs.errors::toString));
        WaitForAsyncUtils.waitForFxEvents();
        ExperimentSpec spec = window.document().getSpec();
        assertTrue(spec.guide().isImported());
        assertEquals("conv2d [8, 28, 28]", text(robot, "#imported-conv1"));
        assertEquals("add [8, 28, 28]", text(robot, "#imported-add"));
        assertEquals("maxpool2d [8, 14, 14]", text(robot, "#imported-pool"));
        assertEquals("reduce_mean [16]", text(robot, "#imported-gap"));
        Label summary = robot.lookup(n -> n instanceof Label l && l.getText().contains("read from small-cnn-28.sdz")).query();
        assertTrue(summary.getText().contains("10 layers"), summary.getText());
        assertTrue(spec.resolvedPairs().size() > 0);
    }
}
