package org.guidancelab.platform;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** The ND4J CPU native builds the app can ship: each one's JavaCPP platform extension and the CPU flags it needs. */
public enum CpuBuild {
    ONEDNN_AVX512("-onednn-avx512", "oneDNN, AVX-512", "avx512f avx512bw avx512dq avx512vl avx2 fma"),
    ONEDNN_AVX2("-onednn-avx2", "oneDNN, AVX2", "avx2 fma"),
    PLAIN("", "plain", "");

    private final String extension;
    private final String label;
    private final Set<String> flags;

    CpuBuild(String extension, String label, String flags) {
        this.extension = extension;
        this.label = label;
        this.flags = flags.isEmpty() ? Set.of() : Set.of(flags.split(" "));
    }

    /** The value of {@code org.bytedeco.javacpp.platform.extension} that loads this build ("" for the plain one). */
    public String extension() {
        return extension;
    }

    /** How the backend line names it. */
    public String label() {
        return label;
    }

    /** Whether a CPU with these /proc/cpuinfo flags can execute this build's code. */
    public boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(flags);
    }

    /** The build's main native library, whose presence on the classpath says the build ships. */
    String library() {
        return "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64" + extension + "/libjnind4jcpu.so";
    }

    /** Whether this build's natives are on the classpath. */
    public boolean shipped() {
        return CpuBuild.class.getClassLoader().getResource(library()) != null;
    }

    public static Optional<CpuBuild> ofExtension(String extension) {
        return Arrays.stream(values()).filter(b -> b.extension.equals(extension)).findFirst();
    }
}
