package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void defaultBuildSelectsTheCpuBackend() {
        assertFalse(Backends.cudaBuild(), "the default build must not carry the CUDA backend");
        BackendInfo info = Backends.detect();
        assertEquals(BackendInfo.Kind.CPU, info.kind());
        assertTrue(info.totalMemory() >= Runtime.getRuntime().maxMemory(), "the machine's RAM is reported, not the JVM limit");
        assertTrue(info.threads() >= 1);
        assertTrue(info.summary().startsWith("CPU · "), info.summary());
    }

    @Test
    void cudaEnvironmentIsReportedWithDeviceNameAndMemory() {
        Properties env = new Properties();
        env.put("backend", "CUDA");
        env.put("cuda.availableDevices", 2);
        env.put("blas.vendor", "CUBLAS");
        env.put("cuda.devicesInformation", List.of(
                Map.of("cuda.deviceName", "NVIDIA GeForce RTX 3090", "cuda.totalMemory", 25_769_803_776L,
                        "cuda.freeMemory", 20_000_000_000L),
                Map.of("cuda.deviceName", "NVIDIA GeForce RTX 3090", "cuda.totalMemory", 25_769_803_776L)));
        BackendInfo info = BackendInfo.fromEnvironment(env, "ignored");
        assertEquals(BackendInfo.Kind.CUDA, info.kind());
        assertEquals("NVIDIA GeForce RTX 3090", info.deviceName());
        assertEquals(25_769_803_776L, info.totalMemory());
        assertEquals(2, info.devices());
        assertEquals("CUDA · NVIDIA GeForce RTX 3090 · 24.0 GiB · 2 GPUs (using device 0)", info.summary());
    }

    @Test
    void cpuEnvironmentIsParsed() {
        Properties env = new Properties();
        env.put("backend", "CPU");
        env.put("memory.available", 2L << 30);
        env.put("omp.threads", 2);
        BackendInfo info = BackendInfo.fromEnvironment(env, "Test CPU");
        // the native build this JVM loaded is named last (NativeBuild): "oneDNN, AVX2" on this lab's CPUs
        String build = NativeBuild.describe();
        assertEquals("CPU · Test CPU · 2.0 GiB · 2 threads" + (build.isEmpty() ? "" : " · " + build), info.summary());
        // what a run trains with replaces OpenMP's default; 0 (not set) keeps it
        assertEquals("CPU · Test CPU · 2.0 GiB · 1 thread" + (build.isEmpty() ? "" : " · " + build),
                info.withThreads(1).summary());
        assertEquals(info, info.withThreads(0));
    }

    @Test
    void noGpuFailureOfTheCudaBuildSaysHowToRunOnCpu() {
        Throwable failure = new ExceptionInInitializerError(
                new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file: No such file or directory"));
        String msg = Backends.explain(failure, true);
        assertTrue(msg.contains("no usable NVIDIA GPU or driver"), msg);
        assertTrue(msg.contains("libcuda.so.1: cannot open shared object file"), "names the root cause: " + msg);
        assertTrue(msg.contains("without the cuda profile") && msg.contains("./mvnw javafx:run"), msg);
    }

    @Test
    void missingDriverLibraryIsNamed() {
        // No NVIDIA driver on the build machines: the message must say so in words.
        org.junit.jupiter.api.Assumptions.assumeFalse(Backends.driverLibraryFound());
        String msg = Backends.explain(new RuntimeException("Please ensure that you have an nd4j backend"), true);
        assertTrue(msg.contains("libcuda.so.1 is not installed"), msg);
    }

    @Test
    void cpuFailureIsExplainedWithoutGpuAdvice() {
        String msg = Backends.explain(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"), false);
        assertTrue(msg.contains("CPU backend"), msg);
        assertFalse(msg.contains("NVIDIA"), msg);
    }

    @Test
    void cudaClassDetectionLooksAtTheClasspathOnly() {
        assertTrue(Backends.classPresent("org.nd4j.linalg.cpu.nativecpu.CpuBackend"));
        assertFalse(Backends.classPresent(Backends.CUDA_BACKEND_CLASS));
    }
}
