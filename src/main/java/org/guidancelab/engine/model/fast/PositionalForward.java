package org.guidancelab.engine.model.fast;

import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Adds rows 0..T-1 of a learned [maxLength, D] table to a sequence [n, T*D]: those rows are the table's first T*D
 * values, so the add is one rank-1 gemm (ones [n,1] times that row) onto a copy of the input.
 */
final class PositionalForward implements ForwardStep {
    private final int length, dim, maxLength;
    private final DataType dtype;
    private INDArray used;
    private INDArray ones, out;
    private long batch = -1;

    PositionalForward(int length, int dim, int maxLength, DataType dtype) {
        this.length = length;
        this.dim = dim;
        this.maxLength = maxLength;
        this.dtype = dtype;
    }

    @Override
    public int paramCount() {
        return maxLength * dim;
    }

    @Override
    public int outWidth() {
        return length * dim;
    }

    @Override
    public void bind(INDArray params, long offset) {
        used = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) length * dim))
                .reshape('c', 1, (long) length * dim);
    }

    @Override
    public INDArray forward(INDArray in) {
        long n = in.rows();
        if (n != batch) {
            batch = n;
            ones = Nd4j.ones(dtype, n, 1);
            out = Nd4j.create(dtype, n, (long) length * dim);
        }
        out.assign(in);
        Blas.gemm(ones, used, out, false, false, 1.0, 1.0);
        return out;
    }
}
