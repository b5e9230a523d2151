package org.guidancelab.engine.model.fast;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The branch-free ReLU gradient mask equals the select {@code h > 0 ? 1 : 0} on every kind of ReLU output. */
class ReluMaskTest {
    @Test
    void oneAboveZeroZeroAtZero() {
        float[] outputs = {0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 0.5f, 1f, 3f, 1e30f, Float.MAX_VALUE,
                Float.POSITIVE_INFINITY};
        for (float h : outputs) {
            assertEquals(h > 0 ? 1f : 0f, TransformerBlockLayer.reluMask(h), "h=" + h);
        }
    }
}
