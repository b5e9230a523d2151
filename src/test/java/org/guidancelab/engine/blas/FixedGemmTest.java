package org.guidancelab.engine.blas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A prepared product gives {@link Blas#gemm}'s result on the arrays' values at run time, on views and transposes. */
class FixedGemmTest {
    @Test
    void equalsBlasGemmOnHeadViewsWithEveryTranspose() {
        Nd4j.getRandom().setSeed(7);
        for (DataType dt : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            // [T, dk] column blocks of [T, d] rows, as attention takes them, and a [T, T] row block of a tall matrix.
            INDArray q = Nd4j.rand(dt, 6, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(4, 8));
            INDArray k = Nd4j.rand(dt, 6, 8).get(NDArrayIndex.all(), NDArrayIndex.interval(0, 4));
            INDArray tall = Nd4j.create(dt, 18, 6);
            INDArray s = tall.get(NDArrayIndex.interval(6, 12), NDArrayIndex.all());
            for (boolean ta : new boolean[] {false, true}) {
                INDArray a = ta ? q.transpose() : q;
                FixedGemm product = new FixedGemm(a, k, s, ta, true, 0.5, 0.0);
                for (int round = 0; round < 2; round++) {
                    // New values after preparing: the product must read the arrays, not a copy taken when prepared.
                    q.assign(Nd4j.rand(dt, 6, 4));
                    s.assign(7);
                    INDArray expected = Nd4j.create(dt, 6, 6);
                    Nd4j.gemm(a, k, expected, ta, true, 0.5, 0.0);
                    product.run();
                    assertArrayEquals(expected.dup('c').data().asDouble(), s.dup('c').data().asDouble(), 1e-6,
                            dt + " transposeA=" + ta + " round " + round);
                }
            }
        }
    }
}
