package org.guidancelab.reproduce;

import java.nio.file.Path;

/**
 * What a reproduce runs: seeds per finding, the step divisor (4 with --quick, 1 otherwise; tests use larger ones),
 * parallel jobs, the output folder and a hidden test-only shrinking ({@link TestScale#NONE} normally).
 * {@code reportOnly}: train nothing, write the report from the finished runs already in the output folder.
 */
public record ReproduceSettings(int seeds, int stepDivisor, int jobs, Path out, TestScale testScale,
                                boolean reportOnly) {
    public ReproduceSettings(int seeds, int stepDivisor, int jobs, Path out) {
        this(seeds, stepDivisor, jobs, out, TestScale.NONE, false);
    }

    public ReproduceSettings(int seeds, int stepDivisor, int jobs, Path out, TestScale testScale) {
        this(seeds, stepDivisor, jobs, out, testScale, false);
    }

    public ReproduceSettings {
        testScale = testScale == null ? TestScale.NONE : testScale;
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
