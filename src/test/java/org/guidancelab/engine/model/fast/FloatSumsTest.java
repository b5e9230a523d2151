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

    @Test
    void maxFindsTheLargestWhereverItIs() {
        float[] a = new float[23];
        for (int count = 1; count <= 20; count++) {
            for (int at = 0; at < count; at++) {
                java.util.Arrays.fill(a, -5f);
                a[3 + at] = 2f;
                assertEquals(2f, FloatSums.max(a, 3, count), "count " + count + " at " + at);
            }
        }
        a[2] = 9f;
        a[3] = -7f;
        a[4] = -6f;
        assertEquals(-6f, FloatSums.max(a, 3, 2), "elements outside the range are ignored");
    }
}
