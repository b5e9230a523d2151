package org.guidancelab.engine.model.fast;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverted dropout: in training each value is kept with probability 1 - rate and scaled by 1/(1 - rate); in eval
 * mode (the frozen guide, validation) it is the identity. The mask comes from a seeded generator the model reseeds
 * per forward pass, so runs repeat exactly and resume exactly.
 */
final class DropoutLayer extends FastLayer {
    private final double rate;
    private final DataType dtype;
    private INDArray mask, out, dIn;
    private double[] maskValues;
    private boolean lastTraining;

    DropoutLayer(String name, boolean tap, int width, double rate, DataType dtype) {
        super(name, tap, width, width);
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("layer '" + name + "' (rate): dropout rate must be in [0, 1), got " + rate);
        }
        this.rate = rate;
        this.dtype = dtype;
    }

    /** Draws the mask for the next training forward pass. */
    void drawMask(SplittableRandom random, long rows) {
        if (mask == null || mask.rows() != rows) {
            mask = Nd4j.create(dtype, rows, inWidth);
            out = Nd4j.create(dtype, rows, inWidth);
            dIn = Nd4j.create(dtype, rows, inWidth);
            maskValues = new double[(int) (rows * inWidth)];
        }
        double keep = 1 - rate;
        for (int i = 0; i < maskValues.length; i++) {
            maskValues[i] = random.nextDouble() < keep ? 1 / keep : 0;
        }
        if (dtype == DataType.FLOAT) {
            java.nio.FloatBuffer fb = mask.data().asNioFloat();
            for (int i = 0; i < maskValues.length; i++) {
                fb.put(i, (float) maskValues[i]);
            }
        } else {
            mask.data().asNioDouble().put(0, maskValues);
        }
    }

    @Override
    INDArray forward(INDArray in, boolean training) {
        lastTraining = training && rate > 0;
        if (!lastTraining) {
            return in;
        }
        Nd4j.exec(new MulOp(in, mask, out));
        return out;
    }

    @Override
    INDArray backward(INDArray dOut, boolean needInputGradient) {
        if (!needInputGradient) {
            return null;
        }
        if (!lastTraining) {
            return dOut;
        }
        Nd4j.exec(new MulOp(dOut, mask, dIn));
        return dIn;
    }
}
