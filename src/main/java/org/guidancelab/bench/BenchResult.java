package org.guidancelab.bench;

import java.util.Locale;

/** Steps per second of one workload, unguided and guided, in the peer's line format. */
public record BenchResult(Workload workload, int threads, double unguidedStepsPerSecond, double guidedStepsPerSecond) {

    /** Guided time per step over unguided time per step: the cost of guidance. */
    public double guidedOverUnguidedTime() {
        return unguidedStepsPerSecond / guidedStepsPerSecond;
    }

    /** The same three lines the PyTorch peer prints, so the two outputs compare line by line. */
    public String lines() {
        return String.format(Locale.ROOT, "%s unguided steps/s=%.2f%n%s guided steps/s=%.2f%n"
                        + "%s guidance-lab threads=%d guided/unguided time ratio=%.2f",
                workload, unguidedStepsPerSecond, workload, guidedStepsPerSecond, workload, threads,
                guidedOverUnguidedTime());
    }
}
