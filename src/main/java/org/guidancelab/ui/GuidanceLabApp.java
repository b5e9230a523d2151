package org.guidancelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The JavaFX application. */
public final class GuidanceLabApp extends Application {

    public static void launchApp(String[] args) {
        Application.launch(GuidanceLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Guidance Lab");
        stage.setScene(new Scene(new Label("Guidance Lab"), 1280, 800));
        stage.show();
    }
}
