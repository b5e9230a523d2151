package org.guidancelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.guidancelab.bench.Alternation.Mode;
import org.junit.jupiter.api.Test;

/** The bench's method, without timing anything: block order, the warm-up rule, medians and spreads. */
class BenchMethodTest {
    @Test
    void blocksAlternateUnguidedThenGuidedEveryRepeat() {
        assertEquals(List.of(Mode.UNGUIDED, Mode.GUIDED), Alternation.order(1));
        assertEquals(List.of(Mode.UNGUIDED, Mode.GUIDED, Mode.UNGUIDED, Mode.GUIDED, Mode.UNGUIDED, Mode.GUIDED),
                Alternation.order(3));
        assertThrows(IllegalArgumentException.class, () -> Alternation.order(0));
    }

    @Test
    void warmUpEndsWhenTwoConsecutiveWindowsAgreeWithinTheTolerance() {
        SettleRule r = new SettleRule(20, 10, 0.05, 100);
        assertEquals(10, r.next(0));
        assertFalse(r.settled(List.of(), 0));
        assertFalse(r.settled(List.of(0.050), 10), "one window has nothing to compare with");
        assertFalse(r.settled(List.of(0.050, 0.020), 20), "first window (start-up) far slower");
        assertTrue(r.settled(List.of(0.050, 0.020, 0.0205), 30), "2.5% apart");
        assertTrue(r.settled(List.of(0.050, 0.020, 0.01902), 30), "4.9% apart");
        assertFalse(r.settled(List.of(0.050, 0.020, 0.0185), 30), "7.5% apart");
        assertTrue(r.settledBeforeCap(List.of(0.050, 0.020, 0.0205), 30));
    }

    @Test
    void warmUpRunsAtLeastTheMinimumAndStopsAtTheCap() {
        SettleRule r = new SettleRule(30, 10, 0.05, 50);
        assertFalse(r.settled(List.of(0.02, 0.02), 20), "windows agree, but under the minimum");
        assertTrue(r.settled(List.of(0.02, 0.02, 0.02), 30));
        List<Double> noisy = List.of(0.02, 0.04, 0.02, 0.04, 0.02);
        assertTrue(r.settled(noisy, 50), "the cap ends it");
        assertFalse(r.settledBeforeCap(noisy, 50), "and says so");
        assertEquals(10, r.next(40));
        assertEquals(5, new SettleRule(0, 10, 0.05, 45).next(40), "the last window is cut at the cap");
    }

    @Test
    void aZeroToleranceIsAFixedWarmUp() {
        SettleRule fixed = SettleRule.fixed(20);
        assertTrue(fixed.fixedCount());
        assertEquals(20, fixed.next(0));
        assertFalse(fixed.settled(List.of(), 0));
        assertTrue(fixed.settled(List.of(0.5), 20));
        assertTrue(fixed.settledBeforeCap(List.of(0.5), 20));
        assertTrue(SettleRule.fixed(0).settled(List.of(), 0), "no warm-up at all");
        assertEquals("warm-up 20 steps", fixed.describe());
        assertEquals("warm-up >= 20 steps, until two consecutive 10-step windows differ by <= 5% (cap 300)",
                new SettleRule(20, 10, 0.05, 300).describe());
        assertThrows(IllegalArgumentException.class, () -> new SettleRule(50, 10, 0.05, 40));
    }

    @Test
    void medianQuartilesAndRange() {
        Spread odd = Spread.of(5, 1, 4, 2, 3);
        assertEquals(3.0, odd.median());
        assertEquals(2.0, odd.q1());
        assertEquals(4.0, odd.q3());
        assertEquals(1.0, odd.min());
        assertEquals(5.0, odd.max());
        assertEquals(4.0 / 3.0, odd.relativeRange(), 1e-12);
        Spread even = Spread.of(10, 40, 20, 30);
        assertEquals(25.0, even.median());
        assertEquals(17.5, even.q1());
        assertEquals(32.5, even.q3());
        assertEquals(7.0, Spread.of(7).median());
        assertEquals(7.0, Spread.of(7).q3());
        assertEquals(List.of(5.0, 1.0, 4.0, 2.0, 3.0), odd.values(), "the repeats keep their order");
        assertThrows(IllegalArgumentException.class, () -> Spread.of());
    }

    @Test
    void ratiosPairRepeatIWithRepeatI() {
        Spread ours = Spread.of(10, 20, 30);
        Spread peer = Spread.of(20, 20, 20, 99);
        Spread r = Spread.ratios(ours, peer);
        assertEquals(List.of(0.5, 1.0, 1.5), r.values());
        assertEquals("1.00 (0.50-1.50)", r.medianAndRange(2));
        assertEquals("median=1.0 q1=0.8 q3=1.3 min=0.5 max=1.5 n=3", r.summary(1));
    }
}
