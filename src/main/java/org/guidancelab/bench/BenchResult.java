package org.guidancelab.bench;

import java.util.Locale;

/**
 * Steps per second of one workload, unguided and guided, over the repeats of a run (one value each for a peer that
 * reports a single figure), and how each mode's warm-up ended (null when not known, as for the peer).
 */
public record BenchResult(Workload workload, int threads, Spread unguided, Spread guided, Warmup unguidedWarmup,
                          Warmup guidedWarmup) {

    /** How a mode's warm-up ended: after how many steps, and whether by the settle rule or at the cap. */
    public record Warmup(int steps, boolean settled) {
        public String describe() {
            return steps + " steps" + (settled ? "" : " (cap reached)");
        }
    }

    public BenchResult(Workload workload, int threads, Spread unguided, Spread guided) {
        this(workload, threads, unguided, guided, null, null);
    }

    /** Median steps/s of the unguided repeats. */
    public double unguidedStepsPerSecond() {
        return unguided.median();
    }

    /** Median steps/s of the guided repeats. */
    public double guidedStepsPerSecond() {
        return guided.median();
    }

    /** Guided time per step over unguided time per step, from the medians: the cost of guidance. */
    public double guidedOverUnguidedTime() {
        return unguidedStepsPerSecond() / guidedStepsPerSecond();
    }

    /**
     * The same three lines the PyTorch peer prints, with the medians, so the two outputs compare line by line (and
     * `bench --native-builds` and scripts read "WORKLOAD MODE steps/s=R" as before).
     */
    public String lines() {
        return String.format(Locale.ROOT, "%s unguided steps/s=%.2f%n%s guided steps/s=%.2f%n"
                        + "%s guidance-lab threads=%d guided/unguided time ratio=%.2f",
                workload, unguidedStepsPerSecond(), workload, guidedStepsPerSecond(), workload, threads,
                guidedOverUnguidedTime());
    }

    /** One line per mode with the spread of its repeats, e.g. "mlp ours unguided steps/s median=.. q1=.. n=5 warmup=40 settled". */
    public String spreadLines(String side) {
        return String.format(Locale.ROOT, "%s %s unguided steps/s %s%s%n%s %s guided steps/s %s%s",
                workload, side, unguided.summary(2), warmup(unguidedWarmup),
                workload, side, guided.summary(2), warmup(guidedWarmup));
    }

    private static String warmup(Warmup w) {
        return w == null ? "" : " warmup=" + w.steps() + (w.settled() ? " settled" : " capped");
    }
}
