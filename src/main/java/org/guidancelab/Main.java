package org.guidancelab;

import org.guidancelab.cli.GuidanceLabCommand;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.ui.app.GuidanceLabApp;

/**
 * Entry point of the runnable jar and of {@code ./mvnw javafx:run}. With no arguments it opens the app; with a
 * subcommand it runs the CLI. It does not extend {@code Application}: with JavaFX on the classpath (not the
 * module path) the launcher class must not, or the JVM refuses to start "missing JavaFX runtime components".
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        ProcessSetup.prepare();
        if (args.length == 0) {
            GuidanceLabApp.launchApp(args);
        } else {
            System.exit(GuidanceLabCommand.execute(args));
        }
    }
}
