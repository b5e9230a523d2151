package org.guidancelab.ui.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.guidancelab.ui.builder.MainWindow;

/**
 * Opens the app in one of the README's "explore and compare" states, for screenshots under Xvfb
 * ({@code import -window root}): {@code dashboard} presses Run (arms side by side), {@code compare} selects the two
 * newest runs of the runs folder ({@code -Dguidancelab.runs}) and compares them, {@code sweep FOLDER} follows a sweep
 * folder in the Sweep tab. Not a test; run with the test classpath.
 */
public final class Part3Demo {
    private Part3Demo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    public static final class App extends Application {
        private final GuidanceLabApp app = new GuidanceLabApp();

        @Override
        public void start(Stage stage) {
            app.start(stage);
            stage.setX(0);
            stage.setY(0);
            String mode = getParameters().getRaw().isEmpty() ? "dashboard" : getParameters().getRaw().get(0);
            Platform.runLater(() -> {
                LabShell shell = (LabShell) stage.getScene().getRoot();
                MainWindow window = (MainWindow) ((TabPane) shell).getTabs().get(0).getContent();
                switch (mode) {
                    case "compare" -> {
                        shell.showTab("tab-history");
                        shell.history().refresh().thenRun(() -> Platform.runLater(() -> {
                            var table = shell.history().list();
                            table.getSelectionModel().selectRange(0, Math.min(2, table.getItems().size()));
                            ((javafx.scene.control.Button) shell.history().lookup("#history-compare")).fire();
                        }));
                    }
                    case "sweep" -> {
                        shell.showTab("tab-sweep");
                        shell.sweeps().useOpenExperiment();
                        shell.sweeps().addAxis("arms[guided].warmup", "0, 25, 50, 100");
                        if (getParameters().getRaw().size() > 1) {
                            shell.sweeps().follow(Path.of(getParameters().getRaw().get(1)));
                        }
                    }
                    default -> window.document().requestRun();
                }
            });
        }

        @Override
        public void stop() {
            app.stop();
        }
    }
}
