package org.guidancelab.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

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

    /** A cell whose training threw: failed with that message; the sweep goes on with the other cells. */
    public static CellOutcome failed(SweepCell cell, String message) {
        return new CellOutcome(cell, CellStatus.FAILED, message, null, true, false, 0);
    }

    /**
     * The outcomes of cells an executor submitted to its threads, in submission order; an executor's own fault (not a
     * cell's, which {@link #failed} records) is rethrown.
     */
    public static List<CellOutcome> collect(List<Future<CellOutcome>> futures) throws InterruptedException {
        List<CellOutcome> out = new ArrayList<>();
        for (Future<CellOutcome> f : futures) {
            try {
                out.add(f.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return out;
    }

    static CellOutcome notStarted(SweepCell cell, Path folder, String why) {
        return new CellOutcome(cell, CellStatus.PENDING, why, folder, false, false, 0);
    }
}
