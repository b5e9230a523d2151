package org.guidancelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The alternated bench runs its blocks and reports every repeat (no assertion on the times themselves). */
class GuidedBenchTest {
    @Test
    void eachModeGetsOneRateperRepeatAfterItsWarmUp() {
        BenchResult r = new GuidedBench(Workload.MLP, 2, 3, new SettleRule(2, 2, 0.5, 8)).run(1);
        assertEquals(3, r.unguided().count());
        assertEquals(3, r.guided().count());
        assertTrue(r.unguided().min() > 0 && r.guided().min() > 0);
        assertTrue(r.unguidedWarmup().steps() >= 4 && r.unguidedWarmup().steps() <= 8, r.unguidedWarmup().toString());
        BenchResult fixed = new GuidedBench(Workload.MLP, 2, 0).run(1);
        assertEquals(1, fixed.unguided().count());
        assertEquals(new BenchResult.Warmup(0, true), fixed.guidedWarmup());
    }
}
