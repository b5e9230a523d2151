package org.guidancelab.engine.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeBuildTest {
    private static final String XEON = "fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx fma avx2 avx512f";

    @Test
    void oneDnnOnlyOnLinuxX86WithAvx2AndTheBuildPresent() {
        assertEquals(NativeBuild.ONEDNN_AVX2, NativeBuild.choose("linux", "amd64", true, () -> XEON));
        assertEquals(NativeBuild.ONEDNN_AVX2, NativeBuild.choose("linux", "x86_64", true, () -> XEON));
        assertEquals("", NativeBuild.choose("linux", "amd64", true, () -> "fpu sse sse2 avx"), "no AVX2");
        assertEquals("", NativeBuild.choose("linux", "amd64", true, () -> "avx2"), "AVX2 without FMA");
        assertEquals("", NativeBuild.choose("linux", "amd64", true, () -> "avx2x fmax"), "flags match whole words");
        assertEquals("", NativeBuild.choose("linux", "amd64", true, () -> ""), "/proc/cpuinfo unreadable");
        assertEquals("", NativeBuild.choose("mac os x", "aarch64", true, () -> XEON));
        assertEquals("", NativeBuild.choose("linux", "aarch64", true, () -> XEON));
        assertEquals("", NativeBuild.choose("linux", "amd64", false, () -> XEON), "a -Pcuda build has no oneDNN jar");
    }

    @Test
    void thisMachineLoadsTheBuildTheAppWould() {
        // The test JVM chose through NativeBuildForTests, as Main does for the app: the property and the library on
        // the classpath agree with what choose() says for this machine.
        boolean present = NativeBuild.class.getClassLoader().getResource(NativeBuild.ONEDNN_LIBRARY) != null;
        String expected = NativeBuild.choose(System.getProperty("os.name").toLowerCase(), System.getProperty("os.arch"),
                present, NativeBuild::cpuFlags);
        assertEquals(expected, System.getProperty(NativeBuild.PROPERTY, ""));
        assertEquals(expected.isEmpty() ? "" : "oneDNN, AVX2", NativeBuild.describe());
        boolean cpuBuild = NativeBuild.class.getClassLoader()
                .getResource("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/libjnind4jcpu.so") != null;
        assertEquals(cpuBuild, present, "the CPU build ships the oneDNN jar beside the default one (-Pcuda ships neither)");
    }
}
