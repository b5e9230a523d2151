package org.guidancelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.ShapeInference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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

    /**
     * Every family's workload (the peer builds the same networks) is a valid pair with its taps; training them is the
     * bench's own run (a SameDiff graph's first steps cost tens of seconds, too much for the suite).
     */
    @ParameterizedTest
    @EnumSource(value = Workload.class, names = {"CONVNET", "TRANSFORMER_RNN", "LSTM_TRANSFORMER"})
    void theTargetFamiliesWorkloadsAreValidPairsWithTheirTaps(Workload w) {
        NetworkAnalysis target = ShapeInference.analyze(w.target());
        NetworkAnalysis guide = ShapeInference.analyze(w.guide());
        assertTrue(target.valid(), w + " target: " + target.diagnostics());
        assertTrue(guide.valid(), w + " guide: " + guide.diagnostics());
        assertEquals(w == Workload.CONVNET ? 10 : 2, w.target().layers().stream().filter(l -> l.tap()).count());
        assertEquals(w == Workload.CONVNET ? 4 : 2, w.guide().layers().stream().filter(l -> l.tap()).count());
        assertEquals(w.tokens(), w.target().layers().get(0) instanceof org.guidancelab.arch.Layers.Input in
                && in.kind() == org.guidancelab.arch.Layers.InputKind.TOKENS);
    }
}
