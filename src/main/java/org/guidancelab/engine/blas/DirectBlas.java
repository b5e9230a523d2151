package org.guidancelab.engine.blas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasUpper;

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

    /**
     * Native memory of one thread for products of Java arrays: an operand and a result, grown to the largest seen
     * and kept (a heatmap's taps all have the same shape, so after the first tap nothing is allocated).
     */
    private static final class Scratch {
        FloatPointer fa, fc;
        DoublePointer da, dc;

        static FloatPointer floats(FloatPointer p, long size) {
            if (p != null && p.capacity() >= size) {
                return p;
            }
            if (p != null) {
                p.close();
            }
            FloatPointer q = new FloatPointer(Math.max(1, size));
            q.zero(); // syrk with beta 0 never reads C, but no NaN pattern should be lying there if one did
            return q;
        }

        static DoublePointer doubles(DoublePointer p, long size) {
            if (p != null && p.capacity() >= size) {
                return p;
            }
            if (p != null) {
                p.close();
            }
            DoublePointer q = new DoublePointer(Math.max(1, size));
            q.zero();
            return q;
        }
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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
        gemm(a, la, transA, b, lb, transB, c, lc, m, n, k, alpha, beta, SgemmRoute.chosen());
    }

    /** As above, float products on {@code route} (the benchmark compares the two). */
    static void gemm(INDArray a, MatrixLayout la, boolean transA, INDArray b, MatrixLayout lb, boolean transB,
            INDArray c, MatrixLayout lc, int m, int n, int k, double alpha, double beta, SgemmRoute route) {
        // a column-major operand is the row-major transpose of itself: flip its transpose flag
        int ta = transA != !la.rowMajor() ? CblasTrans : CblasNoTrans;
        int tb = transB != !lb.rowMajor() ? CblasTrans : CblasNoTrans;
        Pointers p = POINTERS.get();
        if (c.dataType() == DataType.FLOAT && route == SgemmRoute.ONEDNN) {
            OneDnnSgemm.sgemm(ta == CblasTrans, tb == CblasTrans, m, n, k, (float) alpha,
                    p.fa.at(address(a, la.offset())), la.leading(), p.fb.at(address(b, lb.offset())), lb.leading(),
                    (float) beta, p.fc.at(address(c, lc.offset())), lc.leading());
        } else if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, (float) alpha,
                    p.fa.at(address(a, la.offset())), la.leading(), p.fb.at(address(b, lb.offset())), lb.leading(),
                    (float) beta, p.fc.at(address(c, lc.offset())), lc.leading());
        } else {
            openblas_nolapack.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, alpha,
                    p.da.at(address(a, la.offset())), la.leading(), p.db.at(address(b, lb.offset())), lb.leading(),
                    beta, p.dc.at(address(c, lc.offset())), lc.leading());
        }
    }

    /** Row-major sgemm on host addresses already resolved ({@link FixedGemm}), CBLAS transpose codes, on a route. */
    static void sgemm(int ta, int tb, int m, int n, int k, float alpha, long a, int lda, long b, int ldb, float beta,
            long c, int ldc, SgemmRoute route) {
        Pointers p = POINTERS.get();
        if (route == SgemmRoute.ONEDNN) {
            OneDnnSgemm.sgemm(ta == CblasTrans, tb == CblasTrans, m, n, k, alpha, p.fa.at(a), lda, p.fb.at(b), ldb, beta,
                    p.fc.at(c), ldc);
        } else {
            openblas_nolapack.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, alpha, p.fa.at(a), lda, p.fb.at(b), ldb, beta,
                    p.fc.at(c), ldc);
        }
    }

    /**
     * The upper triangle (with the diagonal) of c = alpha a a^T, a [n, k] and c [n, n] both dense row-major views
     * of one dtype; c's strict lower triangle is not written.
     */
    static void syrkUpper(INDArray a, long aOffset, int n, int k, double alpha, INDArray c, long cOffset) {
        Pointers p = POINTERS.get();
        if (c.dataType() == DataType.FLOAT) {
            openblas_nolapack.cblas_ssyrk(CblasRowMajor, CblasUpper, CblasNoTrans, n, k, (float) alpha,
                    p.fa.at(address(a, aOffset)), Math.max(1, k), 0f, p.fc.at(address(c, cOffset)), Math.max(1, n));
        } else {
            openblas_nolapack.cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, n, k, alpha,
                    p.da.at(address(a, aOffset)), Math.max(1, k), 0.0, p.dc.at(address(c, cOffset)), Math.max(1, n));
        }
    }

    /** As {@link #syrkUpper(INDArray, long, int, int, double, INDArray, long)} on Java arrays (row-major, alpha 1). */
    static void syrkUpper(float[] a, int n, int k, float[] c) {
        Scratch s = SCRATCH.get();
        s.fa = Scratch.floats(s.fa, (long) n * k);
        s.fc = Scratch.floats(s.fc, (long) n * n);
        s.fa.put(a, 0, n * k);
        openblas_nolapack.cblas_ssyrk(CblasRowMajor, CblasUpper, CblasNoTrans, n, k, 1f, s.fa, Math.max(1, k), 0f,
                s.fc, Math.max(1, n));
        s.fc.get(c, 0, n * n);
    }

    static void syrkUpper(double[] a, int n, int k, double[] c) {
        Scratch s = SCRATCH.get();
        s.da = Scratch.doubles(s.da, (long) n * k);
        s.dc = Scratch.doubles(s.dc, (long) n * n);
        s.da.put(a, 0, n * k);
        openblas_nolapack.cblas_dsyrk(CblasRowMajor, CblasUpper, CblasNoTrans, n, k, 1.0, s.da, Math.max(1, k), 0.0,
                s.dc, Math.max(1, n));
        s.dc.get(c, 0, n * n);
    }

    /** {@code length} values of a contiguous DOUBLE array, from element {@code at} on, into {@code into}. */
    static void read(INDArray x, long at, double[] into, int length) {
        POINTERS.get().da.at(address(x, x.offset() + at)).get(into, 0, length);
    }

    /** {@code length} values of a contiguous FLOAT array, from element {@code at} on, into {@code into}. */
    static void read(INDArray x, long at, float[] into, int length) {
        POINTERS.get().fa.at(address(x, x.offset() + at)).get(into, 0, length);
    }

    /** The first {@code length} of {@code values} into a contiguous FLOAT array from element {@code at} on. */
    static void write(float[] values, int length, INDArray x, long at) {
        POINTERS.get().fc.at(address(x, x.offset() + at)).put(values, 0, length);
    }

    /** The first {@code length} of {@code values} into a contiguous DOUBLE array from element {@code at} on. */
    static void write(double[] values, int length, INDArray x, long at) {
        POINTERS.get().dc.at(address(x, x.offset() + at)).put(values, 0, length);
    }

    /** Sum of squares, accumulated in double, of {@code length} contiguous elements from flat element {@code at}. */
    static double sumOfSquares(INDArray x, long at, int length) {
        Pointers p = POINTERS.get();
        if (x.dataType() == DataType.FLOAT) {
            FloatAt f = p.fa.at(address(x, x.offset() + at));
            return openblas_nolapack.cblas_dsdot(length, f, 1, f, 1);
        }
        DoubleAt d = p.da.at(address(x, x.offset() + at));
        return openblas_nolapack.cblas_ddot(length, d, 1, d, 1);
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
