package org.guidancelab.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * A run folder read back whole. {@code checkpoints} holds each arm's newest usable checkpoint (the previous one when
 * the newest is damaged); {@code checkpointProblems} names, per arm, a newest checkpoint that could not be used.
 */
public record RunRecord(Path directory, ExperimentSpec experiment, RunStatusFile status, List<MetricRow> metrics,
                        List<CkaSnapshot> cka, Map<String, ArmState> checkpoints, Map<String, CheckpointProblem> checkpointProblems) {

    public RunRecord(Path directory, ExperimentSpec experiment, RunStatusFile status, List<MetricRow> metrics,
                     List<CkaSnapshot> cka, Map<String, ArmState> checkpoints) {
        this(directory, experiment, status, metrics, cka, checkpoints, Map.of());
    }

    /** The rows of one arm's task steps, in order. */
    public List<MetricRow> taskRows(String arm) {
        return metrics.stream().filter(r -> r.arm().equals(arm) && r.phase() == Phase.TASK).toList();
    }

    /** The last TASK row of an arm, or null. */
    public MetricRow lastTaskRow(String arm) {
        List<MetricRow> rows = taskRows(arm);
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }
}
