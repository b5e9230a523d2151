package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.TapPair;

/**
 * Collects each arm's last evaluation and heatmap and prints the final table: train and validation loss and accuracy
 * and the mean CKA over the resolved pairs on the probe batch (for every arm, guided or not, so they compare).
 */
final class ArmSummaryTable implements TrainingListener {
    private final List<TapPair> pairs;
    private final Map<String, double[]> rows = new LinkedHashMap<>();
    private final Map<String, String> notes = new LinkedHashMap<>();

    ArmSummaryTable(List<TapPair> pairs) {
        this.pairs = pairs;
    }

    @Override
    public void onEvent(TrainingEvent e) {
        if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK && s.metrics().containsKey(Metrics.VAL_LOSS)) {
            double[] r = row(s.arm());
            r[0] = s.get(Metrics.TRAIN_LOSS);
            r[1] = s.get(Metrics.TRAIN_ACCURACY);
            r[2] = s.get(Metrics.VAL_LOSS);
            r[3] = s.get(Metrics.VAL_ACCURACY);
        } else if (e instanceof TrainingEvent.CkaMatrices c && c.targetGuide() != null) {
            row(c.arm())[4] = meanPairCka(c.targetGuide());
        } else if (e instanceof TrainingEvent.ArmFailed f) {
            row(f.arm());
            notes.put(f.arm(), "failed");
        } else if (e instanceof TrainingEvent.ArmFinished f && f.stopped()) {
            row(f.arm());
            notes.put(f.arm(), "stopped");
        }
    }

    private double[] row(String arm) {
        return rows.computeIfAbsent(arm, a -> new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN});
    }

    private double meanPairCka(CkaMatrix m) {
        double sum = 0;
        int n = 0;
        for (TapPair p : pairs) {
            int r = m.rowTaps().indexOf(p.targetTap());
            int c = m.columnTaps().indexOf(p.guideTap());
            if (r >= 0 && c >= 0) {
                sum += m.get(r, c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    void print(PrintWriter out) {
        int w = Math.max(4, rows.keySet().stream().mapToInt(String::length).max().orElse(4));
        out.printf(Locale.ROOT, "%-" + w + "s  %10s  %9s  %8s  %7s  %13s%n", "arm", "train loss", "train acc", "val loss", "val acc", "mean pair CKA");
        rows.forEach((arm, r) -> out.printf(Locale.ROOT, "%-" + w + "s  %10s  %9s  %8s  %7s  %13s%s%n", arm,
                num(r[0], 4), pct(r[1]), num(r[2], 4), pct(r[3]), num(r[4], 3),
                notes.containsKey(arm) ? "  (" + notes.get(arm) + ")" : ""));
        out.flush();
    }

    private static String num(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
