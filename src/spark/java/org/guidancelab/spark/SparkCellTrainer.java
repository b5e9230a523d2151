package org.guidancelab.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.spark.api.java.JavaSparkContext;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.sweep.CancelSignal;
import org.guidancelab.sweep.CellResult;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.CellTrainer;
import org.guidancelab.sweep.SweepCell;

/**
 * Trains a cell as one Spark job of one task ({@link CellTask}) and leaves its run folder where {@code CellRun} expects
 * it: written there by the task when the folder is shared, else unpacked from what the task shipped back. The driver's
 * {@code CellRun} around it holds the cell's lock and renames the folder once finished, so a lost or re-run task never
 * leaves a half cell, and the summary has one row per cell and arm whatever Spark retried.
 */
final class SparkCellTrainer implements CellTrainer {
    private final JavaSparkContext sc;
    private final boolean shared;

    SparkCellTrainer(JavaSparkContext sc, boolean shared) {
        this.sc = sc;
        this.shared = shared;
    }

    @Override
    public CellResult train(SweepCell cell, Path folder, CancelSignal cancel, TrainingListener listener) {
        // a job group per cell, so a Stop cancels exactly this cell's task (job groups are per driver thread)
        String group = "guidance-lab-" + UUID.randomUUID();
        sc.setJobGroup(group, "cell " + cell.id(), true);
        CellTask task = new CellTask(cell.id(), ExperimentJson.write(cell.experiment()),
                shared ? folder.toAbsolutePath().toString() : null);
        try (CancelSignal.Registration r = cancel.onCancel(() -> sc.cancelJobGroup(group))) {
            CellShipment s = sc.parallelize(List.of(task), 1).map(CellTask::run).collect().get(0);
            if (s.zip() != null) {
                RunZip.unpack(s.zip(), folder);
            }
            return s.result();
        } catch (Exception e) {
            if (cancel.isCancelled()) {
                return new CellResult(CellStatus.STOPPED, "stopped", false, List.of());
            }
            return CellResult.failed("its Spark task failed: " + Failures.message(e));
        } finally {
            sc.clearJobGroup();
        }
    }
}
