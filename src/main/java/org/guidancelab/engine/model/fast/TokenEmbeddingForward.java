package org.guidancelab.engine.model.fast;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Token ids [n, T] (floats holding integers) to vectors [n, T*dim] by table lookup in Java: the reference's one-hot
 * product gives the same rows. Ids are checked, naming the layer, as the reference checks them.
 */
final class TokenEmbeddingForward implements ForwardStep {
    private final String label;
    private final int length, vocab, dim;
    private final DataType dtype;
    private INDArray table;
    private INDArray out;
    private float[] ids, rows;
    private long batch = -1;

    TokenEmbeddingForward(String label, int length, int vocab, int dim, DataType dtype) {
        this.label = label;
        this.length = length;
        this.vocab = vocab;
        this.dim = dim;
        this.dtype = dtype;
    }

    @Override
    public int paramCount() {
        return vocab * dim;
    }

    @Override
    public int outWidth() {
        return length * dim;
    }

    @Override
    public void bind(INDArray params, long offset) {
        table = params.get(NDArrayIndex.point(0), NDArrayIndex.interval(offset, offset + (long) vocab * dim));
    }

    @Override
    public INDArray forward(INDArray in) {
        int n = (int) in.rows();
        if (n != batch) {
            batch = n;
            out = Nd4j.create(dtype, n, (long) length * dim);
            ids = new float[n * length];
            rows = new float[n * length * dim];
        }
        float[] t = table.toFloatVector();
        FloatBuffer idBuf = in.dup('c').data().asNioFloat();
        idBuf.get(0, ids);
        for (int i = 0; i < ids.length; i++) {
            float id = ids[i];
            int k = (int) id;
            if (k != id || k < 0 || k >= vocab) {
                throw new IllegalArgumentException(label + ": token ids must be integers in [0, " + (vocab - 1)
                        + "], got " + id + " at example " + (i / length) + ", position " + (i % length));
            }
            System.arraycopy(t, k * dim, rows, i * dim, dim);
        }
        out.data().asNioFloat().put(0, rows);
        return out;
    }
}
