package org.guidancelab.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Sets how many threads ND4J's kernels and OpenBLAS use. The CLI defaults to 1 because the small products of these
 * networks are too short to gain from splitting across cores (docs/decisions/0010).
 */
public final class ComputeThreads {
    /**
     * OpenBLAS's thread setter, looked up by name: the CUDA build (-Pcuda) has no OpenBLAS classes, and engine code
     * must compile and run on both backends.
     */
    static final String OPENBLAS = "org.bytedeco.openblas.global.openblas_nolapack";

    /** The count of the last {@link #set}; 0 before (then each thread keeps OpenMP's own default). */
    private static volatile int chosen;

    private ComputeThreads() {
    }

    /** @throws org.guidancelab.platform.BackendUnavailableException when ND4J's backend cannot start */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        Backends.detect(); // starts ND4J, or explains in words why it cannot (a GPU build without a GPU)
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        setBlasThreads(threads);
        chosen = threads;
        bindCurrentThread();
    }

    /** The count of the last {@link #set}, or 0 when none was set (ND4J and OpenBLAS then use their defaults). */
    public static int chosen() {
        return chosen;
    }

    /**
     * Applies the chosen count to OpenMP for the calling thread. OpenMP keeps its thread count per calling thread,
     * and the oneDNN build's kernels (see {@link org.guidancelab.platform.NativeBuild}) run on OpenMP: a
     * training thread that never set it would use every core, whatever --threads says. Called by each arm as it starts.
     */
    public static void bindCurrentThread() {
        int n = chosen;
        if (n < 1) {
            return;
        }
        try {
            org.nd4j.nativeblas.NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        } catch (LinkageError | RuntimeException e) {
            // a backend without OpenMP control: ND4J's own thread settings apply
        }
    }

    /** True when OpenBLAS was found and told; false on a backend without it (CUDA), where ND4J's settings suffice. */
    static boolean setBlasThreads(int threads) {
        try {
            Method m = Class.forName(OPENBLAS).getMethod("blas_set_num_threads", int.class);
            m.invoke(null, threads);
            return true;
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException | LinkageError e) {
            return false;
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("OpenBLAS refused " + threads + " threads", e.getCause());
        }
    }
}
