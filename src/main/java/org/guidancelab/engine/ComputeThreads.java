package org.guidancelab.engine;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets how many threads ND4J's kernels and OpenBLAS use. On the 2-core lab machines 1 thread runs small nets 2-3x
 * faster than 2 (BENCHMARKS.md), hence the CLI's default.
 */
public final class ComputeThreads {
    private ComputeThreads() {
    }

    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        try {
            org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(threads);
        } catch (LinkageError e) {
            // A backend without bundled OpenBLAS (CUDA): the ND4J settings above are all there is.
        }
    }
}
