package org.guidancelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one builder window on the default preset, asking to save before it closes. */
public final class GuidanceLabApp extends Application {
    private org.guidancelab.ui.dashboard.LabShell shell;

    public static void launchApp(String[] args) {
        Application.launch(GuidanceLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        String themeArg = System.getProperty("guidancelab.theme", "light");
        Theme theme = "dark".equalsIgnoreCase(themeArg) ? Theme.DARK : Theme.LIGHT;
        theme.apply();
        FxDialogs dialogs = new FxDialogs(stage);
        MainWindow window = new MainWindow(Library.load(), dialogs);
        window.setTheme(theme);
        stage.titleProperty().bind(window.titleBinding());
        // Builder | Dashboard | History; Run in the builder trains in the background (see ui.dashboard.LabShell).
        shell = new org.guidancelab.ui.dashboard.LabShell(window, new org.guidancelab.ui.run.TrainingService(
                org.guidancelab.ui.run.RunSettings.defaults()), new org.guidancelab.ui.dashboard.FxRunDialogs(stage));
        stage.setScene(new Scene(shell, 1440, 860));
        stage.setOnCloseRequest(e -> {
            if (!shell.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
