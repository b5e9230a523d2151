package org.guidancelab.engine.blas;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine's products and reductions on preallocated buffers: small products, dots and axpys straight to OpenBLAS
 * when ND4J runs on the CPU (see {@link DirectBlas} for why), through ND4J otherwise (big products, the CUDA build,
 * strided views, other dtypes), with the same results either way. Drop-in for {@code Nd4j.gemm} and the BLAS
 * wrapper's dot and axpy.
 */
public final class Blas {
    /** ND4J's CPU backend; on any other (CUDA) arrays do not live in host memory. */
    static final String CPU_BACKEND = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";

    /**
     * Largest m n k sent straight to OpenBLAS. ND4J's matmul runs oneDNN kernels, faster than this OpenBLAS build's on
     * bigger products but behind a fixed op overhead per call; the two cost the same near m n k = 2^17 (a 64 x 64 x 32
     * product) on the CPU this was tuned on (docs/decisions/0008).
     */
    static final double DIRECT_MAX_WORK = 1 << 17;

    private static volatile Boolean direct;

    private Blas() {
    }

    /** Whether products go straight to OpenBLAS in this JVM (decided once, at the first call). */
    public static boolean isDirect() {
        Boolean d = direct;
        if (d == null) {
            synchronized (Blas.class) {
                if (direct == null) {
                    direct = Nd4j.getBackend().getClass().getName().equals(CPU_BACKEND) && openBlasPresent() && DirectBlas.load();
                }
                d = direct;
            }
        }
        return d;
    }

    private static boolean openBlasPresent() {
        try {
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack", false, Blas.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** c = alpha op(a) op(b) + beta c, as {@code Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta)}. */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta) {
        if (isDirect() && sameBlasType(a, b, c) && a.rank() == 2 && b.rank() == 2 && c.rank() == 2) {
            long m = transposeA ? a.size(1) : a.size(0);
            long k = transposeA ? a.size(0) : a.size(1);
            long kb = transposeB ? b.size(1) : b.size(0);
            long n = transposeB ? b.size(0) : b.size(1);
            if (k == kb && c.size(0) == m && c.size(1) == n && (double) m * n * k <= DIRECT_MAX_WORK) {
                MatrixLayout la = MatrixLayout.of(a);
                MatrixLayout lb = MatrixLayout.of(b);
                MatrixLayout lc = MatrixLayout.of(c);
                if (la != null && lb != null && lc != null && lc.rowMajor()) {
                    DirectBlas.gemm(a, la, transposeA, b, lb, transposeB, c, lc, (int) m, (int) n, (int) k, alpha, beta);
                    return;
                }
            }
        }
        Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta);
    }

    /** A new array op(a) op(b), as {@code Nd4j.gemm(a, b, transposeA, transposeB)}. */
    public static INDArray gemm(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        long m = transposeA ? a.size(1) : a.size(0);
        long n = transposeB ? b.size(0) : b.size(1);
        if (a.dataType() != b.dataType()) {
            return Nd4j.gemm(a, b, transposeA, transposeB);
        }
        INDArray c = Nd4j.create(a.dataType(), new long[] {m, n}, 'c');
        gemm(a, b, c, transposeA, transposeB, 1.0, 0.0);
        return c;
    }

    /** Sum of u .* v over all elements (same shape and element order). */
    public static double dot(INDArray u, INDArray v) {
        if (isDirect() && sameBlasType(u, v) && contiguousAlike(u, v)) {
            return DirectBlas.dot(u, v, (int) u.length());
        }
        return Nd4j.getBlasWrapper().dot(u.reshape(u.length()), v.reshape(v.length()));
    }

    /** y += alpha x over all elements (same shape and element order). */
    public static void axpy(double alpha, INDArray x, INDArray y) {
        if (isDirect() && sameBlasType(x, y) && contiguousAlike(x, y)) {
            DirectBlas.axpy((int) x.length(), alpha, x, y);
            return;
        }
        y.addi(alpha == 1.0 ? x : x.mul(alpha));
    }

    /** y = x over all elements (same shape and element order), as {@code y.assign(x)}. */
    public static void copy(INDArray x, INDArray y) {
        if (isDirect() && sameBlasType(x, y) && contiguousAlike(x, y)) {
            DirectBlas.copy((int) x.length(), x, y);
            return;
        }
        y.assign(x);
    }

    private static boolean sameBlasType(INDArray a, INDArray b, INDArray c) {
        return sameBlasType(a, b) && c.dataType() == a.dataType();
    }

    /** Both FLOAT or both DOUBLE (fixed arity: a varargs array per call would be the path's only garbage). */
    private static boolean sameBlasType(INDArray a, INDArray b) {
        DataType t = a.dataType();
        return (t == DataType.FLOAT || t == DataType.DOUBLE) && b.dataType() == t;
    }

    /** Both dense in memory, same shape, same order: element i of one faces element i of the other. */
    static boolean contiguousAlike(INDArray u, INDArray v) {
        return u.length() == v.length() && u.length() <= Integer.MAX_VALUE
                && java.util.Arrays.equals(u.shape(), v.shape())
                && dense(u) && dense(v) && (u.rank() < 2 || u.ordering() == v.ordering());
    }

    private static boolean dense(INDArray x) {
        return x.length() == 1 || x.elementWiseStride() == 1;
    }
}
