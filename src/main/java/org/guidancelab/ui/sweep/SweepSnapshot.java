package org.guidancelab.ui.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.figures.SweepChartData;
import org.guidancelab.figures.SweepFigureSource;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.PlanRecord;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepStatus;
import org.guidancelab.sweep.SweepSummary;

/**
 * What a sweep folder holds at one moment: its plan, each cell's status and the summary's metric per cell and arm,
 * read off the FX thread. The files are written atomically by whoever runs the sweep (this app, the {@code sweep}
 * command, a cluster executor), so a folder read while it fills gives a consistent, if slightly old, picture.
 */
public record SweepSnapshot(Path dir, PlanRecord plan, SweepStatus status, List<SweepSummary.Row> rows,
                            SweepChartData chart) {
    public SweepSnapshot {
        rows = List.copyOf(rows);
    }

    /** Reads {@code dir}; throws when it holds no sweep (no plan.json) or its plan cannot be read. */
    public static SweepSnapshot read(Path dir) throws IOException {
        SweepFolder folder = new SweepFolder(dir);
        if (!Files.isRegularFile(dir.resolve(SweepFolder.PLAN))) {
            throw new IOException(dir + " is not a sweep folder (it has no " + SweepFolder.PLAN + ")");
        }
        PlanRecord plan = folder.readPlan();
        SweepStatus status = Files.isRegularFile(dir.resolve(SweepFolder.STATUS)) ? folder.readStatus()
                : new SweepStatus("pending", "", Map.of(), Double.NaN, "");
        List<SweepSummary.Row> rows = Files.isRegularFile(dir.resolve(SweepFolder.SUMMARY)) ? folder.readSummary() : List.of();
        return new SweepSnapshot(dir, plan, status, rows, SweepFigureSource.data(dir, null));
    }

    /** A cell's status ({@code PENDING} before the runner wrote it). */
    public CellStatus statusOf(String cell) {
        SweepStatus.CellState s = status.cells().get(cell);
        return s == null ? CellStatus.PENDING : s.status();
    }

    /** The cell's run folder as written in status.json, resolved against the sweep folder; null if none yet. */
    public Path runFolder(String cell) {
        SweepStatus.CellState s = status.cells().get(cell);
        if (s == null || s.folder() == null || s.folder().isBlank()) {
            return null;
        }
        return dir.resolve(s.folder()).normalize();
    }

    /** Per arm, the sweep's metric of a finished cell (empty before it finished). */
    public Map<String, Double> metricOf(String cell) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (SweepSummary.Row r : rows) {
            if (r.cell().equals(cell) && r.status() == CellStatus.FINISHED) {
                out.put(r.arm(), r.get(plan.metric()));
            }
        }
        return out;
    }

    /** How many cells have finished. */
    public long finished() {
        return status.count(CellStatus.FINISHED);
    }
}
