package org.guidancelab.engine.model.fast;

import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One trainable post-norm Transformer block without dropout,
 * {@code y1 = LN1(x + MHA(x)); y = LN2(y1 + W2 ReLU(W1 y1 + b1) + b2)}, with the reference's math and flat layout
 * (W_q, b_q, W_k, b_k, W_v, b_v, W_o, b_o, gamma1, beta1, W1, b1, W2, b2, gamma2, beta2). The projections and their
 * gradients are gemms on the [n*T, d] rows (the query, key and value biases and their gradients as rank-1 gemms; the
 * other biases added and summed in the Java passes over the same rows), attention is gemms per example
 * and head ({@link AttentionKernel}); layer norms, ReLU, the softmax and the residual adds run in Java on copies of
 * those rows ({@link LayerNormRows}).
 */
final class TransformerBlockLayer {
    private static final DataType F = DataType.FLOAT;

    final String name;
    final boolean tap;
    private final int t, d, ff;
    private final AttentionKernel attention;
    private final LayerNormRows ln1, ln2;
    private final float[] gamma1, beta1, gamma2, beta2, dGamma, dBeta;
    /** The biases added in Java passes (attention output, both feed-forward layers) and their gradients. */
    private final float[] biasO, bias1, bias2, dBiasD, dBias1;
    private INDArray wq, bq, wk, bk, wv, bv, wo, bo, g1, be1, w1, b1, w2, b2, g2, be2;
    private INDArray dWq, dBq, dWk, dBk, dWv, dBv, dWo, dBo, dG1, dBe1, dW1, dB1, dW2, dB2, dG2, dBe2;
    private int n = -1;
    /** The largest batch allocated; a smaller one runs on row prefixes of its buffers instead of allocating anew. */
    private int capacity;
    private INDArray onesAll, qAll, kAll, vAll, ctxAll, sumAll, y1All, hidAll, outAll, gRowsAll, gHidAll, gCtxAll, gQAll,
            gKAll, gVAll;
    private INDArray ones, q, k, v, ctx, sum, y1, hid, gRows, gHid, gCtx, gQ, gK, gV;
    private float[] y1a, hidA, dHidA, fa, fb;
    /** The block's output [n*T, d] and the same values in Java (the first n*T*d of them). */
    INDArray out;
    float[] outA;

    TransformerBlockLayer(String name, boolean tap, int length, int dModel, int heads, int ffWidth, boolean causal) {
        this.name = name;
        this.tap = tap;
        this.t = length;
        this.d = dModel;
        this.ff = ffWidth;
        this.attention = new AttentionKernel(length, dModel, heads, causal);
        this.ln1 = new LayerNormRows(dModel);
        this.ln2 = new LayerNormRows(dModel);
        gamma1 = new float[d];
        beta1 = new float[d];
        gamma2 = new float[d];
        beta2 = new float[d];
        dGamma = new float[d];
        dBeta = new float[d];
        biasO = new float[d];
        bias1 = new float[ff];
        bias2 = new float[d];
        dBiasD = new float[d];
        dBias1 = new float[ff];
    }

    long paramCount() {
        return 4L * (d * d + d) + 2L * d + ((long) d * ff + ff) + ((long) ff * d + d) + 2L * d;
    }

    /** Binds parameter and gradient views starting at {@code offset} of the flat [1, P] buffers. */
    void bind(INDArray params, INDArray grads, long offset) {
        long at = offset;
        wq = RecurrentCell.matrix(params, at, d, d);
        dWq = RecurrentCell.matrix(grads, at, d, d);
        at += (long) d * d;
        bq = RecurrentCell.matrix(params, at, 1, d);
        dBq = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        wk = RecurrentCell.matrix(params, at, d, d);
        dWk = RecurrentCell.matrix(grads, at, d, d);
        at += (long) d * d;
        bk = RecurrentCell.matrix(params, at, 1, d);
        dBk = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        wv = RecurrentCell.matrix(params, at, d, d);
        dWv = RecurrentCell.matrix(grads, at, d, d);
        at += (long) d * d;
        bv = RecurrentCell.matrix(params, at, 1, d);
        dBv = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        wo = RecurrentCell.matrix(params, at, d, d);
        dWo = RecurrentCell.matrix(grads, at, d, d);
        at += (long) d * d;
        bo = RecurrentCell.matrix(params, at, 1, d);
        dBo = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        g1 = RecurrentCell.matrix(params, at, 1, d);
        dG1 = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        be1 = RecurrentCell.matrix(params, at, 1, d);
        dBe1 = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        w1 = RecurrentCell.matrix(params, at, d, ff);
        dW1 = RecurrentCell.matrix(grads, at, d, ff);
        at += (long) d * ff;
        b1 = RecurrentCell.matrix(params, at, 1, ff);
        dB1 = RecurrentCell.matrix(grads, at, 1, ff);
        at += ff;
        w2 = RecurrentCell.matrix(params, at, ff, d);
        dW2 = RecurrentCell.matrix(grads, at, ff, d);
        at += (long) ff * d;
        b2 = RecurrentCell.matrix(params, at, 1, d);
        dB2 = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        g2 = RecurrentCell.matrix(params, at, 1, d);
        dG2 = RecurrentCell.matrix(grads, at, 1, d);
        at += d;
        be2 = RecurrentCell.matrix(params, at, 1, d);
        dBe2 = RecurrentCell.matrix(grads, at, 1, d);
    }

    /**
     * Sizes the buffers for a batch of {@code batch} sequences: allocates only for a batch larger than any before, so
     * that alternating a training batch with a larger evaluation batch does not reallocate on every switch.
     */
    void allocate(int batch) {
        n = batch;
        if (batch > capacity) {
            allocateCapacity(batch);
        }
        attention.use(batch);
        long r = (long) n * t;
        ones = rows(onesAll, r);
        q = rows(qAll, r);
        k = rows(kAll, r);
        v = rows(vAll, r);
        ctx = rows(ctxAll, r);
        sum = rows(sumAll, r);
        y1 = rows(y1All, r);
        hid = rows(hidAll, r);
        out = rows(outAll, r);
        gRows = rows(gRowsAll, r);
        gHid = rows(gHidAll, r);
        gCtx = rows(gCtxAll, r);
        gQ = rows(gQAll, r);
        gK = rows(gKAll, r);
        gV = rows(gVAll, r);
    }

    /** The first {@code r} rows of a C-order matrix, a view on its storage (the matrix itself when it has r rows). */
    static INDArray rows(INDArray all, long r) {
        return all.size(0) == r ? all : all.get(NDArrayIndex.interval(0, r), NDArrayIndex.all());
    }

    private void allocateCapacity(int batch) {
        capacity = batch;
        int r = batch * t;
        onesAll = Nd4j.ones(F, r, 1);
        qAll = Nd4j.create(F, r, d);
        kAll = Nd4j.create(F, r, d);
        vAll = Nd4j.create(F, r, d);
        ctxAll = Nd4j.create(F, r, d);
        sumAll = Nd4j.create(F, r, d);
        y1All = Nd4j.create(F, r, d);
        hidAll = Nd4j.create(F, r, ff);
        outAll = Nd4j.create(F, r, d);
        gRowsAll = Nd4j.create(F, r, d);
        gHidAll = Nd4j.create(F, r, ff);
        gCtxAll = Nd4j.create(F, r, d);
        gQAll = Nd4j.create(F, r, d);
        gKAll = Nd4j.create(F, r, d);
        gVAll = Nd4j.create(F, r, d);
        int size = r * d;
        y1a = new float[size];
        fa = new float[size];
        fb = new float[size];
        outA = new float[size];
        hidA = new float[r * ff];
        dHidA = new float[r * ff];
        attention.allocate(batch, qAll, kAll, vAll, ctxAll, gCtxAll, gQAll, gKAll, gVAll);
        ln1.allocate(r);
        ln2.allocate(r);
    }

    /** The output rows of the largest batch allocated, [capacity*T, d]: {@link #out} is their first n*T rows. */
    INDArray outCapacity() {
        return outAll;
    }

    /** Fills {@link #out} and {@link #outA} from the input rows {@code x} [n*T, d] (the same values in {@code xa}). */
    void forward(INDArray x, float[] xa) {
        int r = n * t;
        int size = r * d;
        affine(x, wq, bq, q);
        affine(x, wk, bk, k);
        affine(x, wv, bv, v);
        attention.forward();
        Blas.gemm(ctx, wo, sum, false, false, 1.0, 0.0);
        HostFloats.read(sum, fa, size);
        HostFloats.read(bo, biasO, d);
        addBiasAndResidual(fa, biasO, xa, r);
        HostFloats.read(g1, gamma1, d);
        HostFloats.read(be1, beta1, d);
        ln1.forward(fa, gamma1, beta1, y1a, r);
        HostFloats.write(y1a, y1, size);
        Blas.gemm(y1, w1, hid, false, false, 1.0, 0.0);
        HostFloats.read(hid, hidA, r * ff);
        HostFloats.read(b1, bias1, ff);
        for (int row = 0; row < r; row++) {
            int o = row * ff;
            for (int c = 0; c < ff; c++) {
                hidA[o + c] = Math.max(hidA[o + c] + bias1[c], 0f);
            }
        }
        HostFloats.write(hidA, hid, r * ff);
        Blas.gemm(hid, w2, sum, false, false, 1.0, 0.0);
        HostFloats.read(sum, fa, size);
        HostFloats.read(b2, bias2, d);
        addBiasAndResidual(fa, bias2, y1a, r);
        HostFloats.read(g2, gamma2, d);
        HostFloats.read(be2, beta2, d);
        ln2.forward(fa, gamma2, beta2, outA, r);
        HostFloats.write(outA, out, size);
    }

    /**
     * 1 where the ReLU output {@code h} (never negative) is above zero, else 0: a product instead of a select, because
     * the select mispredicts on half the units and does not vectorise (1.35 ms against 0.04 ms per block measured);
     * the two factors lift even the smallest subnormal to at least 1.
     */
    static float reluMask(float h) {
        return Math.min(h * 0x1p100f * 0x1p100f, 1f);
    }

    /** rows[i] = (rows[i] + bias) + residual[i] on {@code count} rows of width d, in the order the gemm gave before. */
    private void addBiasAndResidual(float[] rows, float[] bias, float[] residual, int count) {
        for (int row = 0; row < count; row++) {
            int o = row * d;
            for (int c = 0; c < d; c++) {
                rows[o + c] = (rows[o + c] + bias[c]) + residual[o + c];
            }
        }
    }

    /** out = in W + b. */
    private void affine(INDArray in, INDArray w, INDArray b, INDArray dst) {
        Blas.gemm(ones, b, dst, false, false, 1.0, 0.0);
        Blas.gemm(in, w, dst, false, false, 1.0, 1.0);
    }

    /**
     * From the gradient {@code dy} w.r.t. the output of the last forward pass (overwritten), writes the parameter
     * gradients and the gradient w.r.t. the input rows {@code x} into {@code dx} [n*T, d].
     */
    void backward(INDArray x, float[] dy, INDArray dx) {
        int r = n * t;
        int size = r * d;
        // Second sublayer: dy -> d(sum2) through LN2, then the feed-forward and its residual.
        ln2.backward(dy, gamma2, fa, dGamma, dBeta, dBiasD, r);
        HostFloats.write(dGamma, dG2, d);
        HostFloats.write(dBeta, dBe2, d);
        HostFloats.write(dBiasD, dB2, d);
        HostFloats.write(fa, gRows, size);
        Blas.gemm(hid, gRows, dW2, true, false, 1.0, 0.0);
        Blas.gemm(gRows, w2, gHid, false, true, 1.0, 0.0);
        HostFloats.read(gHid, dHidA, r * ff);
        java.util.Arrays.fill(dBias1, 0f);
        for (int row = 0; row < r; row++) {
            int o = row * ff;
            for (int c = 0; c < ff; c++) {
                float gh = dHidA[o + c] * reluMask(hidA[o + c]);
                dHidA[o + c] = gh;
                dBias1[c] += gh;
            }
        }
        HostFloats.write(dBias1, dB1, ff);
        HostFloats.write(dHidA, gHid, r * ff);
        Blas.gemm(y1, gHid, dW1, true, false, 1.0, 0.0);
        Blas.gemm(gHid, w1, gRows, false, true, 1.0, 0.0);
        HostFloats.read(gRows, fb, size);
        for (int i = 0; i < size; i++) {
            fb[i] += fa[i];
        }
        // First sublayer: d(y1) -> d(sum1) through LN1, then attention and its residual.
        ln1.backward(fb, gamma1, fb, dGamma, dBeta, dBiasD, r);
        HostFloats.write(dGamma, dG1, d);
        HostFloats.write(dBeta, dBe1, d);
        HostFloats.write(dBiasD, dBo, d);
        HostFloats.write(fb, gRows, size);
        Blas.gemm(ctx, gRows, dWo, true, false, 1.0, 0.0);
        Blas.gemm(gRows, wo, gCtx, false, true, 1.0, 0.0);
        attention.backward();
        Blas.gemm(x, gQ, dWq, true, false, 1.0, 0.0);
        Blas.gemm(ones, gQ, dBq, true, false, 1.0, 0.0);
        Blas.gemm(x, gK, dWk, true, false, 1.0, 0.0);
        Blas.gemm(ones, gK, dBk, true, false, 1.0, 0.0);
        Blas.gemm(x, gV, dWv, true, false, 1.0, 0.0);
        Blas.gemm(ones, gV, dBv, true, false, 1.0, 0.0);
        HostFloats.write(fb, dx, size);
        Blas.gemm(gQ, wq, dx, false, true, 1.0, 1.0);
        Blas.gemm(gK, wk, dx, false, true, 1.0, 1.0);
        Blas.gemm(gV, wv, dx, false, true, 1.0, 1.0);
    }
}
