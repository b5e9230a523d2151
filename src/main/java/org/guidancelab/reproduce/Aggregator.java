package org.guidancelab.reproduce;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunRecord;

/**
 * Per arm, the findings' measures over seeds, from run folders read back by {@link org.guidancelab.runs.RunReader}
 * (never from live events), so every number of the report is one on disk.
 */
public final class Aggregator {
    private Aggregator() {
    }

    /** One summary per arm of the first run's experiment (every seed runs the same arms), in preset order. */
    public static List<ArmSummary> summarize(List<RunRecord> seeds) {
        if (seeds.isEmpty()) {
            return List.of();
        }
        List<ArmSummary> out = new ArrayList<>();
        for (ArmSpec arm : seeds.get(0).experiment().arms()) {
            List<Double> acc = new ArrayList<>();
            List<Double> loss = new ArrayList<>();
            List<Double> min = new ArrayList<>();
            List<Double> train = new ArrayList<>();
            List<Double> secs = new ArrayList<>();
            for (RunRecord r : seeds) {
                ArmMeasures m = ArmMeasures.of(r.taskRows(arm.name()));
                acc.add(m.finalValAccuracy());
                loss.add(m.finalValLoss());
                min.add(m.minValLoss());
                train.add(m.finalTrainLoss());
                secs.add(m.seconds());
            }
            out.add(new ArmSummary(arm.name(), ArmRole.of(arm), ArmRole.describe(arm), acc, loss, min, train, secs));
        }
        return out;
    }

    /**
     * One arm's measures in one run: at its last evaluation (the last task row holding val/loss), the lowest val/loss
     * over its evaluations, the task loss of its last step (train/task_loss, the loss without the guidance term, else
     * train/loss), and its task-training seconds (last step / the recorded steps per second since the arm began).
     * NaN where the arm recorded nothing.
     */
    public record ArmMeasures(double finalValAccuracy, double finalValLoss, double minValLoss, double finalTrainLoss,
                              double seconds) {
        public static ArmMeasures of(List<MetricRow> rows) {
            double acc = Double.NaN;
            double loss = Double.NaN;
            double min = Double.NaN;
            double train = Double.NaN;
            double secs = Double.NaN;
            for (MetricRow r : rows) {
                double v = r.get(Metrics.VAL_LOSS);
                if (!Double.isNaN(v)) {
                    loss = v;
                    acc = r.get(Metrics.VAL_ACCURACY);
                    min = Double.isNaN(min) ? v : Math.min(min, v);
                }
                double t = r.get(Metrics.TASK_LOSS);
                t = Double.isNaN(t) ? r.get(Metrics.TRAIN_LOSS) : t;
                if (!Double.isNaN(t)) {
                    train = t;
                }
                double rate = r.get(Metrics.STEPS_PER_SECOND);
                if (rate > 0) {
                    secs = r.step() / rate;
                }
            }
            return new ArmMeasures(acc, loss, min, train, secs);
        }
    }
}
