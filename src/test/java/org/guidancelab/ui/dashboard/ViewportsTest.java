package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The skin caches a ScrollPane's viewport as a bitmap; the dashboard's side panel must not be. */
@ExtendWith(ApplicationExtension.class)
class ViewportsTest {
    private ScrollPane plain;
    private ScrollPane uncached;

    @Start
    void start(Stage stage) {
        plain = new ScrollPane(new Label("plain"));
        uncached = Viewports.uncached(new ScrollPane(new Label("live")));
        stage.setScene(new Scene(new HBox(plain, uncached), 400, 200));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theSkinsCacheIsTurnedOffOnceTheSkinExists() throws Exception {
        boolean[] r = WaitForAsyncUtils.asyncFx(() -> new boolean[] {
            plain.lookup(".viewport") != null && plain.lookup(".viewport").isCache(), Viewports.isUncached(uncached)}).get();
        assertTrue(r[0], "JavaFX's ScrollPaneSkin caches its viewport (if this fails, the workaround may be dropped)");
        assertTrue(r[1]);
        assertFalse(uncached.lookup(".viewport").isCache());
    }
}
