package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rational tanh against the library's, over the whole float range that matters and at its edges. */
class FastTanhTest {
    @Test
    void tanhIsWithinAFewFloatUlpsOfMathTanh() {
        double worst = 0;
        for (int i = -1_000_000; i <= 1_000_000; i++) {
            float x = i * 1e-5f;
            worst = Math.max(worst, Math.abs(FastTanh.tanh(x) - Math.tanh(x)));
        }
        assertTrue(worst < 5e-7, "largest difference on [-10, 10]: " + worst);
        assertTrue(worst > 0, "an approximation, not the library call");
        assertEquals(1e-8f, FastTanh.tanh(1e-8f), 1e-14, "odd and linear near 0");
        assertEquals(0f, FastTanh.tanh(0f));
    }

    @Test
    void tanhSaturatesAndLetsNanThrough() {
        assertEquals(1f, FastTanh.tanh(100f), 1e-7);
        assertEquals(-1f, FastTanh.tanh(-3e38f), 1e-7);
        assertEquals(1f, FastTanh.tanh(Float.POSITIVE_INFINITY), 1e-7);
        assertTrue(Float.isNaN(FastTanh.tanh(Float.NaN)), "a diverging run must still be caught");
        float[] v = {-2f, 0.5f, Float.NaN, 3f};
        FastTanh.tanh(v, 1, 2);
        assertEquals(-2f, v[0]);
        assertEquals(Math.tanh(0.5), v[1], 5e-7);
        assertTrue(Float.isNaN(v[2]));
        assertEquals(3f, v[3]);
    }

    @Test
    void sigmoidIsTheLogistic() {
        for (float x = -20f; x <= 20f; x += 0.01f) {
            assertEquals(1 / (1 + Math.exp(-x)), FastTanh.sigmoid(x), 5e-7, "x=" + x);
        }
        float[] v = {1f, -3f, 0f, 2f};
        FastTanh.sigmoid(v, 1, 2);
        assertEquals(1f, v[0]);
        assertEquals(1 / (1 + Math.exp(3)), v[1], 5e-7);
        assertEquals(0.5f, v[2]);
        assertEquals(2f, v[3]);
    }
}
