package org.guidancelab.engine.model.fast;

import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The post-norm Transformer encoder block in eval mode (no dropout), forward only:
 * {@code y1 = LN1(x + MHA(x)); y = LN2(y1 + W2 ReLU(W1 y1 + b1) + b2)}, as the reference builds it. The five
 * projections are gemms on the [n*T, d] rows into kept buffers (bias as a rank-1 gemm); attention runs in Java per
 * example and head on T x T scores, visiting only the keys a causal query may see (the reference adds -1e9 above the
 * diagonal, which softmax turns into exact zeros); layer norms (biased variance, eps 1e-5) run in Java on the rows.
 */
final class TransformerForward implements ForwardStep {
    private static final double LN_EPS = 1e-5;

    private final int t, d, heads, dk, ff;
    private final boolean causal;
    private final DataType dtype;
    private INDArray wq, bq, wk, bk, wv, bv, wo, bo, g1, be1, w1, b1, w2, b2, g2, be2;
    private INDArray ones, q, k, v, ctx, s1, y1, hid, s2, out;
    private float[] qa, ka, va, ca, rowA, rowB, gamma, beta, scores;
    private long batch = -1;

    TransformerForward(int length, int dModel, int heads, int ffWidth, boolean causal, DataType dtype) {
        this.t = length;
        this.d = dModel;
        this.heads = heads;
        this.dk = dModel / heads;
        this.ff = ffWidth;
        this.causal = causal;
        this.dtype = dtype;
    }

    @Override
    public int paramCount() {
        return 4 * (d * d + d) + 2 * d + (d * ff + ff) + (ff * d + d) + 2 * d;
    }

    @Override
    public int outWidth() {
        return t * d;
    }

    @Override
    public void bind(INDArray params, long offset) {
        long[] at = {offset};
        wq = take(params, at, d, d);
        bq = take(params, at, 1, d);
        wk = take(params, at, d, d);
        bk = take(params, at, 1, d);
        wv = take(params, at, d, d);
        bv = take(params, at, 1, d);
        wo = take(params, at, d, d);
        bo = take(params, at, 1, d);
        g1 = take(params, at, 1, d);
        be1 = take(params, at, 1, d);
        w1 = take(params, at, d, ff);
        b1 = take(params, at, 1, ff);
        w2 = take(params, at, ff, d);
        b2 = take(params, at, 1, d);
        g2 = take(params, at, 1, d);
        be2 = take(params, at, 1, d);
    }

    private static INDArray take(INDArray params, long[] at, int rows, int cols) {
        long from = at[0];
        at[0] += (long) rows * cols;
        return params.get(NDArrayIndex.point(0), NDArrayIndex.interval(from, at[0])).reshape('c', rows, cols);
    }

    private void ensureBatch(long n) {
        if (n == batch) {
            return;
        }
        batch = n;
        long rows = n * t;
        ones = Nd4j.ones(dtype, rows, 1);
        q = Nd4j.create(dtype, rows, d);
        k = Nd4j.create(dtype, rows, d);
        v = Nd4j.create(dtype, rows, d);
        ctx = Nd4j.create(dtype, rows, d);
        s1 = Nd4j.create(dtype, rows, d);
        y1 = Nd4j.create(dtype, rows, d);
        hid = Nd4j.create(dtype, rows, ff);
        s2 = Nd4j.create(dtype, rows, d);
        out = Nd4j.create(dtype, n, (long) t * d);
        int size = (int) (rows * d);
        qa = new float[size];
        ka = new float[size];
        va = new float[size];
        ca = new float[size];
        rowA = new float[size];
        rowB = new float[size];
        gamma = new float[d];
        beta = new float[d];
        scores = new float[t];
    }

    @Override
    public INDArray forward(INDArray in) {
        long n = in.rows();
        ensureBatch(n);
        INDArray x = in.reshape('c', n * t, d);
        affine(x, wq, bq, q);
        affine(x, wk, bk, k);
        affine(x, wv, bv, v);
        q.data().asNioFloat().get(0, qa);
        k.data().asNioFloat().get(0, ka);
        v.data().asNioFloat().get(0, va);
        attention((int) n);
        ctx.data().asNioFloat().put(0, ca);
        // s1 = x + ctx Wo + bo
        s1.assign(x);
        Blas.gemm(ones, bo, s1, false, false, 1.0, 1.0);
        Blas.gemm(ctx, wo, s1, false, false, 1.0, 1.0);
        layerNorm(s1, g1, be1, y1);
        affine(y1, w1, b1, hid);
        Activations.forward(org.guidancelab.arch.ActivationFn.RELU, hid, hid);
        s2.assign(y1);
        Blas.gemm(ones, b2, s2, false, false, 1.0, 1.0);
        Blas.gemm(hid, w2, s2, false, false, 1.0, 1.0);
        layerNorm(s2, g2, be2, out.reshape('c', n * t, d));
        return out;
    }

    /** out = in W + b. */
    private void affine(INDArray in, INDArray w, INDArray b, INDArray out) {
        Blas.gemm(ones, b, out, false, false, 1.0, 0.0);
        Blas.gemm(in, w, out, false, false, 1.0, 1.0);
    }

    /** ca = softmax(Q K^T / sqrt(dk) [+ causal mask]) V per example and head, heads merged back into [n*T, d]. */
    private void attention(int n) {
        float scale = (float) (1.0 / Math.sqrt(dk));
        for (int e = 0; e < n; e++) {
            int base = e * t * d;
            for (int h = 0; h < heads; h++) {
                int col = h * dk;
                for (int i = 0; i < t; i++) {
                    int qi = base + i * d + col;
                    int keys = causal ? i + 1 : t;
                    float max = Float.NEGATIVE_INFINITY;
                    for (int j = 0; j < keys; j++) {
                        int kj = base + j * d + col;
                        float s = 0;
                        for (int c = 0; c < dk; c++) {
                            s += qa[qi + c] * ka[kj + c];
                        }
                        s *= scale;
                        scores[j] = s;
                        if (s > max) {
                            max = s;
                        }
                    }
                    float sum = 0;
                    for (int j = 0; j < keys; j++) {
                        float p = (float) Math.exp(scores[j] - max);
                        scores[j] = p;
                        sum += p;
                    }
                    float inv = 1 / sum;
                    int ci = base + i * d + col;
                    for (int c = 0; c < dk; c++) {
                        ca[ci + c] = 0;
                    }
                    for (int j = 0; j < keys; j++) {
                        float p = scores[j] * inv;
                        int vj = base + j * d + col;
                        for (int c = 0; c < dk; c++) {
                            ca[ci + c] += p * va[vj + c];
                        }
                    }
                }
            }
        }
    }

    /** Row-wise (x - mean) / sqrt(var + eps) * gamma + beta over the d columns, biased variance. */
    private void layerNorm(INDArray in, INDArray g, INDArray b, INDArray dst) {
        in.data().asNioFloat().get(0, rowA);
        g.dup().data().asNioFloat().get(0, gamma);
        b.dup().data().asNioFloat().get(0, beta);
        int rows = rowA.length / d;
        for (int r = 0; r < rows; r++) {
            int o = r * d;
            double mean = 0;
            for (int c = 0; c < d; c++) {
                mean += rowA[o + c];
            }
            mean /= d;
            double var = 0;
            for (int c = 0; c < d; c++) {
                double z = rowA[o + c] - mean;
                var += z * z;
            }
            var /= d;
            float inv = (float) (1 / Math.sqrt(var + LN_EPS));
            float m = (float) mean;
            for (int c = 0; c < d; c++) {
                rowB[o + c] = (rowA[o + c] - m) * inv * gamma[c] + beta[c];
            }
        }
        dst.data().asNioFloat().put(0, rowB);
    }
}
