package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PaperLogAxisTest {
    @Test
    void ticksAreOneTwoFiveTimesPowersOfTenWhenTheyFit() {
        assertEquals(List.of(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0),
                PaperLogAxis.tickValues(0.008, 3.0, 10));
    }

    @Test
    void aSmallRangeGetsEveryDigitAndAWideOneOnlyPowersOfTen() {
        assertEquals(List.of(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 2.0),
                PaperLogAxis.tickValues(0.25, 2.5, 10));
        assertEquals(List.of(1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1.0),
                PaperLogAxis.tickValues(1e-6, 1.0, 8));
        assertEquals(List.of(1e-8, 1e-6, 1e-4, 1e-2, 1.0), PaperLogAxis.tickValues(1e-9, 1.0, 5));
    }

    @Test
    void aRangeInsideOneDecadeGetsRoundLinearTicks() {
        List<Double> ticks = PaperLogAxis.tickValues(1.1, 1.8, 10);
        assertTrue(ticks.size() >= 2, ticks.toString());
        assertEquals(List.of(1.2, 1.4, 1.6, 1.8), ticks);
    }

    @Test
    void labelsArePlainNumbers() {
        assertEquals("0.05", PaperLogAxis.label(0.05));
        assertEquals("2", PaperLogAxis.label(2.0));
        assertEquals("1E-6", PaperLogAxis.label(1e-6));
    }
}
