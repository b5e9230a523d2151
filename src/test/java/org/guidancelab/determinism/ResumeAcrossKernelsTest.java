package org.guidancelab.determinism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.guidancelab.platform.CpuBuild;
import org.guidancelab.platform.CpuInfo;
import org.guidancelab.platform.NativeBuild;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same-seed and resume promises under every OpenBLAS kernel family this CPU can run (with oneDNN's kernels capped
 * at the matching instruction set, which float products and convolutions run on) and every ND4J native build
 * on the classpath: each combination runs the determinism tests in a JVM of its own (the kernel and the build are
 * fixed when the natives load, so they cannot change inside one JVM).
 */
class ResumeAcrossKernelsTest {
    static final List<String> TESTS = List.of(
            "org.guidancelab.engine.train.TrainerTest#sameSeedGivesIdenticalMetrics",
            "org.guidancelab.engine.train.TrainerTest#resumingFromACheckpointContinuesExactlyLikeAnUninterruptedRun",
            "org.guidancelab.engine.train.FrozenGuideTrainingTest#filledRowsAreTheSameBitsWhateverBatchesWereSeenBefore",
            "org.guidancelab.runs.RunStoreTest#aStoppedRunResumedGivesTheSameMetricsAsAnUninterruptedOne(java.nio.file.Path)");

    static Stream<Arguments> settings() {
        List<Arguments> out = new ArrayList<>();
        for (KernelFamilies family : KernelFamilies.values()) {
            for (CpuBuild build : CpuBuild.values()) {
                if (build.shipped()) {
                    out.add(Arguments.of(family, build));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} kernels, {1} build")
    @MethodSource("settings")
    void resumedAndRepeatedRunsAreBitIdentical(KernelFamilies family, CpuBuild build) throws Exception {
        Set<String> flags = cpuFlags();
        assumeTrue(family.runsOn(flags), family.coreType + " kernels need CPU flags this CPU lacks");
        assumeTrue(build.runsOn(flags), "the " + build.label() + " build needs CPU flags this CPU lacks");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx1g",
                "-cp", System.getProperty("java.class.path"),
                NativeBuild.jvmOption(build),
                SelectedTestsMain.class.getName()));
        command.addAll(TESTS);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("OPENBLAS_CORETYPE", family.coreType);
        pb.environment().put("DNNL_MAX_CPU_ISA", family.oneDnnIsa);
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.environment().put("OPENBLAS_VERBOSE", "2"); // OpenBLAS then prints the kernel family it loaded
        Path log = Files.createTempFile("kernels-" + family.coreType, ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the test JVM did not finish");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        assertTrue(out.toLowerCase(Locale.ROOT).contains("core: " + family.coreType.toLowerCase(Locale.ROOT)),
                "OPENBLAS_CORETYPE=" + family.coreType + " did not take effect:\n" + tail(out));
        assertTrue(out.contains("convolutions: oneDNN 2.5.2 primitives, ISA " + family.oneDnnIsaName + "\n"),
                "DNNL_MAX_CPU_ISA=" + family.oneDnnIsa + " did not take effect:\n" + tail(out));
        assertEquals(0, p.exitValue(), tail(out));
        assertTrue(out.contains("tests: " + TESTS.size() + " passed, 0 failed"), tail(out));
    }

    private static String tail(String out) {
        return out.length() > 6000 ? out.substring(out.length() - 6000) : out;
    }

    static Set<String> cpuFlags() {
        return CpuInfo.read().flags();
    }
}
