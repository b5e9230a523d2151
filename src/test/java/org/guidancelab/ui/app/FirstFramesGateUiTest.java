package org.guidancelab.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.guidancelab.platform.NativeLoadGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The app lets ND4J load only after its window has drawn its first frames (see NativeLoadGate). */
@ExtendWith(ApplicationExtension.class)
class FirstFramesGateUiTest {
    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new Label("first frames"), 200, 100));
        stage.show();
    }

    @AfterEach
    void leaveItOpen() {
        NativeLoadGate.open();
    }

    @Test
    void theGateOpensOnlyAfterTheFirstFrames(FxRobot robot) throws Exception {
        boolean[] openRightAfter = {true};
        robot.interact(() -> {
            NativeLoadGate.closeUntilOpened();
            FirstFrames.openNativeLoading();
            // no pulse can run inside this FX-thread call: the frames have not been drawn yet
            openRightAfter[0] = NativeLoadGate.isOpen();
        });
        assertFalse(openRightAfter[0], "closed until frames are drawn");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, NativeLoadGate::isOpen);
        assertTrue(NativeLoadGate.isOpen());
    }
}
