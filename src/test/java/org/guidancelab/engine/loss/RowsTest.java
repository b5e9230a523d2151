package org.guidancelab.engine.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Rows reads logits of any layout: the bulk read of contiguous float rows and the general copy agree. */
class RowsTest {
    private static void assertReads(INDArray a) {
        Rows r = Rows.of(a);
        assertEquals(a.rows(), r.rows);
        assertEquals(a.columns(), r.cols);
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.columns(); j++) {
                assertEquals(a.getDouble(i, j), r.get(i, j), 0.0, "row " + i + " col " + j);
            }
        }
    }

    @Test
    void readsWholeOffsetTransposedAndDoubleArrays() {
        INDArray big = Nd4j.linspace(DataType.FLOAT, 1, 60, 1).reshape('c', 12, 5);
        assertReads(big);
        assertReads(big.get(NDArrayIndex.interval(3, 7), NDArrayIndex.all()));   // contiguous rows at an offset
        assertReads(big.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 4)));   // strided columns
        assertReads(big.dup('f'));
        assertReads(big.transpose());
        assertReads(big.castTo(DataType.DOUBLE));
    }
}
