package org.guidancelab.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellResult;
import org.guidancelab.sweep.SweepCell;
import org.guidancelab.sweep.SweepFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cell as a Spark task: plain strings (the experiment as JSON, so nothing of ours needs to be Serializable), run
 * on an executor by {@link #run}. Harmless when Spark runs it again (a lost executor, a retry): with a shared folder it
 * continues the run the lost attempt left in the cell's temporary folder; otherwise it trains in a fresh scratch
 * folder, and only the driver, which holds the cell's lock, writes into the sweep folder.
 *
 * @param sharedFolder the cell's temporary folder in the shared sweep folder, or null to train in scratch and ship
 */
record CellTask(String id, String experimentJson, String sharedFolder) implements Serializable {
    private static final Logger LOG = LoggerFactory.getLogger(CellTask.class);

    CellShipment run() throws Exception {
        var trainer = ExecutorSide.trainer();
        ComputeThreads.bindCurrentThread(); // the binding is per thread, and Spark reuses its task threads
        ExperimentSpec exp = ExperimentJson.parse(experimentJson, "cell " + id);
        TaskContext ctx = TaskContext.get();
        Path dir = sharedFolder != null ? Path.of(sharedFolder) : Files.createTempDirectory("guidance-lab-cell-");
        LOG.info("cell {}: training in {} (stage {}, task attempt {})", id, dir, ctx == null ? "-" : ctx.stageId(),
                ctx == null ? "-" : ctx.attemptNumber());
        long began = System.nanoTime();
        CancelSignal cancel = new CancelSignal();
        // Spark cancels a task by interrupting its thread: seen between steps, it stops the run with a checkpoint
        TrainingListener stopOnKill = e -> {
            if (ctx != null && ctx.isInterrupted()) {
                cancel.cancel();
            }
        };
        try {
            CellResult r = trainer.train(new SweepCell(id, Map.of(), 1, exp, 0), dir, cancel, stopOnKill);
            LOG.info("cell {}: {} in {} s{}", id, r.status(), String.format("%.1f", (System.nanoTime() - began) / 1e9),
                    r.message().isEmpty() ? "" : ": " + r.message());
            return CellShipment.of(r, sharedFolder != null ? null : RunZip.pack(dir));
        } finally {
            if (sharedFolder == null) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            SweepFolder.deleteTree(dir);
        } catch (IOException e) {
            LOG.warn("could not delete the scratch folder {}: {}", dir, e.getMessage());
        }
    }
}
