package org.guidancelab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Detects the ND4J backend this build runs on. Which backend is on the classpath is chosen by the Maven build
 * (default CPU, {@code -Pcuda} for the GPU); engine code never names one. A CUDA build on a machine without a
 * usable GPU fails inside ND4J's static initialisation with native-library errors: {@link #explain} turns those
 * into a message a user can act on, instead of a stack trace.
 */
public final class Backends {
    /** ND4J's CUDA backend class; present only in the {@code -Pcuda} build. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    private static volatile BackendInfo detected;

    private Backends() {
    }

    /** Whether this build carries the CUDA backend (checked without loading it). */
    public static boolean cudaBuild() {
        return classPresent(CUDA_BACKEND_CLASS);
    }

    static boolean classPresent(String name) {
        try {
            Class.forName(name, false, Backends.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The backend if {@link #detect()} has already succeeded; never starts ND4J itself (the About box asks). */
    public static java.util.Optional<BackendInfo> detectedSoFar() {
        return java.util.Optional.ofNullable(detected);
    }

    /** Starts ND4J (once) and reports its backend; throws {@link BackendUnavailableException} with advice. */
    public static BackendInfo detect() {
        BackendInfo info = detected;
        if (info == null) {
            ProcessSetup.prepare(); // what ND4J reads as it loads must be set before
            synchronized (Backends.class) {
                if (detected == null) {
                    try {
                        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
                        detected = BackendInfo.fromEnvironment(withPhysicalMemory(env), cpuModel());
                    } catch (Throwable t) { // native start-up failures arrive as Errors, not Exceptions
                        throw new BackendUnavailableException(explain(t, cudaBuild()), t);
                    }
                }
                info = detected;
            }
        }
        return info;
    }

    /**
     * ND4J reports the JVM's off-heap limit as host memory; the status bar should show the machine's RAM, so the
     * CPU figures are replaced by the operating system's (CUDA device memory is left as ND4J reports it).
     */
    static Properties withPhysicalMemory(Properties env) {
        Properties p = new Properties();
        p.putAll(env);
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            p.put(BackendInfo.HOST_TOTAL, os.getTotalMemorySize());
            p.put(BackendInfo.HOST_FREE, os.getFreeMemorySize());
        }
        return p;
    }

    /** Plain words for a backend start-up failure, naming how to run on CPU when the CUDA build failed. */
    public static String explain(Throwable failure, boolean cudaBuild) {
        String root = rootMessage(failure);
        if (cudaBuild) {
            // ND4J logs the native error and throws a generic "no backend" exception: name the usual cause.
            if (!driverLibraryFound()) {
                root = "the NVIDIA driver library libcuda.so.1 is not installed; ND4J said " + root;
            }
            return "The GPU build of Guidance Lab found no usable NVIDIA GPU or driver (" + root + "). "
                    + "It needs an NVIDIA GPU with compute capability 3.5 or newer and a driver for CUDA 11.6 "
                    + "(version 510 or newer); check `nvidia-smi`. To run on the CPU instead, build and run "
                    + "without the cuda profile: `./mvnw javafx:run` or `./mvnw package` then "
                    + "`java -jar target/guidance-lab.jar`.";
        }
        return "The CPU backend of ND4J could not start (" + root + "). Guidance Lab's CPU build supports "
                + "64-bit Linux on x86-64; make sure the jar was built on this platform (`./mvnw package`).";
    }

    /** Whether the NVIDIA driver's libcuda.so.1 is in a standard library folder or on LD_LIBRARY_PATH. */
    static boolean driverLibraryFound() {
        java.util.List<String> dirs = new java.util.ArrayList<>(java.util.List.of("/usr/lib/x86_64-linux-gnu",
                "/usr/lib64", "/usr/lib", "/usr/local/nvidia/lib64", "/usr/lib/wsl/lib"));
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            dirs.addAll(java.util.List.of(ld.split(":")));
        }
        return dirs.stream().filter(d -> !d.isBlank()).anyMatch(d -> Files.exists(Path.of(d, "libcuda.so.1")));
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return c.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
    }

    /** The CPU's model name from /proc/cpuinfo, or the OS architecture when that is not readable. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    int i = line.indexOf(':');
                    return line.substring(i + 1).strip().replaceAll("\\s+", " ");
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux or not readable: fall through to a generic name.
        }
        return System.getProperty("os.arch", "CPU");
    }
}
