package org.guidancelab.engine.blas;

import org.guidancelab.platform.CpuInfo;
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
     * Largest m n k sent straight to OpenBLAS where no measurement says otherwise. ND4J's matmul runs oneDNN kernels,
     * faster than this OpenBLAS build's on bigger products on the Intel Xeon this was tuned on, behind a fixed op
     * overhead per call; there the two cost the same near m n k = 2^17 (a 64 x 64 x 32 product, docs/decisions/0008).
     */
    static final double DIRECT_MAX_WORK = 1 << 17;

    /** The system property that overrides the largest product sent straight to OpenBLAS (a number, or "all"). */
    public static final String DIRECT_MAX_WORK_PROPERTY = "guidancelab.blas.directMaxWork";

    private static volatile Double directMaxWork;

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

    /** Host address of element 0 of a contiguous array in host memory (only when {@link #isDirect()}). */
    public static long hostAddress(INDArray m) {
        return DirectBlas.address(m, m.offset());
    }

    private static boolean openBlasPresent() {
        try {
            Class.forName("org.bytedeco.openblas.global.openblas_nolapack", false, Blas.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The largest m n k of this dtype that skip ND4J's matmul: all float products on oneDNN's sgemm (the kernels ND4J's
     * matmul would run, without its per-call op); else the largest sent straight to OpenBLAS: the property's value
     * (a bad one is ignored with a warning on stderr); else no limit on AMD CPUs, where
     * the bundled OpenBLAS matched or beat oneDNN's matmul at every size measured (docs/decisions/0026); else 2^17.
     */
    public static double directMaxWork(DataType type) {
        return type == DataType.FLOAT && SgemmRoute.chosen() == SgemmRoute.ONEDNN ? Double.POSITIVE_INFINITY
                : directMaxWork();
    }

    /**
     * For benchmark headers: where products go, e.g. "float through oneDNN's sgemm at every size, double straight to
     * OpenBLAS at every size".
     */
    public static String productRoute() {
        SgemmRoute route = SgemmRoute.chosen();
        String single = "float through " + route.label() + " " + sizes(directMaxWork(DataType.FLOAT));
        return route == SgemmRoute.ONEDNN ? single + ", double through OpenBLAS " + sizes(directMaxWork()) : single;
    }

    /** "at every size", or "up to m*n*k=N" (then ND4J's matmul above). */
    public static String sizes(double maxWork) {
        return Double.isInfinite(maxWork) ? "at every size"
                : String.format(java.util.Locale.ROOT, "up to m*n*k=%.0f (ND4J's matmul above)", maxWork);
    }

    /** The largest m n k of double products (and of float ones on OpenBLAS) sent straight to OpenBLAS. */
    public static double directMaxWork() {
        Double d = directMaxWork;
        if (d == null) {
            d = directMaxWork(System.getProperty(DIRECT_MAX_WORK_PROPERTY), CpuInfo.read().model());
            directMaxWork = d;
        }
        return d;
    }

    static double directMaxWork(String property, String cpuModel) {
        if (property != null && !property.isBlank()) {
            String v = property.trim();
            if (v.equalsIgnoreCase("all")) {
                return Double.POSITIVE_INFINITY;
            }
            try {
                return Math.max(0, Double.parseDouble(v));
            } catch (NumberFormatException e) {
                // A tuning knob read deep inside training: a typo must not stop a run; the bench header shows the route.
                System.err.println(badDirectMaxWork(property));
            }
        }
        return cpuModel.startsWith("AMD") ? Double.POSITIVE_INFINITY : DIRECT_MAX_WORK;
    }

    static String badDirectMaxWork(String property) {
        return "warning: -D" + DIRECT_MAX_WORK_PROPERTY + "=" + property
                + " ignored: expected a number (the largest m*n*k sent straight to OpenBLAS) or 'all'";
    }

    /** c = alpha op(a) op(b) + beta c, as {@code Nd4j.gemm(a, b, c, transposeA, transposeB, alpha, beta)}. */
    public static void gemm(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, double alpha, double beta) {
        if (isDirect() && sameBlasType(a, b, c) && a.rank() == 2 && b.rank() == 2 && c.rank() == 2) {
            long m = transposeA ? a.size(1) : a.size(0);
            long k = transposeA ? a.size(0) : a.size(1);
            long kb = transposeB ? b.size(1) : b.size(0);
            long n = transposeB ? b.size(0) : b.size(1);
            if (k == kb && c.size(0) == m && c.size(1) == n && (double) m * n * k <= directMaxWork(c.dataType())) {
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

    /**
     * The upper triangle, diagonal included, of {@code c = a a^T} for a [n, k] and c [n, n] of one dtype: a symmetric
     * rank-k update, half the multiply-adds of {@code gemm(a, a, c, false, true, ...)}. c's strict lower triangle is
     * unspecified afterwards (left as it was by OpenBLAS's syrk, filled by the gemm fallback). Straight to OpenBLAS
     * whatever the size: ND4J 1.0.0-M2.1's own syrk computes the wrong product (docs/decisions/0009).
     */
    public static void syrkUpper(INDArray a, INDArray c) {
        if (a.rank() != 2 || c.rank() != 2 || c.size(0) != a.size(0) || c.size(1) != a.size(0)) {
            throw new IllegalArgumentException("syrk needs [n, k] and [n, n], got " + java.util.Arrays.toString(a.shape())
                    + " and " + java.util.Arrays.toString(c.shape()));
        }
        if (isDirect() && sameBlasType(a, c) && a.size(0) > 0 && denseRowMajor(a) && denseRowMajor(c)) {
            DirectBlas.syrkUpper(a, a.offset(), (int) a.size(0), (int) a.size(1), 1.0, c, c.offset());
            return;
        }
        Nd4j.gemm(a, a, c, false, true, 1.0, 0.0);
    }

    /**
     * As {@link #syrkUpper(INDArray, INDArray)} on Java arrays: {@code a} holds [n, k] row-major, {@code c} receives
     * [n, n] row-major of which only the upper triangle (i <= j) is meant to be read. Allocates nothing per call on
     * the direct path (a per-thread native scratch), so threads may call it concurrently.
     */
    public static void syrkUpper(float[] a, int n, int k, float[] c) {
        check(a.length, c.length, n, k);
        if (isDirect()) {
            DirectBlas.syrkUpper(a, n, k, c);
            return;
        }
        INDArray x = Nd4j.create(a, new long[] {n, k}, 'c');
        System.arraycopy(Nd4j.gemm(x, x, false, true).dup('c').data().asFloat(), 0, c, 0, n * n);
    }

    /** Double precision {@link #syrkUpper(float[], int, int, float[])}. */
    public static void syrkUpper(double[] a, int n, int k, double[] c) {
        check(a.length, c.length, n, k);
        if (isDirect()) {
            DirectBlas.syrkUpper(a, n, k, c);
            return;
        }
        INDArray x = Nd4j.create(a, new long[] {n, k}, 'c');
        System.arraycopy(Nd4j.gemm(x, x, false, true).dup('c').data().asDouble(), 0, c, 0, n * n);
    }

    private static void check(int aLength, int cLength, int n, int k) {
        if ((long) n * k > aLength || (long) n * n > cLength) {
            throw new IllegalArgumentException("syrk of [" + n + ", " + k + "] needs " + (long) n * k + " and "
                    + (long) n * n + " elements, got " + aLength + " and " + cLength);
        }
    }

    /** All of {@code x} (any layout, FLOAT or DOUBLE or other) as floats in C order, one copy on the direct path. */
    public static float[] readFloats(INDArray x) {
        float[] out = new float[(int) x.length()];
        if (isDirect() && x.dataType() == DataType.FLOAT && denseC(x)) {
            DirectBlas.read(x, 0, out, out.length);
        } else if (out.length > 0) {
            INDArray f = x.castTo(DataType.FLOAT).dup('c');
            System.arraycopy(f.data().asFloat(), 0, out, 0, out.length);
        }
        return out;
    }

    /** All of {@code x} as doubles in C order. */
    public static double[] readDoubles(INDArray x) {
        double[] out = new double[(int) x.length()];
        if (isDirect() && x.dataType() == DataType.DOUBLE && denseC(x)) {
            DirectBlas.read(x, 0, out, out.length);
        } else if (isDirect() && x.dataType() == DataType.FLOAT && denseC(x)) {
            float[] f = new float[out.length];
            DirectBlas.read(x, 0, f, f.length);
            for (int i = 0; i < f.length; i++) {
                out[i] = f[i];
            }
        } else if (out.length > 0) {
            INDArray d = x.castTo(DataType.DOUBLE).dup('c');
            System.arraycopy(d.data().asDouble(), 0, out, 0, out.length);
        }
        return out;
    }

    /**
     * The first {@code length} of {@code values} into a C-ordered FLOAT array {@code into}, from flat element
     * {@code at} on. On the direct path one copy with no ND4J op, so threads may fill disjoint ranges concurrently.
     */
    public static void put(float[] values, int length, INDArray into, long at) {
        checkRange(length, into, at, DataType.FLOAT);
        if (isDirect() && denseC(into)) {
            DirectBlas.write(values, length, into, at);
        } else if (length > 0) {
            into.reshape('c', new long[] {into.length()}).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + length))
                    .assign(Nd4j.create(java.util.Arrays.copyOf(values, length)));
        }
    }

    /**
     * {@code length} values of a C-ordered FLOAT array from flat element {@code at} on into {@code into}: the
     * read-side twin of {@link #put(float[], int, INDArray, long)}, into an array the caller keeps between steps.
     */
    public static void get(INDArray from, long at, float[] into, int length) {
        checkRange(length, from, at, DataType.FLOAT);
        if (isDirect() && denseC(from)) {
            DirectBlas.read(from, at, into, length);
        } else if (length > 0) {
            INDArray part = from.reshape('c', new long[] {from.length()})
                    .get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + length));
            System.arraycopy(part.dup().data().asFloat(), 0, into, 0, length);
        }
    }

    /** Double precision {@link #put(float[], int, INDArray, long)}. */
    public static void put(double[] values, int length, INDArray into, long at) {
        checkRange(length, into, at, DataType.DOUBLE);
        if (isDirect() && denseC(into)) {
            DirectBlas.write(values, length, into, at);
        } else if (length > 0) {
            into.reshape('c', new long[] {into.length()}).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + length))
                    .assign(Nd4j.create(java.util.Arrays.copyOf(values, length)));
        }
    }

    private static void checkRange(int length, INDArray into, long at, DataType type) {
        if (into.dataType() != type || at < 0 || at + length > into.length()) {
            throw new IllegalArgumentException("cannot put " + length + " " + type + " values at " + at + " into "
                    + into.dataType() + " " + java.util.Arrays.toString(into.shape()));
        }
    }

    /**
     * Sum of the squares of {@code length} elements of a C-ordered FLOAT or DOUBLE array from flat element {@code at}
     * on, products and sum in double (BLAS dsdot for floats).
     */
    public static double sumOfSquares(INDArray x, long at, int length) {
        if (at < 0 || at + length > x.length()) {
            throw new IllegalArgumentException(length + " elements at " + at + " of " + x.length());
        }
        if (length == 0) {
            return 0.0;
        }
        if (isDirect() && (x.dataType() == DataType.FLOAT || x.dataType() == DataType.DOUBLE) && denseC(x)) {
            return DirectBlas.sumOfSquares(x, at, length);
        }
        INDArray part = x.reshape('c', new long[] {x.length()}).get(org.nd4j.linalg.indexing.NDArrayIndex.interval(at, at + length))
                .castTo(DataType.DOUBLE);
        return part.mul(part).sumNumber().doubleValue();
    }

    /** Dense in memory in C order (element i of the flat C-order view at offset + i). */
    private static boolean denseC(INDArray x) {
        return x.length() <= Integer.MAX_VALUE && (x.length() <= 1 || cStrides(x));
    }

    /** Each dimension steps by the product of the sizes after it (unit dimensions step by anything). */
    private static boolean cStrides(INDArray x) {
        long expected = 1;
        for (int d = x.rank() - 1; d >= 0; d--) {
            if (x.size(d) != 1 && x.stride(d) != expected) {
                return false;
            }
            expected *= x.size(d);
        }
        return true;
    }

    /** A rank-2 array laid out row after row with no gaps (what syrk's row-major pointers assume). */
    private static boolean denseRowMajor(INDArray x) {
        return x.rank() == 2 && denseC(x);
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
