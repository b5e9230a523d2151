package org.guidancelab.engine.model.fast;

import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code h_t = tanh(x_t W_x + h_{t-1} W_h + b)}: the input projection of all steps is one gemm, then each step adds
 * {@code h_{t-1} W_h} by gemm and applies tanh in place, in Java ({@link FastTanh}: ND4J's native tanh cost more than
 * the step's gemm). Backward runs the recursion
 * {@code dPre_t = (dH_t + dPre_{t+1} W_h^T) * (1 - h_t^2)} with one gemm and one multiply per step, and gets dW_x,
 * dW_h and the bias from single gemms over all steps.
 */
final class SimpleRnnCell extends RecurrentCell {
    private INDArray deriv;
    private INDArray[] hT, dhT, derivT;
    private float[] step;

    SimpleRnnCell(String name, boolean tap, int in, int units, DataType dtype) {
        super(name, tap, in, units, 1, dtype);
    }

    @Override
    void allocate(int batch, int length) {
        super.allocate(batch, length);
        deriv = Nd4j.create(dtype, (long) n * t, units);
        hT = steps(h);
        dhT = steps(dh);
        derivT = steps(deriv);
        step = new float[n * units];
    }

    @Override
    void forward(INDArray x) {
        Blas.gemm(ones, b, h, false, false, 1.0, 0.0);
        Blas.gemm(x, wx, h, false, false, 1.0, 1.0);
        for (int s = 0; s < t; s++) {
            if (s > 0) {
                Blas.gemm(hT[s - 1], wh, hT[s], false, false, 1.0, 1.0);
            }
            read(h, (long) s * step.length, step, 0, step.length);
            FastTanh.tanh(step, 0, step.length);
            write(step, h, (long) s * step.length);
        }
    }

    @Override
    void backward(INDArray x, INDArray dx) {
        // 1 - h^2 for every step at once; the recursion then needs one gemm and one multiply per step.
        Nd4j.exec(new MulOp(h, h, deriv));
        deriv.rsubi(1.0);
        for (int s = t - 1; s >= 0; s--) {
            if (s < t - 1) {
                Blas.gemm(dhT[s + 1], wh, dhT[s], false, true, 1.0, 1.0);
            }
            Nd4j.exec(new MulOp(dhT[s], derivT[s], dhT[s]));   // dh now holds dPre
        }
        gradientsOverAllSteps(x, dh, dx);
    }
}
