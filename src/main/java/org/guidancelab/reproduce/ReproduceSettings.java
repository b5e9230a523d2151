package org.guidancelab.reproduce;

import java.nio.file.Path;

/**
 * What a reproduce runs: seeds per finding, the step divisor (4 with --quick, 1 otherwise; tests use larger ones),
 * parallel jobs and the output folder.
 */
public record ReproduceSettings(int seeds, int stepDivisor, int jobs, Path out) {
    public ReproduceSettings {
        if (seeds < 1) {
            throw new IllegalArgumentException("--seeds must be at least 1, got " + seeds);
        }
        if (stepDivisor < 1) {
            throw new IllegalArgumentException("the step divisor must be at least 1, got " + stepDivisor);
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, got " + jobs);
        }
    }

    public boolean quick() {
        return stepDivisor > 1;
    }
}
