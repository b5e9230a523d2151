package org.guidancelab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Whether JavaCPP's or ND4J's native libraries are in the process yet, read from the kernel's map of it. */
final class NativeLibraries {
    /** File names of the libraries whose loading fixes the settings {@link ProcessSetup#prepare()} makes. */
    static final List<String> MARKERS = List.of("libjnijavacpp", "libnd4jcpu", "libjnind4jcpu", "libnd4jcuda");

    private NativeLibraries() {
    }

    static void requireNotLoaded() {
        if (loaded(Path.of("/proc/self/maps"))) {
            throw new IllegalStateException("ProcessSetup.prepare() ran after ND4J or JavaCPP loaded their native "
                    + "libraries, so the native build and memory limit cannot apply: call it before any ND4J class");
        }
    }

    /** True if the memory map lists one of the libraries; false where there is none to read (not Linux). */
    static boolean loaded(Path maps) {
        try (Stream<String> lines = Files.lines(maps)) {
            return lines.anyMatch(l -> MARKERS.stream().anyMatch(l::contains));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
