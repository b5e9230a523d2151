package org.guidancelab.sweep;

import java.nio.file.Path;

/**
 * How one cell ended in this invocation of a sweep.
 *
 * @param folder  the cell's run folder: cells/ID when finished, cells/.ID.tmp otherwise
 * @param trained whether this invocation trained it (false: already finished, or not started)
 * @param resumed it continued a run a stop or a kill had left
 * @param seconds wall time of the training in this invocation
 */
public record CellOutcome(SweepCell cell, CellStatus status, String message, Path folder, boolean trained,
                          boolean resumed, double seconds) {
    public CellOutcome {
        message = message == null ? "" : message;
    }

    static CellOutcome notStarted(SweepCell cell, Path folder, String why) {
        return new CellOutcome(cell, CellStatus.PENDING, why, folder, false, false, 0);
    }
}
