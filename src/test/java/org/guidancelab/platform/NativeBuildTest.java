package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBuildTest {
    private static final Set<CpuBuild> ALL = EnumSet.allOf(CpuBuild.class);
    private static final Set<String> AVX512_XEON = flags("fpu sse sse2 ssse3 sse4_1 sse4_2 avx fma avx2 avx512f avx512bw avx512dq avx512vl avx512cd");
    private static final Set<String> ZEN3 = flags("fpu sse sse2 ssse3 sse4_1 sse4_2 avx fma avx2 sha_ni vaes");
    private static final Set<String> SANDY = flags("fpu sse sse2 ssse3 sse4_1 sse4_2 avx");

    private static Set<String> flags(String s) {
        return Set.of(s.split(" "));
    }

    private static CpuBuild choose(Set<CpuBuild> shipped, Set<String> flags, Optional<CpuBuild> measured) {
        return NativeBuild.choose("linux", "amd64", shipped, flags, measured).build();
    }

    @Test
    void byCpuFlagsTheWidestShippedOneDnnBuildTheCpuCanRun() {
        assertEquals(CpuBuild.ONEDNN_AVX512, choose(ALL, AVX512_XEON, Optional.empty()));
        assertEquals(CpuBuild.ONEDNN_AVX2, choose(ALL, ZEN3, Optional.empty()));
        assertEquals(CpuBuild.PLAIN, choose(ALL, SANDY, Optional.empty()), "no AVX2");
        assertEquals(CpuBuild.PLAIN, choose(ALL, flags("avx2"), Optional.empty()), "AVX2 without FMA");
        assertEquals(CpuBuild.PLAIN, choose(ALL, Set.of(), Optional.empty()), "/proc/cpuinfo unreadable");
        assertEquals(CpuBuild.ONEDNN_AVX2, choose(ALL, flags("avx2 fma avx512f"), Optional.empty()),
                "AVX-512 foundation alone is not enough for the AVX-512 build");
        assertEquals(CpuBuild.ONEDNN_AVX2, choose(EnumSet.of(CpuBuild.PLAIN, CpuBuild.ONEDNN_AVX2), AVX512_XEON,
                Optional.empty()), "an AVX-512 CPU without the AVX-512 build shipped");
        assertEquals(CpuBuild.PLAIN, choose(EnumSet.of(CpuBuild.PLAIN), AVX512_XEON, Optional.empty()));
        assertEquals("by CPU flags", NativeBuild.choose("linux", "amd64", ALL, ZEN3, Optional.empty()).reason());
    }

    @Test
    void aMeasuredChoiceWinsWhenItShipsAndTheCpuRunsIt() {
        assertEquals(CpuBuild.ONEDNN_AVX2, choose(ALL, AVX512_XEON, Optional.of(CpuBuild.ONEDNN_AVX2)));
        assertEquals(CpuBuild.PLAIN, choose(ALL, ZEN3, Optional.of(CpuBuild.PLAIN)));
        assertEquals("measured fastest on this CPU",
                NativeBuild.choose("linux", "amd64", ALL, ZEN3, Optional.of(CpuBuild.PLAIN)).reason());
        assertEquals(CpuBuild.ONEDNN_AVX2, choose(ALL, ZEN3, Optional.of(CpuBuild.ONEDNN_AVX512)),
                "a measurement the CPU cannot run is ignored");
        assertEquals(CpuBuild.ONEDNN_AVX2, choose(EnumSet.of(CpuBuild.PLAIN, CpuBuild.ONEDNN_AVX2), AVX512_XEON,
                Optional.of(CpuBuild.ONEDNN_AVX512)), "a measured build that no longer ships is ignored");
    }

    @Test
    void otherPlatformsLoadThePlainBuild() {
        assertEquals(CpuBuild.PLAIN, NativeBuild.choose("mac os x", "aarch64", ALL, AVX512_XEON, Optional.empty()).build());
        assertEquals(CpuBuild.PLAIN, NativeBuild.choose("linux", "aarch64", ALL, AVX512_XEON, Optional.empty()).build());
        assertEquals(CpuBuild.PLAIN, NativeBuild.choose("windows 11", "amd64", ALL, AVX512_XEON,
                Optional.of(CpuBuild.ONEDNN_AVX2)).build());
    }

    @Test
    void aMeasurementAppliesOnlyToTheCpuItWasMadeOn(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cfg").resolve(MeasuredBuild.FILE);
        assertEquals(Optional.empty(), MeasuredBuild.read(file, "AMD EPYC | avx avx2"));
        MeasuredBuild.write(file, "AMD EPYC | avx avx2", CpuBuild.PLAIN, "plain=1.2 onednn-avx2=1.0");
        assertEquals(Optional.of(CpuBuild.PLAIN), MeasuredBuild.read(file, "AMD EPYC | avx avx2"));
        assertEquals(Optional.empty(), MeasuredBuild.read(file, "Intel Xeon | avx avx2 avx512f"));
        Files.writeString(file, "cpu=AMD EPYC | avx avx2\nbuild=-no-such-build\n");
        assertEquals(Optional.empty(), MeasuredBuild.read(file, "AMD EPYC | avx avx2"), "an unknown build is ignored");
        Files.write(file, new byte[] {'c', 'p', 'u', '=', '\\', 'u', '0', '0'});
        assertEquals(Optional.empty(), MeasuredBuild.read(file, "AMD EPYC | avx avx2"), "a damaged file is ignored");
    }

    @Test
    void cpuInfoReadsTheModelAndFlagsAndSignsOnlyVectorFlags(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("cpuinfo");
        Files.writeString(f, "processor\t: 0\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse sse2 avx avx2 fma sha_ni\n\n"
                + "processor\t: 1\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse\n");
        CpuInfo cpu = CpuInfo.parse(f);
        assertEquals("AMD EPYC", cpu.model());
        assertEquals(flags("fpu sse sse2 avx avx2 fma sha_ni"), cpu.flags());
        assertEquals("AMD EPYC | avx avx2 fma sse sse2", cpu.signature());
        assertEquals(new CpuInfo("", Set.of()), CpuInfo.parse(dir.resolve("missing")));
    }

    @Test
    void thisMachineLoadsTheBuildTheAppWould() {
        // The test JVM chose through NativeBuildForTests, as Main does for the app.
        CpuInfo cpu = CpuInfo.read();
        Set<CpuBuild> shipped = EnumSet.noneOf(CpuBuild.class);
        for (CpuBuild b : CpuBuild.values()) {
            if (b.shipped()) {
                shipped.add(b);
            }
        }
        String expected = NativeBuild.choose("linux", System.getProperty("os.arch"), shipped, cpu.flags(),
                MeasuredBuild.read(MeasuredBuild.defaultFile(), cpu.signature())).build().extension();
        if (System.getProperty(NativeBuild.REASON_PROPERTY, "").startsWith("chosen with")) {
            return; // the test run itself named a build
        }
        assertEquals(expected, System.getProperty(NativeBuild.PROPERTY, ""));
        assertTrue(NativeBuild.describe().startsWith(CpuBuild.ofExtension(expected).orElseThrow().label()),
                NativeBuild.describe());
        assertEquals(CpuBuild.PLAIN.shipped(), CpuBuild.ONEDNN_AVX2.shipped() && CpuBuild.ONEDNN_AVX512.shipped(),
                "the CPU build ships both oneDNN builds beside the default one (-Pcuda ships none)");
    }
}
