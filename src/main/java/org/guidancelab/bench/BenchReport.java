package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The bench's summary lines and its Markdown table (the one that goes into docs/PERFORMANCE.md). */
public final class BenchReport {
    private BenchReport() {
    }

    /**
     * The one line per workload that scripts read, from the medians: "W peer unguided steps/s=.. guided steps/s=.. |
     * ours/peer unguided=R1x guided=R2x | guided/unguided time ratio ours=.. peer=..", then the range of the
     * per-repeat ratios (repeat i of ours over repeat i of the peer).
     */
    public static String ratioLine(BenchResult ours, BenchResult peer) {
        Spread u = Spread.ratios(ours.unguided(), peer.unguided());
        Spread g = Spread.ratios(ours.guided(), peer.guided());
        return String.format(Locale.ROOT,
                "%s peer unguided steps/s=%.2f guided steps/s=%.2f | ours/peer unguided=%.2fx guided=%.2fx"
                        + " | guided/unguided time ratio ours=%.2f peer=%.2f"
                        + " | medians of %d repeats, per-repeat ours/peer unguided %.2f-%.2f guided %.2f-%.2f",
                ours.workload(), peer.unguidedStepsPerSecond(), peer.guidedStepsPerSecond(),
                ours.unguidedStepsPerSecond() / peer.unguidedStepsPerSecond(),
                ours.guidedStepsPerSecond() / peer.guidedStepsPerSecond(),
                ours.guidedOverUnguidedTime(), peer.guidedOverUnguidedTime(),
                Math.min(ours.unguided().count(), peer.unguided().count()), u.min(), u.max(), g.min(), g.max());
    }

    /** The heatmap line: at an evaluation (ms=, what scripts read), then with the guide's side included. */
    public static String heatmapLine(HeatmapBench.Timing t) {
        return String.format(Locale.ROOT, "heatmap %dx%d taps probe=%d ms=%.1f | at an evaluation (guide Grams once per"
                        + " probe set) %s | with the guide's forward and Grams ms=%.1f %s",
                HeatmapBench.TARGET_TAPS, HeatmapBench.GUIDE_TAPS, HeatmapBench.PROBE, t.atEvaluation().median(),
                t.atEvaluation().summary(1), t.withGuide().median(), t.withGuide().summary(1));
    }

    /** One row of the table: a workload's figures, ours and (when run) the peer's. */
    public record Row(BenchResult ours, BenchResult peer) {
    }

    /**
     * The Markdown table: per workload, median steps/s of each mode with the range over the repeats, the ours/peer
     * ratio of the medians with the range of the per-repeat ratios, and the heatmap (one per invocation, first row).
     */
    public static List<String> markdown(List<Row> rows, HeatmapBench.Timing heatmap) {
        List<String> out = new ArrayList<>();
        out.add("| workload | ours unguided steps/s | peer unguided steps/s | ours/peer unguided | ours guided steps/s"
                + " | peer guided steps/s | ours/peer guided | heatmap ms |");
        out.add("|---|---|---|---|---|---|---|---|");
        boolean first = true;
        for (Row r : rows) {
            BenchResult o = r.ours();
            BenchResult p = r.peer();
            String hm = first && heatmap != null ? heatmap.atEvaluation().medianAndRange(1) : "";
            first = false;
            out.add("| `" + o.workload() + "` | " + o.unguided().medianAndRange(2) + " | "
                    + (p == null ? "-" : p.unguided().medianAndRange(2)) + " | " + ratio(o.unguided(), p == null ? null : p.unguided())
                    + " | " + o.guided().medianAndRange(2) + " | " + (p == null ? "-" : p.guided().medianAndRange(2)) + " | "
                    + ratio(o.guided(), p == null ? null : p.guided()) + " | " + hm + " |");
        }
        if (!rows.isEmpty()) {
            int n = rows.get(0).ours().unguided().count();
            out.add("");
            out.add("Median (min-max) over " + n + " alternated repeat" + (n == 1 ? "" : "s")
                    + " per mode; ratios: ours/peer of the medians (min-max of the per-repeat ratios)"
                    + (heatmap == null ? "." : "; heatmap at an evaluation: median (min-max) of "
                    + heatmap.atEvaluation().count() + ", one per invocation."));
        }
        return out;
    }

    private static String ratio(Spread ours, Spread peer) {
        if (peer == null) {
            return "-";
        }
        Spread r = Spread.ratios(ours, peer);
        return String.format(Locale.ROOT, "%.2fx (%.2f-%.2f)", ours.median() / peer.median(), r.min(), r.max());
    }
}
