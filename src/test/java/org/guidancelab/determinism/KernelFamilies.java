package org.guidancelab.determinism;

import java.util.List;
import java.util.Set;

/**
 * OpenBLAS kernel families of x86-64 (names as OPENBLAS_CORETYPE takes them) and the CPU flags each needs: forcing a
 * family whose instructions the CPU lacks ends the process with SIGILL, so only runnable families are tested.
 */
enum KernelFamilies {
    SANDYBRIDGE("Sandybridge", List.of("avx")),
    HASWELL("Haswell", List.of("avx2", "fma")),
    ZEN("Zen", List.of("avx2", "fma")),
    SKYLAKEX("SkylakeX", List.of("avx512f", "avx512bw", "avx512dq", "avx512vl", "avx512cd"));

    final String coreType;
    private final List<String> flags;

    KernelFamilies(String coreType, List<String> flags) {
        this.coreType = coreType;
        this.flags = flags;
    }

    boolean runsOn(Set<String> cpuFlags) {
        return cpuFlags.containsAll(flags);
    }
}
