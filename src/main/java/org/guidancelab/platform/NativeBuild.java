package org.guidancelab.platform;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses which build of ND4J's native library the CPU backend loads, before ND4J loads. The oneDNN builds run
 * convolutions through oneDNN, several times faster than libnd4j's own im2col kernels; the AVX-512 one needs AVX-512,
 * the AVX2 one AVX2 and FMA, and the plain build runs anywhere. In order: the build the user named
 * (-Dorg.bytedeco.javacpp.platform.extension=..., empty for the plain build), then the one {@code bench
 * --native-builds} measured fastest on this CPU, then the widest oneDNN build this CPU can run. JavaCPP falls back
 * to the plain build for libraries that have no such variant (OpenBLAS).
 */
public final class NativeBuild {
    static final String PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** Why the build was chosen, for the backend line. */
    static final String REASON_PROPERTY = "guidancelab.nativeBuild.reason";

    /** A chosen build and why. */
    public record Choice(CpuBuild build, String reason) {
    }

    private NativeBuild() {
    }

    /** Must run before the first ND4J or JavaCPP class loads. */
    public static void applyDefault() {
        if (System.getProperty(PROPERTY) != null) {
            System.setProperty(REASON_PROPERTY, "chosen with -D" + PROPERTY);
            return;
        }
        CpuInfo cpu = CpuInfo.read();
        Set<CpuBuild> shipped = EnumSet.noneOf(CpuBuild.class);
        for (CpuBuild b : CpuBuild.values()) {
            if (b.shipped()) {
                shipped.add(b);
            }
        }
        Choice c = choose(System.getProperty("os.name", "").toLowerCase(Locale.ROOT), System.getProperty("os.arch", ""),
                shipped, cpu.flags(), MeasuredBuild.read(MeasuredBuild.defaultFile(), cpu.signature()));
        if (c.build() != CpuBuild.PLAIN) {
            System.setProperty(PROPERTY, c.build().extension());
        }
        System.setProperty(REASON_PROPERTY, c.reason());
    }

    /** The build to load on this OS, architecture and CPU, among the shipped ones, given a measured choice. */
    static Choice choose(String os, String arch, Set<CpuBuild> shipped, Set<String> flags, Optional<CpuBuild> measured) {
        if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            return new Choice(CpuBuild.PLAIN, "only build for this platform");
        }
        if (measured.isPresent() && shipped.contains(measured.get()) && measured.get().runsOn(flags)) {
            return new Choice(measured.get(), "measured fastest on this CPU");
        }
        for (CpuBuild b : CpuBuild.values()) {
            if (b != CpuBuild.PLAIN && shipped.contains(b) && b.runsOn(flags)) {
                return new Choice(b, "by CPU flags");
            }
        }
        return new Choice(CpuBuild.PLAIN, "by CPU flags");
    }

    /** The JVM option that makes a child JVM load {@code build} (as {@code bench --native-builds} times each). */
    public static String jvmOption(CpuBuild build) {
        return "-D" + PROPERTY + "=" + build.extension();
    }

    /** The build in force, e.g. "oneDNN, AVX2 (by CPU flags)"; "" on a build that has no CPU variants (CUDA). */
    public static String describe() {
        Optional<CpuBuild> b = CpuBuild.ofExtension(System.getProperty(PROPERTY, ""));
        String reason = System.getProperty(REASON_PROPERTY, "");
        if (b.isEmpty() || !CpuBuild.PLAIN.shipped() && b.get() == CpuBuild.PLAIN) {
            return "";
        }
        return b.get().label() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }
}
