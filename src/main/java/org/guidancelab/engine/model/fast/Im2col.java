package org.guidancelab.engine.model.fast;

import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * The patch matrix of a square-kernel convolution on NCHW maps, laid out [C*k*k, n*outH*outW]: row (c, ky, kx),
 * column (example, oy, ox). In this layout the products of a training step need no transposed copies (forward
 * W[F, K] cols, weight gradient dZ cols^T, patch gradient W^T dZ), and with stride 1 every row is filled by
 * contiguous runs of an input row, so unrolling and folding are array copies and adds rather than per-value branches.
 */
final class Im2col {
    final int inC, inH, inW, k, stride, padding, outH, outW;

    Im2col(int inC, int inH, int inW, int k, int stride, int padding) {
        this.inC = inC;
        this.inH = inH;
        this.inW = inW;
        this.k = k;
        this.stride = stride;
        this.padding = padding;
        this.outH = (inH + 2 * padding - k) / stride + 1;
        this.outW = (inW + 2 * padding - k) / stride + 1;
    }

    int rows() {
        return inC * k * k;
    }

    int positions() {
        return outH * outW;
    }

    /**
     * Writes the patches of maps {@code first} to {@code first + n - 1} of {@code in} [*, C, H, W] into {@code cols}
     * [rows, n * positions], straight into the native memory the gemm reads (no second copy of a matrix k*k times the
     * maps' size). Only values read from inside the maps are written: the padding positions of {@code cols} must
     * already hold zeros (as after {@link #zeroPadding}, or a previous unroll of the same n).
     */
    void unroll(float[] in, int first, int n, FloatBuffer cols) {
        int columns = n * positions();
        for (int c = 0; c < inC; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = ((c * k + ky) * k + kx) * columns;
                    int lo = firstInside(kx);
                    int hi = endInside(kx);
                    for (int e = 0; e < n; e++) {
                        int plane = ((first + e) * inC + c) * inH * inW;
                        if (stride == 1 && outW == inW) {
                            copyBlock(in, plane, ky, kx, lo, hi, cols, row + e * outH * outW);
                            continue;
                        }
                        for (int oy = 0; oy < outH; oy++) {
                            int y = oy * stride - padding + ky;
                            if (y < 0 || y >= inH) {
                                continue;
                            }
                            int o = row + (e * outH + oy) * outW;
                            int src = plane + y * inW - padding + kx;
                            if (stride == 1) {
                                cols.put(o + lo, in, src + lo, hi - lo);
                            } else {
                                for (int ox = lo; ox < hi; ox++) {
                                    cols.put(o + ox, in[src + ox * stride]);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * One kernel offset's patch values of one map when output and input rows have the same length (stride 1, "same"
     * width): the valid rows are then one contiguous run in both arrays, copied at once; the values that run carries
     * across a row's edge are padding, zeroed again after.
     */
    private void copyBlock(float[] in, int plane, int ky, int kx, int lo, int hi, FloatBuffer cols, int block) {
        int firstRow = Math.max(0, padding - ky);
        int endRow = Math.min(outH, inH + padding - ky);
        if (firstRow >= endRow || lo >= hi) {
            return;
        }
        int from = firstRow * outW + lo;
        int to = (endRow - 1) * outW + hi;
        int src = plane + (firstRow - padding + ky) * inW - padding + kx;
        cols.put(block + from, in, src + from - firstRow * outW, to - from);
        for (int oy = firstRow; oy < endRow; oy++) {
            int o = block + oy * outW;
            for (int ox = 0; ox < lo; ox++) {
                cols.put(o + ox, 0f);
            }
            for (int ox = hi; ox < outW; ox++) {
                cols.put(o + ox, 0f);
            }
        }
    }

    /** Zeros the first rows x (n * positions) values of {@code cols}, so that unrolls of n maps leave padding at 0. */
    void zeroPadding(FloatBuffer cols, int n) {
        for (int i = 0, end = rows() * n * positions(); i < end; i++) {
            cols.put(i, 0f);
        }
    }

    /**
     * The input gradient of maps {@code first} to {@code first + n - 1} into {@code dIn} [*, C, H, W]: every patch
     * value's gradient in {@code dCols} [rows, n * positions] added back where it was read.
     */
    void fold(float[] dCols, int first, int n, float[] dIn) {
        int size = inC * inH * inW;
        Arrays.fill(dIn, first * size, (first + n) * size, 0f);
        int columns = n * positions();
        for (int c = 0; c < inC; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    int row = ((c * k + ky) * k + kx) * columns;
                    int lo = firstInside(kx);
                    int hi = endInside(kx);
                    for (int e = 0; e < n; e++) {
                        int plane = ((first + e) * inC + c) * inH * inW;
                        for (int oy = 0; oy < outH; oy++) {
                            int y = oy * stride - padding + ky;
                            if (y < 0 || y >= inH) {
                                continue;
                            }
                            int o = row + (e * outH + oy) * outW;
                            int dst = plane + y * inW - padding + kx;
                            if (stride == 1) {
                                for (int ox = lo; ox < hi; ox++) {
                                    dIn[dst + ox] += dCols[o + ox];
                                }
                            } else {
                                for (int ox = lo; ox < hi; ox++) {
                                    dIn[dst + ox * stride] += dCols[o + ox];
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** The first output column whose input column (for kernel column kx) lies inside the map. */
    private int firstInside(int kx) {
        int ox = 0;
        while (ox < outW && ox * stride - padding + kx < 0) {
            ox++;
        }
        return ox;
    }

    /** One past the last output column whose input column (for kernel column kx) lies inside the map. */
    private int endInside(int kx) {
        int ox = outW;
        while (ox > 0 && (ox - 1) * stride - padding + kx >= inW) {
            ox--;
        }
        return Math.max(ox, firstInside(kx));
    }
}
