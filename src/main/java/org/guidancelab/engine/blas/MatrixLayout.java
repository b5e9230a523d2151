package org.guidancelab.engine.blas;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * How a rank-2 ND4J array sits in memory, in the terms BLAS takes: whether it is row-major (else column-major, i.e.
 * the row-major transpose), its leading dimension, and its first element's offset. Null when the strides fit
 * neither (a strided view), so callers fall back to ND4J.
 */
record MatrixLayout(boolean rowMajor, int leading, long offset) {

    static MatrixLayout of(INDArray m) {
        if (m.rank() != 2 || m.length() == 0) {
            return null;
        }
        long rows = m.size(0);
        long cols = m.size(1);
        long s0 = m.stride(0);
        long s1 = m.stride(1);
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            return null;
        }
        // unit dimensions carry arbitrary strides in ND4J: they never step, so they never disqualify a layout
        if ((cols == 1 || s1 == 1) && (rows == 1 || s0 >= cols)) {
            return new MatrixLayout(true, (int) (rows == 1 ? cols : Math.max(s0, 1)), m.offset());
        }
        if ((rows == 1 || s0 == 1) && (cols == 1 || s1 >= rows)) {
            return new MatrixLayout(false, (int) (cols == 1 ? rows : Math.max(s1, 1)), m.offset());
        }
        return null;
    }
}
