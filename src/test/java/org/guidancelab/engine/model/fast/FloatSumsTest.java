package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The eight-way partial sums equal a plain double sum, for lengths with and without a tail and from any offset. */
class FloatSumsTest {
    @Test
    void sumsAndDotsMatchDoubleSums() {
        Random r = new Random(3);
        float[] a = new float[80];
        float[] b = new float[80];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
            b[i] = (float) r.nextGaussian();
        }
        for (int count : new int[] {0, 1, 7, 8, 13, 64, 70}) {
            for (int from : new int[] {0, 3}) {
                double s = 0;
                double dot = 0;
                double sq = 0;
                for (int i = 0; i < count; i++) {
                    s += a[from + i];
                    dot += a[from + i] * (double) b[i];
                    sq += a[i] * (double) a[i];
                }
                String where = "count " + count + " from " + from;
                assertEquals(s, FloatSums.sum(a, from, count), 1e-5, where);
                assertEquals(dot, FloatSums.dot(a, from, b, 0, count), 1e-5, where);
                assertEquals(sq, FloatSums.sumSquares(a, count), 1e-5, where);
            }
        }
    }
}
