package org.guidancelab.sweep;

import java.nio.file.Path;
import java.util.List;

/**
 * What a sweep run did.
 *
 * @param outcomes       the cells this invocation set out to train, in the order they were started
 * @param finishedBefore selected cells that had finished before this invocation (nothing was trained for them)
 * @param counts         the whole sweep's counts at the end
 * @param cancelled      stopped by Ctrl-C (or a Stop)
 */
public record SweepResult(Path folder, List<CellOutcome> outcomes, int finishedBefore, SweepCounts counts,
                          boolean cancelled, double seconds) {
    public SweepResult {
        outcomes = List.copyOf(outcomes);
    }

    /** Nothing needed training: every selected cell had finished before. */
    public boolean nothingToTrain() {
        return outcomes.isEmpty();
    }

    public long trained() {
        return outcomes.stream().filter(o -> o.trained() && o.status() == CellStatus.FINISHED).count();
    }

    public long resumed() {
        return outcomes.stream().filter(CellOutcome::resumed).count();
    }

    public long failed() {
        return outcomes.stream().filter(o -> o.status() == CellStatus.FAILED).count();
    }

    /** Every cell of the sweep has finished. */
    public boolean complete() {
        return counts.finished() == counts.cells();
    }
}
