package org.guidancelab.determinism;

import java.util.List;
import java.util.Set;

/**
 * OpenBLAS kernel families of x86-64 (names as OPENBLAS_CORETYPE takes them), each with the widest instruction set
 * oneDNN's kernels may use beside them (as DNNL_MAX_CPU_ISA takes it, and as OneDnn.describe names it), and the CPU
 * flags both need: forcing a family whose instructions the CPU lacks ends the process with SIGILL, so only runnable
 * families are tested.
 */
enum KernelFamilies {
    SANDYBRIDGE("Sandybridge", "AVX", "avx", List.of("avx")),
    HASWELL("Haswell", "AVX2", "avx2", List.of("avx2", "fma")),
    ZEN("Zen", "AVX2", "avx2", List.of("avx2", "fma")),
    SKYLAKEX("SkylakeX", "AVX512_CORE", "avx512", List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"));

    final String coreType;
    final String oneDnnIsa;
    final String oneDnnIsaName;
    private final List<String> flags;

    KernelFamilies(String coreType, String oneDnnIsa, String oneDnnIsaName, List<String> flags) {
        this.coreType = coreType;
        this.oneDnnIsa = oneDnnIsa;
        this.oneDnnIsaName = oneDnnIsaName;
        this.flags = flags;
    }

    boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(flags);
    }
}
