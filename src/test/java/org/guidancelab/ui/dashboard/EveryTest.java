package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EveryTest {
    @Test
    void dueAtFirstThenOncePerInterval() {
        Every e = new Every(100);
        assertTrue(e.due(1_000), "the first call is due");
        assertFalse(e.due(1_050), "within the interval");
        assertFalse(e.due(1_099));
        assertTrue(e.due(1_100), "a whole interval later");
        assertFalse(e.due(1_150), "counted from the last time it was due");
        assertTrue(e.due(5_000));
    }

    @Test
    void resetMakesTheNextCallDue() {
        Every e = new Every(100);
        assertTrue(e.due(0));
        e.reset();
        assertTrue(e.due(10), "due at once after a reset");
        assertFalse(e.due(20));
    }

    @Test
    void worksAcrossTheSignOfNanoTime() {
        Every e = new Every(100);
        assertTrue(e.due(-50)); // System.nanoTime() may be negative
        assertFalse(e.due(0));
        assertTrue(e.due(50));
    }

    @Test
    void rejectsANonPositiveInterval() {
        assertThrows(IllegalArgumentException.class, () -> new Every(0));
    }
}
