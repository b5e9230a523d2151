package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.guidancelab.arch.ActivationFn;
import org.guidancelab.engine.blas.SmallFloats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/** The small-array Java path and ND4J's ops give the same activations and slopes, NaNs included. */
class ActivationsTest {

    /** A [rows, 8] FLOAT array of mixed signs with a NaN in its first row. */
    private static INDArray values(int rows) {
        Nd4j.getRandom().setSeed(3);
        INDArray z = Nd4j.randn(DataType.FLOAT, rows, 8).muli(3);
        z.putScalar(0, 0, 0f);
        z.putScalar(0, 1, Float.NaN);
        return z;
    }

    private static INDArray reference(ActivationFn fn, INDArray z) {
        switch (fn) {
            case RELU:
                return Transforms.relu(z, true);
            case TANH:
                return Transforms.tanh(z, true);
            default:
                return Transforms.sigmoid(z, true);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ActivationFn.class, names = {"RELU", "TANH", "SIGMOID"})
    void smallAndLargeArraysAgree(ActivationFn fn) {
        // 16 x 8 takes the Java path, 8192 x 8 (past SmallFloats.MAX) ND4J's ops
        for (int rows : new int[] {16, SmallFloats.MAX / 8 * 2}) {
            INDArray z = values(rows);
            INDArray a = Nd4j.create(DataType.FLOAT, rows, 8);
            Activations.forward(fn, z, a);
            INDArray expected = reference(fn, z);
            assertTrue(Float.isNaN(a.getFloat(0, 1)), fn + ": a NaN input stays NaN (rows " + rows + ")");
            a.putScalar(0, 1, 0f);
            expected.putScalar(0, 1, 0f);
            assertTrue(expected.equalsWithEps(a, 1e-6), fn + " forward, rows " + rows);

            INDArray dA = Nd4j.randn(DataType.FLOAT, rows, 8);
            INDArray dZ = Nd4j.create(DataType.FLOAT, rows, 8);
            Activations.backward(fn, z, a, dA, dZ, Nd4j.create(DataType.FLOAT, rows, 8));
            INDArray slope = fn == ActivationFn.RELU ? Transforms.sign(a, true)
                    : fn == ActivationFn.TANH ? a.mul(a).rsubi(1) : a.rsub(1).muli(a);
            assertTrue(dA.mul(slope).equalsWithEps(dZ, 1e-6), fn + " backward, rows " + rows);
            if (fn == ActivationFn.RELU) {
                assertEquals(0f, Math.abs(dZ.getFloat(0, 0)), "no gradient through a ReLU at 0");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ActivationFn.class, names = {"RELU", "TANH"})
    void theGradientMayOverwriteItsInput(ActivationFn fn) {
        INDArray z = values(4);
        INDArray a = Nd4j.create(DataType.FLOAT, 4, 8);
        Activations.forward(fn, z, a);
        a.putScalar(0, 1, 0.5f);
        INDArray d = Nd4j.ones(DataType.FLOAT, 4, 8);
        INDArray expected = Nd4j.create(DataType.FLOAT, 4, 8);
        Activations.backward(fn, z, a, d.dup(), expected, Nd4j.create(DataType.FLOAT, 4, 8));
        Activations.backward(fn, z, a, d, d, Nd4j.create(DataType.FLOAT, 4, 8));
        assertEquals(expected, d);
    }
}
