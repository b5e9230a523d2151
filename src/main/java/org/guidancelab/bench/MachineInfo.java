package org.guidancelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.dnnl.OneDnn;
import org.guidancelab.platform.CpuInfo;
import org.guidancelab.platform.NativeBuild;

/**
 * What a bench figure was measured on, printed above it: figures from one machine, build or load do not carry over
 * to another, so every output names its CPU, vector flags, native build, OpenBLAS kernel family, threads, load and
 * date.
 */
public final class MachineInfo {
    private static final String OPENBLAS = "org.bytedeco.openblas.global.openblas_nolapack";

    private MachineInfo() {
    }

    /** The header lines ("machine: ...", "build: ...", "run: ..."). */
    public static List<String> header(int threads, String method) {
        CpuInfo cpu = CpuInfo.read();
        List<String> out = new ArrayList<>();
        out.add("machine: " + (cpu.model().isEmpty() ? "unknown CPU" : cpu.model()) + " | "
                + Runtime.getRuntime().availableProcessors() + " cores | vector flags: " + vectorFlags(cpu.flags()));
        String build = NativeBuild.describe();
        out.add("build: ND4J native " + (build.isEmpty() ? "default" : build) + " | OpenBLAS " + openBlas()
                + " | products: " + Blas.productRoute()
                + " | convolutions: " + OneDnn.describe()
                + " | Java " + System.getProperty("java.version", "?"));
        out.add("run: threads=" + threads + " | load average " + loadAverage() + " | "
                + ZonedDateTime.now().withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)));
        out.add("method: " + method);
        return out;
    }

    /** The SIMD flags that decide kernels (SSE4.2 and up, AVX*, FMA), or "none known". */
    static String vectorFlags(Set<String> flags) {
        Set<String> v = new TreeSet<>();
        for (String f : flags) {
            if (f.startsWith("avx") || f.equals("fma") || f.equals("sse4_2") || f.equals("f16c") || f.startsWith("amx")) {
                v.add(f);
            }
        }
        return v.isEmpty() ? "none known" : String.join(" ", v);
    }

    /** "/proc/loadavg"'s three averages, or the JVM's one-minute figure, or "unknown". */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            if (f.length >= 3) {
                return f[0] + " " + f[1] + " " + f[2];
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: below
        }
        double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", l);
    }

    /**
     * OpenBLAS's version and kernel family, or "not loaded" (the CUDA build has none). The bindings expose neither
     * {@code openblas_get_corename} nor {@code openblas_get_config}, and the bundled library picks its kernels at
     * load (DYNAMIC_ARCH), so the family is known only when OPENBLAS_CORETYPE forces it (OPENBLAS_VERBOSE=2 makes
     * OpenBLAS print it at load, on stderr).
     */
    static String openBlas() {
        try {
            Class<?> c = Class.forName(OPENBLAS);
            String version = String.valueOf(c.getField("OPENBLAS_VERSION").get(null)).replace("OpenBLAS", "").trim();
            String forced = System.getenv("OPENBLAS_CORETYPE");
            return version + " core=" + (forced == null || forced.isBlank() ? "chosen at load, not reported" : forced
                    + " (OPENBLAS_CORETYPE)");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return "not loaded";
        }
    }
}
