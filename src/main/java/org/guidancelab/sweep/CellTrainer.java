package org.guidancelab.sweep;

import java.nio.file.Path;
import org.guidancelab.engine.train.TrainingListener;

/**
 * Trains one cell's experiment into a run folder: the one call of the sweep machinery into training, so the way a run
 * is made (today {@link SessionCellTrainer} over the engine's Trainer, RunWriter and RunResumer; later the run session)
 * changes in one class.
 */
@FunctionalInterface
public interface CellTrainer {
    /**
     * Runs the cell's experiment into {@code folder} on the calling thread: from the start when the folder holds no
     * run, else continuing the run it holds (stopped, or cut short by a crash or kill -9), as {@code resume} does.
     * Returns when the run finished, stopped because {@code cancel} was signalled (between steps, with a checkpoint),
     * or failed; never throws for a failure of the run or its folder.
     *
     * @param listener hears every training event of the run, on the calling thread
     */
    CellResult train(SweepCell cell, Path folder, CancelSignal cancel, TrainingListener listener);
}
