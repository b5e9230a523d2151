package org.guidancelab.engine.blas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One product {@code c = alpha op(a) op(b) + beta c} on arrays fixed for its lifetime, its shapes, layouts and
 * addresses worked out once: for thousands of tiny products per step (attention per example and head) the checks of
 * {@link Blas#gemm} cost a large share of each call. Runs on the library {@link Blas#gemm} would use for it
 * ({@link SgemmRoute}); falls back to {@link Blas#gemm} wherever that would not skip ND4J in single precision.
 */
public final class FixedGemm {
    private final INDArray a, b, c;
    private final boolean transposeA, transposeB;
    private final double alpha, beta;
    private final boolean direct;
    private final int ta, tb, m, n, k, lda, ldb, ldc;
    private final long pa, pb, pc;
    private final SgemmRoute route;

    /** The product {@code Blas.gemm(a, b, c, transposeA, transposeB, alpha, beta)} would compute, kept to be run. */
    public FixedGemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta) {
        this.a = a;
        this.b = b;
        this.c = c;
        this.transposeA = transposeA;
        this.transposeB = transposeB;
        this.alpha = alpha;
        this.beta = beta;
        MatrixLayout la = MatrixLayout.of(a);
        MatrixLayout lb = MatrixLayout.of(b);
        MatrixLayout lc = MatrixLayout.of(c);
        long rows = transposeA ? a.size(1) : a.size(0);
        long inner = transposeA ? a.size(0) : a.size(1);
        long innerB = transposeB ? b.size(1) : b.size(0);
        long cols = transposeB ? b.size(0) : b.size(1);
        direct = Blas.isDirect() && a.dataType() == DataType.FLOAT && b.dataType() == DataType.FLOAT
                && c.dataType() == DataType.FLOAT && la != null && lb != null && lc != null && lc.rowMajor()
                && inner == innerB && c.size(0) == rows && c.size(1) == cols
                && (double) rows * cols * inner <= Blas.directMaxWork(DataType.FLOAT);
        if (direct) {
            // as DirectBlas.gemm: a column-major operand is the row-major transpose of itself
            ta = transposeA != !la.rowMajor() ? CblasTrans : CblasNoTrans;
            tb = transposeB != !lb.rowMajor() ? CblasTrans : CblasNoTrans;
            m = (int) rows;
            n = (int) cols;
            k = (int) inner;
            lda = la.leading();
            ldb = lb.leading();
            ldc = lc.leading();
            pa = DirectBlas.address(a, la.offset());
            pb = DirectBlas.address(b, lb.offset());
            pc = DirectBlas.address(c, lc.offset());
            route = SgemmRoute.chosen();
        } else {
            ta = tb = m = n = k = lda = ldb = ldc = 0;
            pa = pb = pc = 0;
            route = null;
        }
    }

    /** Computes the product into c with the arrays' current values. */
    public void run() {
        if (direct) {
            DirectBlas.sgemm(ta, tb, m, n, k, (float) alpha, pa, lda, pb, ldb, (float) beta, pc, ldc, route);
        } else {
            Blas.gemm(a, b, c, transposeA, transposeB, alpha, beta);
        }
    }
}
