package org.guidancelab.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.session.ArmResult;
import org.guidancelab.session.RunSummary;

/**
 * The final table of {@code run} and {@code resume}: per arm its last train and validation loss and accuracy and the
 * mean CKA over the resolved pairs on the probe batch (for every arm, guided or not, so they compare).
 */
final class ArmSummaryTable {
    private ArmSummaryTable() {
    }

    static void print(RunSummary summary, PrintWriter out) {
        int w = Math.max(4, summary.arms().keySet().stream().mapToInt(String::length).max().orElse(4));
        out.printf(Locale.ROOT, "%-" + w + "s  %10s  %9s  %8s  %7s  %13s%n", "arm", "train loss", "train acc", "val loss", "val acc", "mean pair CKA");
        for (ArmResult r : summary.arms().values()) {
            String note = r.status() == RunStatus.FAILED ? "  (failed)" : r.status() == RunStatus.STOPPED ? "  (stopped)" : "";
            out.printf(Locale.ROOT, "%-" + w + "s  %10s  %9s  %8s  %7s  %13s%s%n", r.arm(), num(r.last(Metrics.TRAIN_LOSS), 4),
                    pct(r.last(Metrics.TRAIN_ACCURACY)), num(r.last(Metrics.VAL_LOSS), 4), pct(r.last(Metrics.VAL_ACCURACY)),
                    num(r.meanPairCka(), 3), note);
        }
        out.flush();
    }

    private static String num(double v, int digits) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%." + digits + "f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", 100 * v);
    }
}
