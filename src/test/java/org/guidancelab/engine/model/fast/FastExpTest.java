package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The softmax's float exp against {@code Math.exp} rounded to float, over the whole non-positive range it serves. */
class FastExpTest {
    @Test
    void withinTwoUlpOverMinus88ToZero() {
        int steps = 2_000_000;
        for (int i = 0; i <= steps; i++) {
            float x = (float) (-88.0 * i / steps);
            float expected = (float) Math.exp(x);
            float actual = FastExp.nonPositive(x);
            float ulps = Math.abs(actual - expected) / Math.ulp(expected);
            assertTrue(ulps <= 2, "x=" + x + ": " + actual + " vs " + expected);
        }
    }

    @Test
    void exactAtZeroAndZeroFarBelow() {
        assertEquals(1f, FastExp.nonPositive(0f));
        assertEquals(1f, FastExp.nonPositive(-0f));
        assertEquals(0f, FastExp.nonPositive(-1e9f));
        assertEquals(0f, FastExp.nonPositive(Float.NEGATIVE_INFINITY));
        assertEquals((float) Math.exp(-1e-7), FastExp.nonPositive(-1e-7f), Math.ulp(1f));
    }
}
