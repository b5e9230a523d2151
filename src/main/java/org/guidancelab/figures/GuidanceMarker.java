package org.guidancelab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.guidancelab.engine.train.Metrics;

/**
 * A vertical line on the curve charts: the step at which an arm's guidance was disconnected (warmup runs, the
 * dashboard's "Disconnect guide") or connected again ("Reconnect guide").
 *
 * @param arm         the arm whose guide was switched (the marker takes its colour)
 * @param step        the training step
 * @param reconnected false: the guide was disconnected after this step; true: guidance is back from this step on
 */
public record GuidanceMarker(String arm, double step, boolean reconnected) {
    public GuidanceMarker {
        Objects.requireNonNull(arm, "arm");
        if (!Double.isFinite(step)) {
            throw new IllegalArgumentException("guidance marker of arm " + arm + ": step is " + step);
        }
    }

    /** A disconnection: the arm's last guided step. */
    public GuidanceMarker(String arm, double step) {
        this(arm, step, false);
    }

    /** A reconnection: the arm's first guided step after a pause. */
    public static GuidanceMarker reconnectedAt(String arm, double step) {
        return new GuidanceMarker(arm, step, true);
    }

    /**
     * The markers implied by recorded {@link Metrics#GUIDANCE_ON} curves (1 while the guidance term is applied, 0
     * when not): one at the last guided step before each switch from on to off, the step a warmup of N steps is
     * described by ("disconnected after step N"), and a reconnection at the first guided step after a switch from
     * off to on. Arms never guided get none.
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
            boolean disconnected = false;
            for (int i = 0; i < steps.length; i++) {
                if (Double.isNaN(on[i])) {
                    continue;
                }
                if (on[i] > 0.5) {
                    if (disconnected) {
                        out.add(reconnectedAt(c.arm(), steps[i]));
                        disconnected = false;
                    }
                    lastOn = steps[i];
                } else if (!Double.isNaN(lastOn)) {
                    out.add(new GuidanceMarker(c.arm(), lastOn));
                    lastOn = Double.NaN;
                    disconnected = true;
                }
            }
        }
        return out;
    }
}
