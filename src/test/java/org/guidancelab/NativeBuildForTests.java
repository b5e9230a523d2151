package org.guidancelab;

import org.guidancelab.platform.ProcessSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets the test JVM up as {@code Main} sets up the app's (same native build, same memory limit): tests start ND4J
 * without going through {@code Main}. Registered in META-INF/services, so it runs before any test class.
 */
public final class NativeBuildForTests implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        ProcessSetup.prepare();
    }
}
