package org.guidancelab.reproduce;

import java.nio.file.Path;
import java.util.List;

/**
 * A finding's outcome for the report.
 *
 * @param runs     its (finding, seed) runs, in seed order
 * @param arms     per arm, its measures over the finished seeds (read back from the run folders)
 * @param figures  the report's figure files, relative to the report's folder
 * @param seconds  the wall time of its runs, summed over seeds, as reproduce measured it
 * @param curve    its curve (the warmup sweep) read back with its checks; null for a finding without one
 * @param grid     its grid (the wide FCN's) read back, reported not counted; null for a finding without one
 */
public record FindingResult(Finding finding, List<SeedRun> runs, List<ArmSummary> arms, List<Check> checks,
                            Verdict verdict, List<Path> figures, double seconds, WarmupCurve.Result curve,
                            StrengthGrid.Result grid) {
    public FindingResult(Finding finding, List<SeedRun> runs, List<ArmSummary> arms, List<Check> checks,
                         Verdict verdict, List<Path> figures, double seconds) {
        this(finding, runs, arms, checks, verdict, figures, seconds, null, null);
    }

    public FindingResult {
        runs = List.copyOf(runs);
        arms = List.copyOf(arms);
        checks = List.copyOf(checks);
        figures = List.copyOf(figures);
    }

    public long finishedSeeds() {
        return runs.stream().filter(SeedRun::finished).count();
    }
}
