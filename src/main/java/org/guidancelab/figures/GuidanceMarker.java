package org.guidancelab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A vertical line on the curve charts: the step at which an arm's guidance was disconnected (warmup runs).
 *
 * @param arm  the arm whose guide was disconnected (the marker takes its colour)
 * @param step the training step
 */
public record GuidanceMarker(String arm, double step) {
    public GuidanceMarker {
        Objects.requireNonNull(arm, "arm");
        if (!Double.isFinite(step)) {
            throw new IllegalArgumentException("guidance marker of arm " + arm + ": step is " + step);
        }
    }

    /**
     * The markers implied by recorded {@link Metrics#GUIDANCE_ON} curves (1 while the guidance term is applied, 0
     * when not): one at the last guided step before each switch from on to off, the step a warmup of N steps is
     * described by ("disconnected after step N"). Arms never guided get none.
     */
    public static List<GuidanceMarker> fromGuidanceOn(List<Curve> curves) {
        List<GuidanceMarker> out = new ArrayList<>();
        for (Curve c : curves) {
            if (!c.metric().equals(Metrics.GUIDANCE_ON)) {
                continue;
            }
            double[] steps = c.steps();
            double[] on = c.values();
            double lastOn = Double.NaN;
            for (int i = 0; i < steps.length; i++) {
                if (Double.isNaN(on[i])) {
                    continue;
                }
                if (on[i] > 0.5) {
                    lastOn = steps[i];
                } else if (!Double.isNaN(lastOn)) {
                    out.add(new GuidanceMarker(c.arm(), lastOn));
                    lastOn = Double.NaN;
                }
            }
        }
        return out;
    }
}
