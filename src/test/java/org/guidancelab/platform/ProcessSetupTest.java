package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessSetupTest {

    @Test
    void theTestLauncherPreparedThisJvmAndAgainIsNothing() {
        assertTrue(ProcessSetup.isPrepared(), "NativeBuildForTests calls prepare() before any test");
        ProcessSetup.prepare();
        assertTrue(System.getProperty(NativeMemoryLimit.PROPERTY) != null, "the native memory limit is set");
    }

    @Test
    void startingNd4jLoadsTheLibrariesThatPrepareLooksFor() {
        ProcessSetup.startNative();
        assertTrue(NativeLibraries.loaded(Path.of("/proc/self/maps")),
                "once ND4J runs, /proc/self/maps names one of " + NativeLibraries.MARKERS);
    }

    @Test
    void aMemoryMapWithoutThemOrNoneAtAllMeansNotLoaded(@TempDir Path tmp) throws Exception {
        Path maps = tmp.resolve("maps");
        Files.writeString(maps, "7f0000000000-7f0000001000 r-xp 00000000 08:01 42 /usr/lib/libc.so.6\n");
        assertFalse(NativeLibraries.loaded(maps));
        Files.writeString(maps, "7f0000000000-7f0000001000 r-xp 00000000 08:01 42 /home/u/.javacpp/cache/x/libjnijavacpp.so\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertTrue(NativeLibraries.loaded(maps));
        assertFalse(NativeLibraries.loaded(tmp.resolve("absent")));
    }
}
