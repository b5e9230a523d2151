package org.guidancelab.engine.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Chooses which build of ND4J's native library the CPU backend loads, before ND4J loads. The default build runs
 * convolutions through libnd4j's own im2col kernels; the oneDNN build (shipped beside it, classifier
 * {@code linux-x86_64-onednn-avx2}) runs them through Intel's oneDNN, and its other kernels use AVX2, which makes
 * every workload faster (docs/decisions/0011-onednn-avx2-native-build-on-avx2-cpus.md). That build needs AVX2, so it
 * is chosen only on a Linux x86-64 CPU that reports the avx2 flag; elsewhere the default build loads as before.
 * JavaCPP picks the build by the {@code org.bytedeco.javacpp.platform.extension} property and falls back to the
 * plain build for libraries that have no such variant (OpenBLAS).
 */
public final class NativeBuild {
    public static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    public static final String ONEDNN_AVX2 = "-onednn-avx2";
    static final String ONEDNN_LIBRARY = "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libjnind4jcpu.so";

    private NativeBuild() {
    }

    /**
     * Selects the oneDNN build when it is on the classpath and this CPU can run it, unless the user chose a build
     * (-Dorg.bytedeco.javacpp.platform.extension=..., empty for the default build). Must run before the first ND4J
     * or JavaCPP class loads.
     */
    public static void applyDefault() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        boolean onClasspath = NativeBuild.class.getClassLoader().getResource(ONEDNN_LIBRARY) != null;
        String chosen = choose(os, arch, onClasspath, NativeBuild::cpuFlags);
        if (!chosen.isEmpty()) {
            System.setProperty(PROPERTY, chosen);
        }
    }

    /** The extension to load: oneDNN with AVX2 on Linux x86-64 with the avx2 flag and the build present, else none. */
    static String choose(String os, String arch, boolean onClasspath, java.util.function.Supplier<String> flags) {
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64")) || !onClasspath) {
            return "";
        }
        Predicate<String> has = f -> (" " + flags.get() + " ").contains(" " + f + " ");
        return has.test("avx2") && has.test("fma") ? ONEDNN_AVX2 : "";
    }

    /** The "flags" line of the first processor in /proc/cpuinfo (empty when it cannot be read). */
    static String cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return colon < 0 ? "" : line.substring(colon + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: treat as a CPU without AVX2 (the default build always works)
        }
        return "";
    }

    /** "oneDNN, AVX2" when that build was chosen, else "" (for the backend line). */
    public static String describe() {
        return ONEDNN_AVX2.equals(System.getProperty(PROPERTY)) ? "oneDNN, AVX2" : "";
    }
}
