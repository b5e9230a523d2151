package org.guidancelab.engine.blas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * OpenBLAS called on the arrays' own memory, with no ND4J op in between. An {@code Nd4j.gemm} builds a custom op,
 * an op context, shape buffers and half a dozen JavaCPP pointers with deallocators, which for the small matrices of a
 * guided step costs more than the product itself (docs/decisions/0008-small-products-straight-to-openblas.md). Here
 * each thread reuses three pointer objects whose address is set per call, so a product allocates nothing.
 *
 * <p>Only loaded by {@link Blas} when ND4J runs on the CPU backend (arrays in host memory) and OpenBLAS is present.
 */
final class DirectBlas {
    /** A FloatPointer whose address is set per call, instead of a new native-backed object per call. */
    private static final class FloatAt extends FloatPointer {
        FloatAt at(long address) {
            this.address = address;
            return this;
        }
    }

    private static final class DoubleAt extends DoublePointer {
        DoubleAt at(long address) {
            this.address = address;
            return this;
        }
    }

    private static final class Pointers {
        final FloatAt fa = new FloatAt(), fb = new FloatAt(), fc = new FloatAt();
        final DoubleAt da = new DoubleAt(), db = new DoubleAt(), dc = new DoubleAt();
    }

    private static final ThreadLocal<Pointers> POINTERS = ThreadLocal.withInitial(Pointers::new);

    private DirectBlas() {
    }

    /** Loads OpenBLAS's bindings; false when they cannot load here. */
    static boolean load() {
        try {
            org.bytedeco.javacpp.Loader.load(openblas_nolapack.class);
            return true;
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Host address of element 0 of {@code m} (the buffer's base plus the array's offset, in bytes). */
    static long address(INDArray m, long offsetElements) {
        return m.data().pointer().address() + offsetElements * m.data().getElementSize();
    }

    /**
     * c = alpha op(a) op(b) + beta c, with a, b, c already checked: one dtype (FLOAT or DOUBLE), c row-major,
     * shapes conforming.
     */
    static void gemm(INDArray a, MatrixLayout la, boolean transA, INDArray b, MatrixLayout lb, boolean transB,
            INDArray c, MatrixLayout lc, int m, int n, int k, double alpha, double beta) {
        // a column-major operand is the row-major transpose of itself: flip its transpose flag
        int ta = transA != !la.rowMajor() ? CblasTrans : CblasNoTrans;
        int tb = transB != !lb.rowMajor() ? CblasTrans : CblasNoTrans;
        Pointers p = POINTERS.get();
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    p.fa.at(address(a, la.offset())), la.leading(), p.fb.at(address(b, lb.offset())), lb.leading(),
                    (float) beta, p.fc.at(address(c, lc.offset())), lc.leading());
        } else {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha,
                    p.da.at(address(a, la.offset())), la.leading(), p.db.at(address(b, lb.offset())), lb.leading(),
                    beta, p.dc.at(address(c, lc.offset())), lc.leading());
        }
    }

    /** Dot product of two contiguous arrays of {@code length} elements. */
    static double dot(INDArray u, INDArray v, int length) {
        Pointers p = POINTERS.get();
        if (u.dataType() == DataType.FLOAT) {
            return openblas_nolapack.cblas_sdot(length, p.fa.at(address(u, u.offset())), 1, p.fb.at(address(v, v.offset())), 1);
        }
        return openblas_nolapack.cblas_ddot(length, p.da.at(address(u, u.offset())), 1, p.db.at(address(v, v.offset())), 1);
    }

    /** y = x over two contiguous arrays of {@code length} elements. */
    static void copy(int length, INDArray x, INDArray y) {
        Pointers p = POINTERS.get();
        if (x.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_scopy(length, p.fa.at(address(x, x.offset())), 1, p.fb.at(address(y, y.offset())), 1);
        } else {
            openblas_nolapack.cblas_dcopy(length, p.da.at(address(x, x.offset())), 1, p.db.at(address(y, y.offset())), 1);
        }
    }

    /** The first {@code length} values of a contiguous FLOAT array into {@code into}, one JNI copy. */
    static void read(INDArray x, float[] into, int length) {
        POINTERS.get().fa.at(address(x, x.offset())).get(into, 0, length);
    }

    /** {@code values}' first {@code length} into a contiguous FLOAT array, one JNI copy. */
    static void write(float[] values, INDArray x, int length) {
        POINTERS.get().fc.at(address(x, x.offset())).put(values, 0, length);
    }

    /** y += alpha x over two contiguous arrays of {@code length} elements. */
    static void axpy(int length, double alpha, INDArray x, INDArray y) {
        Pointers p = POINTERS.get();
        if (x.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_saxpy(length, (float) alpha, p.fa.at(address(x, x.offset())), 1, p.fb.at(address(y, y.offset())), 1);
        } else {
            openblas_nolapack.cblas_daxpy(length, alpha, p.da.at(address(x, x.offset())), 1, p.db.at(address(y, y.offset())), 1);
        }
    }
}
