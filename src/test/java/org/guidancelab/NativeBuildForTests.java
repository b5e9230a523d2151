package org.guidancelab;

import org.guidancelab.engine.NativeMemoryLimit;
import org.guidancelab.engine.backend.NativeBuild;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Makes the tests load the same native build as the app: {@code Main} chooses it before ND4J loads, and tests start
 * ND4J without going through {@code Main}. Registered in META-INF/services, so it runs before any test class.
 */
public final class NativeBuildForTests implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        NativeMemoryLimit.applyDefault();
        NativeBuild.applyDefault();
    }
}
