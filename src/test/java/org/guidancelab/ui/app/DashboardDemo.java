package org.guidancelab.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.guidancelab.ui.builder.MainWindow;

/**
 * Opens the app on the default preset and presses Run, for the README screenshots of the dashboard (taken under Xvfb
 * with {@code import -window root}). Not a test; run with the test classpath:
 * {@code java -cp target/classes:target/test-classes:<deps> org.guidancelab.ui.app.DashboardDemo}.
 */
public final class DashboardDemo {
    private DashboardDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The real application, plus a press on Run once the window is up. */
    public static final class App extends Application {
        private final GuidanceLabApp app = new GuidanceLabApp();

        @Override
        public void start(Stage stage) {
            app.start(stage);
            stage.setX(0);
            stage.setY(0);
            Platform.runLater(() -> {
                MainWindow window = (MainWindow) ((javafx.scene.control.TabPane) stage.getScene().getRoot())
                        .getTabs().get(0).getContent();
                window.document().requestRun();
            });
        }

        @Override
        public void stop() {
            app.stop();
        }
    }
}
