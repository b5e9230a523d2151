package org.guidancelab.engine.model.fast;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flatten and Reshape: on activations kept flat per example in 'c' order they change nothing but the shape the next
 * layers see, so forward and backward hand their argument on untouched.
 */
final class PassThroughLayer extends FastLayer {
    PassThroughLayer(String name, boolean tap, int width) {
        super(name, tap, width, width);
    }

    @Override
    INDArray forward(INDArray in, boolean training) {
        return in;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        return needInputGradient ? dOut : null;
    }
}
