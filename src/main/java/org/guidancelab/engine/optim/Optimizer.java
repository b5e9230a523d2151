package org.guidancelab.engine.optim;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Updates a flat parameter buffer in place from a flat gradient buffer, in plain Java: ND4J's native updaters run
 * one op per element-wise stage, each with a fixed per-op cost, which for the small networks here outweighs the
 * arithmetic (docs/decisions/0003). State (moments, step count) is exportable for checkpoints.
 */
public interface Optimizer {

    /** One update: params -= f(grads). Both buffers hold {@link #size()} values from index 0. */
    void step(FloatBuffer params, FloatBuffer grads);

    /** Number of parameters this optimizer was built for. */
    int size();

    /** A copy of the state, for checkpoints. */
    OptimizerState exportState();

    /** Restores a state exported by an optimizer of the same kind and size. */
    void importState(OptimizerState state);

    /** Updates a model's flat FLOAT parameters [1, P] from its gradients (both whole, un-offset arrays). */
    default void step(INDArray params, INDArray grads) {
        step(floats(params), floats(grads));
    }

    /** A direct view of a FLOAT array's values (no copy). */
    static FloatBuffer floats(INDArray a) {
        if (a.dataType() != DataType.FLOAT || a.offset() != 0 || a.length() != a.data().length()) {
            throw new IllegalArgumentException("optimizers work on whole FLOAT buffers, got " + a.dataType()
                    + " of length " + a.length() + " at offset " + a.offset());
        }
        return a.data().asNioFloat();
    }
}
