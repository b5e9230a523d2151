package org.guidancelab.engine.blas;

import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.FloatPointer;

/** oneDNN's row-major sgemm, {@code C = alpha op(A) op(B) + beta C}, on host memory. */
final class OneDnnSgemm {
    private static final byte NO = (byte) 'N';
    private static final byte YES = (byte) 'T';

    private OneDnnSgemm() {
    }

    /** Loads oneDNN's bindings; false when they cannot load here. */
    static boolean load() {
        try {
            org.bytedeco.javacpp.Loader.load(dnnl.class);
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    static void sgemm(boolean transA, boolean transB, int m, int n, int k, float alpha, FloatPointer a, int lda,
                      FloatPointer b, int ldb, float beta, FloatPointer c, int ldc) {
        int status = dnnl.dnnl_sgemm(transA ? YES : NO, transB ? YES : NO, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        if (status != dnnl.dnnl_success) {
            throw new IllegalStateException("oneDNN's sgemm refused a " + m + " x " + n + " x " + k + " product (status "
                    + status + ")");
        }
    }
}
