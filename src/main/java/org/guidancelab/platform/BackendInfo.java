package org.guidancelab.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The compute backend in use, as shown in the app's status bar and printed by {@code run} and {@code bench}.
 *
 * @param kind        CPU or CUDA
 * @param deviceName  the CPU model or the GPU's name
 * @param totalMemory bytes of host memory (CPU) or device memory (CUDA); 0 when unknown
 * @param freeMemory  bytes free at detection; 0 when unknown
 * @param threads     OpenMP threads ND4J uses (CPU)
 * @param blasVendor  "OPENBLAS", "CUBLAS", ...
 * @param devices     number of devices (GPUs for CUDA, 1 for CPU)
 */
public record BackendInfo(Kind kind, String deviceName, long totalMemory, long freeMemory, int threads,
                          String blasVendor, int devices) {

    public enum Kind { CPU, CUDA }

    // Keys of ND4J's environment information (Nd4jEnvironment); kept as strings so this parser stays pure.
    static final String BACKEND = "backend";
    static final String CUDA_DEVICES = "cuda.devicesInformation";
    static final String CUDA_COUNT = "cuda.availableDevices";
    static final String CUDA_NAME = "cuda.deviceName";
    static final String CUDA_TOTAL = "cuda.totalMemory";
    static final String CUDA_FREE = "cuda.freeMemory";
    static final String HOST_TOTAL = "memory.available";
    static final String HOST_FREE = "memory.free";
    static final String OMP_THREADS = "omp.threads";
    static final String BLAS_VENDOR = "blas.vendor";

    /**
     * Reads ND4J's environment information ({@code Nd4j.getExecutioner().getEnvironmentInformation()}).
     * For CUDA the first device is reported (ND4J trains on device 0 unless told otherwise).
     */
    public static BackendInfo fromEnvironment(Properties env, String cpuModel) {
        String backend = String.valueOf(env.getOrDefault(BACKEND, "CPU")).toUpperCase(Locale.ROOT);
        int threads = intOf(env.get(OMP_THREADS), 1);
        String blas = String.valueOf(env.getOrDefault(BLAS_VENDOR, "unknown"));
        if (backend.contains("CUDA")) {
            Object list = env.get(CUDA_DEVICES);
            int count = intOf(env.get(CUDA_COUNT), list instanceof List<?> l ? l.size() : 0);
            if (list instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> d) {
                return new BackendInfo(Kind.CUDA, String.valueOf(d.get(CUDA_NAME)), longOf(d.get(CUDA_TOTAL)),
                        longOf(d.get(CUDA_FREE)), threads, blas, count);
            }
            return new BackendInfo(Kind.CUDA, "unknown GPU", 0, 0, threads, blas, count);
        }
        return new BackendInfo(Kind.CPU, cpuModel, longOf(env.get(HOST_TOTAL)), longOf(env.get(HOST_FREE)),
                threads, blas, 1);
    }

    /**
     * The same backend with the thread count training uses (the app's and CLI's runs set their own, usually 1); the
     * detected count is OpenMP's default from before that was set. A count below 1 keeps the detected one.
     */
    public BackendInfo withThreads(int n) {
        return n < 1 ? this : new BackendInfo(kind, deviceName, totalMemory, freeMemory, n, blasVendor, devices);
    }

    /** One line: "CPU · Intel(R) Xeon(R) ... · 23.5 GiB · 1 thread" or "CUDA · NVIDIA A100 · 40.0 GiB". */
    public String summary() {
        StringBuilder sb = new StringBuilder(kind.name()).append(" · ").append(deviceName);
        if (totalMemory > 0) {
            sb.append(" · ").append(String.format(Locale.ROOT, "%.1f GiB", totalMemory / (double) (1L << 30)));
        }
        if (kind == Kind.CPU) {
            sb.append(" · ").append(threads).append(threads == 1 ? " thread" : " threads");
            String build = NativeBuild.describe();
            if (!build.isEmpty()) {
                sb.append(" · ").append(build);
            }
        } else if (devices > 1) {
            sb.append(" · ").append(devices).append(" GPUs (using device 0)");
        }
        return sb.toString();
    }

    private static int intOf(Object o, int dflt) {
        if (o instanceof Number n) {
            return n.intValue();
        }
        try {
            return o == null ? dflt : Integer.parseInt(o.toString().trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static long longOf(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return o == null ? 0 : Long.parseLong(o.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
