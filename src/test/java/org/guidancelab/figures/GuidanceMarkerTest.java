package org.guidancelab.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.guidancelab.engine.train.Metrics;
import org.junit.jupiter.api.Test;

class GuidanceMarkerTest {
    @Test
    void markersAreTheLastGuidedStepsBeforeGuidanceGoesOffAndTheFirstAfterItComesBack() {
        Curve warmup = new Curve("warmup", Metrics.GUIDANCE_ON, new double[] {1, 2, 3, 4, 5, 6},
                new double[] {1, 1, Double.NaN, 0, 0, 0});
        Curve toggled = new Curve("toggled", Metrics.GUIDANCE_ON, new double[] {1, 2, 3, 4, 5},
                new double[] {1, 0, 1, 1, 0});
        Curve never = new Curve("baseline", Metrics.GUIDANCE_ON, new double[] {1, 2}, new double[] {0, 0});
        Curve other = new Curve("warmup", Metrics.TRAIN_LOSS, new double[] {1, 2}, new double[] {1, 0});
        assertEquals(List.of(new GuidanceMarker("warmup", 2), new GuidanceMarker("toggled", 1),
                GuidanceMarker.reconnectedAt("toggled", 3), new GuidanceMarker("toggled", 4)), GuidanceMarker.fromGuidanceOn(List.of(warmup, toggled, never,
                other)));
    }

    @Test
    void aNonFiniteStepIsRefusedNamingTheArm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GuidanceMarker("warmup 150", Double.NaN));
        assertEquals("guidance marker of arm warmup 150: step is NaN", e.getMessage());
    }

    @Test
    void aCurveWithMismatchedLengthsIsRefusedNamingArmAndMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Curve("guided", "val/loss", new double[] {1, 2}, new double[] {1}));
        assertEquals("curve guided / val/loss: 2 steps but 1 values", e.getMessage());
    }
}
