package org.guidancelab.figures;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.PlanRecord;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepSummary;

/**
 * A sweep folder's numbers for the figures: its plan (axes, values, arms) and summary.csv (one point per cell, arm
 * and seed). Readable while the sweep runs: cells not finished yet are left out.
 */
public final class SweepFigureSource {
    private SweepFigureSource() {
    }

    /**
     * @param metric a column of summary.csv ({@link SweepSummary#METRICS}); null: the sweep's own
     */
    public static SweepChartData data(Path dir, String metric) throws IOException {
        SweepFolder folder = new SweepFolder(dir);
        PlanRecord plan = folder.readPlan();
        String m = metric == null ? plan.metric() : metric;
        if (!SweepSummary.METRICS.contains(m)) {
            throw new IllegalArgumentException("unknown metric '" + m + "'; expected one of "
                    + String.join(", ", SweepSummary.METRICS));
        }
        List<SweepChartData.AxisInfo> axes = new ArrayList<>();
        for (PlanRecord.AxisRecord a : plan.axes()) {
            axes.add(new SweepChartData.AxisInfo(a.name(), a.labels(), a.numbers(), a.log(),
                    a.inSteps() ? plan.baseSteps() : 0));
        }
        List<SweepChartData.Point> points = new ArrayList<>();
        Set<String> arms = new LinkedHashSet<>(plan.arms());
        for (SweepSummary.Row r : folder.readSummary()) {
            if (r.status() != CellStatus.FINISHED) {
                continue;
            }
            arms.add(r.arm());
            Map<String, String> labels = new LinkedHashMap<>(r.axes());
            points.add(new SweepChartData.Point(labels, r.arm(), r.seed(), r.get(m)));
        }
        boolean fraction = m.endsWith("_acc");
        return new SweepChartData(plan.title(), m, SweepSummary.describe(m), fraction, axes, new ArrayList<>(arms), points);
    }

    /** Writes the sweep's figures into {@code out}; nothing when no cell has finished yet. */
    public static List<Path> write(Path dir, Path out, ExportFormat format, double scale, String metric) throws IOException {
        SweepChartData d = data(dir, metric);
        if (d.points().isEmpty()) {
            return List.of();
        }
        return SweepFigures.writeAll(d, out, format, scale);
    }
}
