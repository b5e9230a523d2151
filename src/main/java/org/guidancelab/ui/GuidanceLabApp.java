package org.guidancelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application: one builder window on the default preset, asking to save before it closes. */
public final class GuidanceLabApp extends Application {

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
        stage.setScene(new Scene(window, 1440, 860));
        stage.setOnCloseRequest(e -> {
            if (!window.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
    }
}
