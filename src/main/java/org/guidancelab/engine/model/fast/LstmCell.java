package org.guidancelab.engine.model.fast;

import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The reference's LSTM: gates {@code z = x_t W_x + h_{t-1} W_h + b} in order i, f, g, o;
 * {@code c_t = f c_{t-1} + i g} ({@code c_0 = i g}); {@code h_t = o tanh(c_t)}. Forward: the input projection of all
 * steps is one gemm, then per step one gemm and one Java pass over the step's gate block (activations by
 * {@link FastTanh}: element-wise native ops on the gates' column slices cost more than the step's gemm). The activated
 * gates, c and tanh c stay in Java arrays for backward, where one Java pass per step turns the output gradient into
 * the gates' pre-activation gradients (every derivative from the kept activations) and carries dc to the step before;
 * one gemm per step carries dh; the weight, bias and input gradients are single gemms over all steps.
 */
final class LstmCell extends RecurrentCell {
    private INDArray z, dz;
    private INDArray[] zT, hT, dhT, dzT;
    private float[] gates, cells, tanhCells, hStep, dhStep, dzStep, dcCarry;

    LstmCell(String name, boolean tap, int in, int units, DataType dtype) {
        super(name, tap, in, units, 4, dtype);
        if (dtype != DataType.FLOAT) {
            throw new IllegalArgumentException("layer '" + name + "': the LSTM fast path runs in FLOAT, not " + dtype);
        }
    }

    @Override
    void allocate(int batch, int length) {
        super.allocate(batch, length);
        long r = (long) n * t;
        z = Nd4j.create(dtype, r, 4L * units);
        dz = Nd4j.create(dtype, r, 4L * units);
        zT = steps(z);
        dzT = steps(dz);
        hT = steps(h);
        dhT = steps(dh);
        gates = new float[(int) (r * 4 * units)];
        cells = new float[(int) (r * units)];
        tanhCells = new float[(int) (r * units)];
        hStep = new float[n * units];
        dhStep = new float[n * units];
        dzStep = new float[n * 4 * units];
        dcCarry = new float[n * units];
    }

    @Override
    void forward(INDArray x) {
        Blas.gemm(ones, b, z, false, false, 1.0, 0.0);
        Blas.gemm(x, wx, z, false, false, 1.0, 1.0);
        int u = units;
        int block = n * u;
        for (int s = 0; s < t; s++) {
            if (s > 0) {
                Blas.gemm(hT[s - 1], wh, zT[s], false, false, 1.0, 1.0);
            }
            read(z, (long) s * 4 * block, gates, s * 4 * block, 4 * block);
            // Simple loops over contiguous runs, which HotSpot vectorises (one loop doing it all does not).
            for (int e = 0; e < n; e++) {
                int g0 = (s * n + e) * 4 * u;
                int c0 = (s * n + e) * u;
                FastTanh.sigmoid(gates, g0, 2 * u);
                FastTanh.tanh(gates, g0 + 2 * u, u);
                FastTanh.sigmoid(gates, g0 + 3 * u, u);
                if (s > 0) {
                    for (int j = 0; j < u; j++) {
                        cells[c0 + j] = gates[g0 + j] * gates[g0 + 2 * u + j] + gates[g0 + u + j] * cells[c0 - block + j];
                    }
                } else {
                    for (int j = 0; j < u; j++) {
                        cells[c0 + j] = gates[g0 + j] * gates[g0 + 2 * u + j];
                    }
                }
                System.arraycopy(cells, c0, tanhCells, c0, u);
                FastTanh.tanh(tanhCells, c0, u);
                int h0 = e * u;
                for (int j = 0; j < u; j++) {
                    hStep[h0 + j] = gates[g0 + 3 * u + j] * tanhCells[c0 + j];
                }
            }
            write(hStep, h, (long) s * block);
        }
    }

    @Override
    void backward(INDArray x, INDArray dx) {
        java.util.Arrays.fill(dcCarry, 0f);
        int u = units;
        int block = n * u;
        for (int s = t - 1; s >= 0; s--) {
            read(dh, (long) s * block, dhStep, 0, block);
            for (int e = 0; e < n; e++) {
                int row = s * n + e;
                int g0 = row * 4 * u;
                int c0 = row * u;
                int d0 = e * 4 * u;
                for (int j = 0; j < u; j++) {
                    float i = gates[g0 + j];
                    float g = gates[g0 + 2 * u + j];
                    float o = gates[g0 + 3 * u + j];
                    float th = tanhCells[c0 + j];
                    float dhv = dhStep[e * u + j];
                    float dc = dcCarry[e * u + j] + dhv * o * (1f - th * th);
                    dzStep[d0 + j] = dc * g * i * (1f - i);
                    dzStep[d0 + 2 * u + j] = dc * i * (1f - g * g);
                    dzStep[d0 + 3 * u + j] = dhv * th * o * (1f - o);
                    dcCarry[e * u + j] = dc;
                }
                // The forget gate's own loop, without a branch inside (c_{-1} = 0: no gradient at step 0).
                if (s > 0) {
                    for (int j = 0; j < u; j++) {
                        float f = gates[g0 + u + j];
                        float dc = dcCarry[e * u + j];
                        dzStep[d0 + u + j] = dc * cells[c0 - block + j] * f * (1f - f);
                        dcCarry[e * u + j] = dc * f;
                    }
                } else {
                    java.util.Arrays.fill(dzStep, d0 + u, d0 + 2 * u, 0f);
                }
            }
            write(dzStep, dz, (long) s * 4 * block);
            if (s > 0) {
                Blas.gemm(dzT[s], wh, dhT[s - 1], false, true, 1.0, 1.0);
            }
        }
        gradientsOverAllSteps(x, dz, dx);
    }
}
