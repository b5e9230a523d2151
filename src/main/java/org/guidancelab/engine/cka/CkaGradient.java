package org.guidancelab.engine.cka;

import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Differentiable biased linear CKA between a target tap X [n, p] and a frozen guide tap Y [n, q], the training-time
 * term of guidance. Every product goes through {@link Blas#gemm} into buffers kept between calls (reallocated only
 * when a shape changes), so a training step allocates nothing here but scalars.
 *
 * <p>With column-centred Xc, Yc: feature form {@code CKA = a / (b c)}, a = ||Yc^T Xc||^2, b = ||Xc^T Xc||,
 * c = ||Yc^T Yc||, and {@code dCKA/dX = 2/(b c) (Yc A - (a/b^2) Xc Kx)} with A = Yc^T Xc, Kx = Xc^T Xc.
 * Gram form with K = Xc Xc^T, L = Yc Yc^T (already centred since Xc, Yc are), s = <K, L>, b = ||K||, c = ||L||:
 * dCKA/dK = (L - (s/b^2) K)/(b c), and K = Xc Xc^T gives {@code dCKA/dXc = 2/(b c) (L - (s/b^2) K) Xc}.
 * In both forms the gradient w.r.t. Xc already has zero column sums (Yc, Xc are centred; L and K have zero row
 * sums), so centring adds no backward term: dCKA/dX = dCKA/dXc.
 *
 * <p>One instance per tap pair (buffers are sized for that pair). Not thread-safe.
 */
public final class CkaGradient {
    /** Guards the divisions when a tap is constant over the batch (zero norm): CKA is then reported as 0. */
    private static final double TINY = 1e-30;

    private final CkaForm forced;
    private CkaForm lastForm;
    private long n = -1, p = -1, q = -1;
    private DataType dtype;
    private INDArray ones, meanX, meanY, xc, yc;
    private INDArray a, kx, ky;   // feature form
    private INDArray k, l;        // Gram form

    /** Picks the cheaper form per call from the shapes. */
    public CkaGradient() {
        this(null);
    }

    /** Always uses {@code form} (null = cheaper by shape); tests use this to check both forms. */
    public CkaGradient(CkaForm form) {
        this.forced = form;
    }

    /** The form used by the last call. */
    public CkaForm lastForm() {
        return lastForm;
    }

    /** Biased linear CKA of X and Y (no gradient). */
    public double value(INDArray x, INDArray y) {
        return compute(x, y, null);
    }

    /**
     * Biased linear CKA of X and Y, writing dCKA/dX into {@code dX} (same shape as X, overwritten) unless null.
     * X and Y must have the same number of rows (examples) and the same data type.
     */
    public double compute(INDArray x, INDArray y, INDArray dX) {
        return compute(x, y, dX, 1.0, false);
    }

    /**
     * As {@link #compute(INDArray, INDArray, INDArray)}, but writes {@code scale * dCKA/dX} into {@code dX}, added to
     * what it holds when {@code accumulate}. The scale and the sum ride on the gemms' alpha and beta, so a trainer
     * summing several pairs into one tap gradient needs no buffer per pair and no extra elementwise passes.
     */
    public double compute(INDArray x, INDArray y, INDArray dX, double scale, boolean accumulate) {
        if (x.rank() != 2 || y.rank() != 2 || x.rows() != y.rows()) {
            throw new IllegalArgumentException("CKA needs [n, p] and [n, q] matrices with the same n, got "
                    + java.util.Arrays.toString(x.shape()) + " and " + java.util.Arrays.toString(y.shape()));
        }
        ensureBuffers(x.rows(), x.columns(), y.columns(), x.dataType());
        center(x, meanX, xc);
        center(y, meanY, yc);
        lastForm = forced != null ? forced : CkaForm.cheaper(n, p, q);
        return lastForm == CkaForm.FEATURE ? feature(dX, scale, accumulate) : gram(dX, scale, accumulate);
    }

    private double feature(INDArray dX, double scale, boolean accumulate) {
        ensureFeatureBuffers();
        Blas.gemm(yc, xc, a, true, false, 1.0, 0.0);
        Blas.gemm(xc, xc, kx, true, false, 1.0, 0.0);
        Blas.gemm(yc, yc, ky, true, false, 1.0, 0.0);
        double aa = dot(a, a);
        double b = Math.sqrt(dot(kx, kx));
        double c = Math.sqrt(dot(ky, ky));
        if (b * c < TINY) {
            zeroUnlessAccumulating(dX, accumulate);
            return 0.0;
        }
        if (dX != null) {
            Blas.gemm(yc, a, dX, false, false, scale * 2.0 / (b * c), accumulate ? 1.0 : 0.0);
            Blas.gemm(xc, kx, dX, false, false, -scale * 2.0 * aa / (b * b * b * c), 1.0);
        }
        return aa / (b * c);
    }

    private double gram(INDArray dX, double scale, boolean accumulate) {
        ensureGramBuffers();
        Blas.gemm(xc, xc, k, false, true, 1.0, 0.0);
        Blas.gemm(yc, yc, l, false, true, 1.0, 0.0);
        double s = dot(k, l);
        double b = Math.sqrt(dot(k, k));
        double c = Math.sqrt(dot(l, l));
        if (b * c < TINY) {
            zeroUnlessAccumulating(dX, accumulate);
            return 0.0;
        }
        if (dX != null) {
            // L - (s/b^2) K formed in L's own buffer (L is not needed after its norm): one axpy, no third n x n array.
            Blas.axpy(-s / (b * b), k, l);
            Blas.gemm(l, xc, dX, false, false, scale * 2.0 / (b * c), accumulate ? 1.0 : 0.0);
        }
        return s / (b * c);
    }

    private static void zeroUnlessAccumulating(INDArray dX, boolean accumulate) {
        if (dX != null && !accumulate) {
            dX.assign(0);
        }
    }

    /** out = in - ones * mean(in): two gemms, no temporary arrays. */
    private void center(INDArray in, INDArray mean, INDArray out) {
        Blas.gemm(ones, in, mean, true, false, 1.0 / in.rows(), 0.0);
        Blas.copy(in, out);
        Blas.gemm(ones, mean, out, false, false, -1.0, 1.0);
    }

    static double dot(INDArray u, INDArray v) {
        return Blas.dot(u, v);
    }

    private void ensureBuffers(long rows, long px, long qy, DataType dt) {
        if (rows == n && px == p && qy == q && dt == dtype) {
            return;
        }
        n = rows;
        p = px;
        q = qy;
        dtype = dt;
        ones = Nd4j.ones(dt, n, 1);
        meanX = Nd4j.create(dt, 1, p);
        meanY = Nd4j.create(dt, 1, q);
        xc = Nd4j.create(dt, n, p);
        yc = Nd4j.create(dt, n, q);
        a = kx = ky = k = l = null;
    }

    private void ensureFeatureBuffers() {
        if (a == null) {
            a = Nd4j.create(dtype, q, p);
            kx = Nd4j.create(dtype, p, p);
            ky = Nd4j.create(dtype, q, q);
        }
    }

    private void ensureGramBuffers() {
        if (k == null) {
            k = Nd4j.create(dtype, n, n);
            l = Nd4j.create(dtype, n, n);
        }
    }
}
