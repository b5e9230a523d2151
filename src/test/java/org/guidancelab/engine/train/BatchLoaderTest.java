package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.junit.jupiter.api.Test;

/** The training batch is filled by one bulk copy into a reused buffer: values, order, shape and labels. */
class BatchLoaderTest {

    @Test
    void trainingBatchHoldsTheChosenExamplesInOrderInTheReusedBuffer() {
        int n = 6;
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 0.5f - 3;
        }
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        Split s = new Split(n, x, y);
        BatchLoader loader = new BatchLoader(new TaskData("t", new int[] {1, 2, 2}, false, 0, 3, 1, s, s, s));
        Batch first = loader.training(new int[] {4, 1, 5}, 3);
        assertArrayEquals(new long[] {3, 1, 2, 2}, first.x().shape());
        assertArrayEquals(new float[] {5, 5.5f, 6, 6.5f, -1, -0.5f, 0, 0.5f, 7, 7.5f, 8, 8.5f}, first.x().dup().data().asFloat());
        assertArrayEquals(new int[] {1, 1, 2}, first.labels());
        Batch second = loader.training(new int[] {0, 2, 3}, 3);
        assertSame(first.x(), second.x());
        assertArrayEquals(new float[] {-3, -2.5f, -2, -1.5f, 1, 1.5f, 2, 2.5f, 3, 3.5f, 4, 4.5f}, second.x().dup().data().asFloat());
    }
}
