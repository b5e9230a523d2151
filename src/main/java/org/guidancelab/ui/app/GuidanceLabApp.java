package org.guidancelab.ui.app;

import java.io.IOException;
import java.util.Locale;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.guidancelab.platform.AppDirs;
import org.guidancelab.platform.NativeLoadGate;
import org.guidancelab.platform.UserSettings;
import org.guidancelab.ui.builder.AppIcon;
import org.guidancelab.ui.builder.FxDialogs;
import org.guidancelab.ui.builder.Library;
import org.guidancelab.ui.builder.MainWindow;
import org.guidancelab.ui.builder.Theme;
import org.guidancelab.ui.dashboard.FxRunDialogs;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.run.TrainingService;

/**
 * The JavaFX application: one builder window on the default preset (the teaching demo, also on a first start),
 * asking to save before it closes. The window carries the app's icon and version; the theme is remembered in the
 * user's settings ({@link AppDirs#settingsFile()}).
 */
public final class GuidanceLabApp extends Application {
    private LabShell shell;

    public static void launchApp(String[] args) {
        Application.launch(GuidanceLabApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        shell = createShell(stage, new TrainingService(RunSettings.defaults()),
                UserSettings.load(AppDirs.current().settingsFile()));
        stage.setOnCloseRequest(e -> {
            if (!shell.confirmClose()) {
                e.consume();
            }
        });
        stage.show();
        FirstFrames.openNativeLoading();
    }

    /**
     * The application's window content on {@code stage} (theme applied, scene set, not shown yet): the builder on the
     * default preset, the dashboard and the history, training through {@code service}. Also what benchmarks of the
     * app's responsiveness measure, so they see the real theme and layout.
     */
    public static LabShell createShell(Stage stage, TrainingService service) {
        return createShell(stage, service, null);
    }

    /**
     * As {@link #createShell(Stage, TrainingService)}, starting in the theme saved in {@code settings} (unless
     * {@code -Dguidancelab.theme} names one) and saving the user's switches there; null settings: the property or
     * light, nothing saved.
     */
    static LabShell createShell(Stage stage, TrainingService service, UserSettings settings) {
        NativeLoadGate.closeUntilOpened(); // FirstFrames opens it once the window has drawn
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
        // Builder | Dashboard | History; Run in the builder trains in the background (see LabShell).
        LabShell shell = new LabShell(window, service, new FxRunDialogs(stage));
        stage.setScene(new Scene(shell, 1440, 860));
        return shell;
    }

    private static void saveTheme(UserSettings settings, Theme theme, MainWindow window) {
        try {
            settings.put(UserSettings.THEME, theme.name().toLowerCase(Locale.ROOT));
        } catch (IOException | RuntimeException e) {
            window.say("Cannot save the settings in " + settings.file() + ": " + e.getMessage());
        }
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.shutdown();
        }
    }
}
