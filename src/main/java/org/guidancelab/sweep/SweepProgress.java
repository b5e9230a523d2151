package org.guidancelab.sweep;

import java.util.List;

/**
 * Hears a sweep run: the CLI draws one progress line from it, a UI its cell grid. Called from the executor's threads
 * (several at once); implementations synchronise what they share.
 */
public interface SweepProgress {
    /** The sweep begins: the cells it will train (longest first) and how many had finished before. */
    default void started(SweepPlan plan, List<SweepCell> toRun, int finishedBefore) {
    }

    default void cellStarted(SweepCell cell) {
    }

    /** Something worth a line: a resume, a cell trained again after a failure. */
    default void note(SweepCell cell, String text) {
    }

    default void cellEnded(CellOutcome outcome) {
    }

    /** The counts changed, or time passed (at most a few times a second). */
    default void changed(SweepCounts counts) {
    }
}
