package org.guidancelab.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.UserSettings;

/**
 * The JavaFX application: one builder window on the default preset (the teaching demo, also on a first start),
 * asking to save before it closes. The window carries the app's icon and version; the theme is remembered in the
 * user's settings ({@link AppDirs#settingsFile()}).
 */
public final class GuidanceLabApp extends Application {
    private org.guidancelab.ui.dashboard.LabShell shell;

    public static void launchApp(String[] args) {
        Application.launch(GuidanceLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        shell = createShell(stage, new org.guidancelab.ui.run.TrainingService(
                org.guidancelab.ui.run.RunSettings.defaults()),
                UserSettings.load(AppDirs.current().settingsFile()));
        stage.setOnCloseRequest(e -> {
            if (!shell.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        openNativeLoadingAfterFirstFrames();
    }

    /**
     * The application's window content on {@code stage} (theme applied, scene set, not shown yet): the builder on the
     * default preset, the dashboard and the history, training through {@code service}. Also what benchmarks of the
     * app's responsiveness measure, so they see the real theme and layout.
     */
    public static org.guidancelab.ui.dashboard.LabShell createShell(Stage stage,
            org.guidancelab.ui.run.TrainingService service) {
        return createShell(stage, service, null);
    }

    /**
     * As {@link #createShell(Stage, org.guidancelab.ui.run.TrainingService)}, starting in the theme saved in
     * {@code settings} (unless {@code -Dguidancelab.theme} names one) and saving the user's switches there; null
     * settings: the property or light, nothing saved.
     */
    static org.guidancelab.ui.dashboard.LabShell createShell(Stage stage,
            org.guidancelab.ui.run.TrainingService service, UserSettings settings) {
        org.guidancelab.platform.NativeLoadGate.closeUntilOpened();
        String themeArg = System.getProperty("guidancelab.theme");
        if ((themeArg == null || themeArg.isBlank()) && settings != null) {
            themeArg = settings.get(UserSettings.THEME).orElse(null);
        }
        Theme theme = "dark".equalsIgnoreCase(themeArg) ? Theme.DARK : Theme.LIGHT;
        theme.apply();
        FxDialogs dialogs = new FxDialogs(stage);
        MainWindow window = new MainWindow(Library.load(), dialogs);
        window.setTheme(theme);
        if (settings != null) {
            window.setOnThemeChanged(t -> saveTheme(settings, t, window));
        }
        AppIcon.apply(stage);
        stage.titleProperty().bind(window.titleBinding());
        // Builder | Dashboard | History; Run in the builder trains in the background (see ui.dashboard.LabShell).
        org.guidancelab.ui.dashboard.LabShell shell = new org.guidancelab.ui.dashboard.LabShell(window, service,
                new org.guidancelab.ui.dashboard.FxRunDialogs(stage));
        stage.setScene(new Scene(shell, 1440, 860));
        return shell;
    }

    private static void saveTheme(UserSettings settings, Theme theme, MainWindow window) {
        try {
            settings.put(UserSettings.THEME, theme.name().toLowerCase(java.util.Locale.ROOT));
        } catch (java.io.IOException | RuntimeException e) {
            window.context().say("Cannot save the settings in " + settings.file() + ": " + e.getMessage());
        }
    }

    /**
     * Opens the {@link org.guidancelab.platform.NativeLoadGate} once the shown window has drawn a few frames: each pulse
     * waits for the previous frame's rendering, so by then JavaFX has loaded what its first frames needed.
     */
    public static void openNativeLoadingAfterFirstFrames() {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= FRAMES_BEFORE_NATIVE_LOADING) {
                    stop();
                    org.guidancelab.platform.NativeLoadGate.open();
                }
            }
        }.start();
    }

    /** About a fifth of a second at 60 frames a second. */
    static final int FRAMES_BEFORE_NATIVE_LOADING = 12;

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
