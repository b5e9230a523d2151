package org.guidancelab.engine.model.fast;

import java.nio.FloatBuffer;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The input gradient of a stride-1 convolution as a convolution of its own: dX = conv(dZ, W'), W'[c, f, ky, kx] =
 * W[f, c, k-1-ky, k-1-kx], padding k-1-p. Its patch matrix is filled by array copies, where folding the patch
 * gradient W^T dZ back into the maps (col2im) is a read-modify-write over short rows, the slowest pass of the
 * layer's backward in the profile. Same gemm work; fits stride 1 with padding at most k-1.
 */
final class ConvInputGradient {
    private final Im2col geometry;
    private final int inC, filters, k, patch, positions;
    private final float[] wT;
    private final INDArray weights;
    private INDArray cols, colsM, dIn, dInM;
    private FloatBuffer colsBuffer;
    private float[] dInF;
    private int chunk = -1;
    private int unrolledCount;

    /** For a convolution of {@code inC} maps into {@code filters} maps of outH x outW, kernel k, padding p. */
    ConvInputGradient(int inC, int filters, int outH, int outW, int k, int padding) {
        this.geometry = new Im2col(filters, outH, outW, k, 1, k - 1 - padding);
        this.inC = inC;
        this.filters = filters;
        this.k = k;
        this.patch = geometry.rows();
        this.positions = geometry.positions();
        this.wT = new float[inC * patch];
        this.weights = Nd4j.create(DataType.FLOAT, inC, patch);
    }

    static boolean fits(int k, int stride, int padding) {
        return stride == 1 && padding <= k - 1;
    }

    /** Takes the layer's weights W [F, C, k, k] (flat, 'c') as W' [C, F*k*k] for the next gradients. */
    void setWeights(float[] w) {
        int k2 = k * k;
        for (int f = 0; f < filters; f++) {
            for (int c = 0; c < inC; c++) {
                for (int i = 0; i < k2; i++) {
                    wT[c * patch + f * k2 + (k2 - 1 - i)] = w[(f * inC + c) * k2 + i];
                }
            }
        }
        Blas.put(wT, wT.length, weights, 0);
    }

    /**
     * The input gradient of examples first.. of {@code dZ} [*, F, outH, outW] into {@code dIn} [*, C, H, W], chunks of
     * up to {@code chunk} examples at a time.
     */
    void compute(float[] dZ, int first, int count, int chunkSize, float[] into) {
        ensureChunk(chunkSize);
        if (count != unrolledCount) {
            geometry.zeroPadding(colsBuffer, count);
            unrolledCount = count;
        }
        int columns = count * positions;
        geometry.unroll(dZ, first, count, colsBuffer);
        boolean whole = count == chunk;
        INDArray c = whole ? colsM : cols.get(NDArrayIndex.interval(0, (long) patch * columns)).reshape('c', patch, columns);
        INDArray d = whole ? dInM : dIn.get(NDArrayIndex.interval(0, (long) inC * columns)).reshape('c', inC, columns);
        Blas.gemm(weights, c, d, false, false, 1.0, 0.0);
        Blas.get(dIn, 0, dInF, inC * columns);
        for (int e = 0; e < count; e++) {
            for (int ch = 0; ch < inC; ch++) {
                System.arraycopy(dInF, ch * columns + e * positions, into, ((first + e) * inC + ch) * positions, positions);
            }
        }
    }

    private void ensureChunk(int chunkSize) {
        if (chunkSize == chunk) {
            return;
        }
        chunk = chunkSize;
        int columns = chunk * positions;
        cols = Nd4j.create(DataType.FLOAT, (long) patch * columns);
        colsM = cols.reshape('c', patch, columns);
        dIn = Nd4j.create(DataType.FLOAT, (long) inC * columns);
        dInM = dIn.reshape('c', inC, columns);
        colsBuffer = cols.data().asNioFloat();
        dInF = new float[inC * columns];
        unrolledCount = 0;
    }
}
