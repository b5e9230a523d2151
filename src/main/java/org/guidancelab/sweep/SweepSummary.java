package org.guidancelab.sweep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.runs.CkaSnapshot;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;

/**
 * summary.csv: one row per cell and arm, every number read back from the cell's run folder. Columns: one per axis
 * (the value's label), {@code seed}, {@code cell}, {@code arm}, {@code folder} (relative to the sweep folder),
 * {@code status}, then the measures {@link #METRICS}:
 * <ul>
 *   <li>{@code final_val_acc}, {@code final_val_loss}: at the arm's last evaluation;</li>
 *   <li>{@code best_val_acc}, {@code best_val_loss}: the highest accuracy and lowest loss over its evaluations;</li>
 *   <li>{@code final_train_loss}: the task loss (without guidance) of its last step;</li>
 *   <li>{@code mean_pair_cka}: the mean over the tap pairs of target-guide CKA in the arm's last heatmap on the probe
 *       batch (recorded for every arm, guided or not, so arms compare), else the last mean pair CKA of training;</li>
 *   <li>{@code task_seconds}: the task steps' wall time (last step / recorded steps per second).</li>
 * </ul>
 * Empty where not recorded (a cell not run yet). Numbers are written in full precision.
 */
public final class SweepSummary {
    public static final String DEFAULT_METRIC = "final_val_acc";
    public static final List<String> METRICS = List.of("final_val_acc", "best_val_acc", "final_val_loss", "best_val_loss",
            "final_train_loss", "mean_pair_cka", "task_seconds");
    static final List<String> FIXED = List.of("seed", "cell", "arm", "folder", "status");

    private SweepSummary() {
    }

    /** One row: a cell's arm. */
    public record Row(Map<String, String> axes, int seed, String cell, String arm, String folder, CellStatus status,
                      Map<String, Double> metrics) {
        public Row {
            axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            folder = folder == null ? "" : folder;
        }

        /** A measure, NaN when not recorded. */
        public double get(String metric) {
            Double v = metrics.get(metric);
            return v == null ? Double.NaN : v;
        }
    }

    /** What readers of a metric should call it ("final validation accuracy"). */
    public static String describe(String metric) {
        switch (metric) {
            case "final_val_acc":
                return "final validation accuracy";
            case "best_val_acc":
                return "best validation accuracy";
            case "final_val_loss":
                return "final validation loss";
            case "best_val_loss":
                return "lowest validation loss";
            case "final_train_loss":
                return "final training (task) loss";
            case "mean_pair_cka":
                return "mean pair CKA";
            case "task_seconds":
                return "task time (s)";
            default:
                return metric;
        }
    }

    /**
     * The rows of one cell: one per arm, measured from its run folder when it has one ({@code runDir} null: the cell
     * has not started, its rows carry only the status).
     */
    static List<Row> rows(Map<String, String> axes, int seed, String cell, List<String> arms, String folder, Path runDir,
                          CellStatus status) throws IOException {
        RunRecord record = runDir == null ? null : RunReader.read(runDir);
        List<Row> out = new ArrayList<>();
        List<String> names = record == null ? arms : record.experiment().arms().stream().map(ArmSpec::name).toList();
        for (String arm : names) {
            Map<String, Double> m = record == null ? Map.of() : measures(record, arm);
            out.add(new Row(axes, seed, cell, arm, folder, status, m));
        }
        return out;
    }

    static Map<String, Double> measures(RunRecord record, String arm) {
        double finalAcc = Double.NaN;
        double bestAcc = Double.NaN;
        double finalLoss = Double.NaN;
        double bestLoss = Double.NaN;
        double train = Double.NaN;
        double secs = Double.NaN;
        double pairCka = Double.NaN;
        for (MetricRow r : record.taskRows(arm)) {
            double loss = r.get(Metrics.VAL_LOSS);
            if (!Double.isNaN(loss)) {
                finalLoss = loss;
                bestLoss = Double.isNaN(bestLoss) ? loss : Math.min(bestLoss, loss);
                double acc = r.get(Metrics.VAL_ACCURACY);
                finalAcc = acc;
                if (!Double.isNaN(acc)) {
                    bestAcc = Double.isNaN(bestAcc) ? acc : Math.max(bestAcc, acc);
                }
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
            double c = r.get(Metrics.MEAN_PAIR_CKA);
            if (!Double.isNaN(c)) {
                pairCka = c;
            }
        }
        double heatmap = heatmapPairCka(record, arm);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("final_val_acc", finalAcc);
        m.put("best_val_acc", bestAcc);
        m.put("final_val_loss", finalLoss);
        m.put("best_val_loss", bestLoss);
        m.put("final_train_loss", train);
        m.put("mean_pair_cka", Double.isNaN(heatmap) ? pairCka : heatmap);
        m.put("task_seconds", secs);
        return m;
    }

    private static double heatmapPairCka(RunRecord record, String arm) {
        CkaSnapshot last = null;
        for (CkaSnapshot s : record.cka()) {
            if (s.arm().equals(arm) && s.targetGuide() != null && (last == null || s.step() >= last.step())) {
                last = s;
            }
        }
        if (last == null) {
            return Double.NaN;
        }
        CkaMatrix m = last.targetGuide();
        double sum = 0;
        int n = 0;
        for (TapPair p : record.experiment().resolvedPairs()) {
            int r = m.rowTaps().indexOf(p.targetTap());
            int c = m.columnTaps().indexOf(p.guideTap());
            if (r >= 0 && c >= 0 && Double.isFinite(m.get(r, c))) {
                sum += m.get(r, c);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    public static List<String> header(List<String> axes) {
        List<String> h = new ArrayList<>(axes);
        h.addAll(FIXED);
        h.addAll(METRICS);
        return h;
    }

    static String csv(List<String> axes, List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header(axes));
        for (Row r : rows) {
            List<String> f = new ArrayList<>();
            for (String a : axes) {
                f.add(r.axes().getOrDefault(a, ""));
            }
            f.add(Integer.toString(r.seed()));
            f.add(r.cell());
            f.add(r.arm());
            f.add(r.folder());
            f.add(r.status().jsonName());
            for (String m : METRICS) {
                double v = r.get(m);
                f.add(Double.isNaN(v) ? "" : Double.toString(v));
            }
            line(sb, f);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            sb.append(f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0
                    ? '"' + f.replace("\"", "\"\"") + '"' : f);
        }
        sb.append('\n');
    }

    /** summary.csv read back: the axis columns are those before "seed". */
    public static List<Row> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = split(lines.get(0));
        int seedCol = header.indexOf("seed");
        if (seedCol < 0) {
            throw new IOException(file + ": not a sweep summary (no 'seed' column)");
        }
        List<Row> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = split(lines.get(i));
            if (f.size() != header.size()) {
                throw new IOException(file + ":" + (i + 1) + ": " + f.size() + " fields, the header has " + header.size());
            }
            Map<String, String> axes = new LinkedHashMap<>();
            for (int c = 0; c < seedCol; c++) {
                axes.put(header.get(c), f.get(c));
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (String m : METRICS) {
                int c = header.indexOf(m);
                if (c >= 0 && !f.get(c).isEmpty()) {
                    metrics.put(m, Double.parseDouble(f.get(c)));
                }
            }
            try {
                out.add(new Row(axes, Integer.parseInt(f.get(seedCol)), f.get(header.indexOf("cell")),
                        f.get(header.indexOf("arm")), f.get(header.indexOf("folder")),
                        CellStatus.parse(f.get(header.indexOf("status"))), metrics));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** One CSV line into fields (RFC 4180 quotes). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    f.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else {
                f.append(ch);
            }
        }
        out.add(f.toString());
        return out;
    }
}
