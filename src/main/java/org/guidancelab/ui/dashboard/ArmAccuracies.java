package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.guidancelab.engine.train.Metrics;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.MetricsCsv;
import org.guidancelab.runs.RunFiles;

/**
 * The final and best validation accuracy of each arm of a run, and the task step it reached, from its metrics.csv. A long run's file holds hundreds
 * of thousands of rows, so the result is kept per folder and read again only when the file's size or time changed:
 * the runs table refreshes after every run without rereading every past one. Called off the FX thread.
 */
public final class ArmAccuracies {
    /** An arm's last and best validation accuracy (NaN before its first evaluation) and its last task step. */
    public record Accuracy(double last, double best, int lastStep) {
    }

    private record Stamp(long size, long modified) {
    }

    private record Kept(Stamp stamp, Map<String, Accuracy> accuracies) {
    }

    private final Map<Path, Kept> kept = new ConcurrentHashMap<>();

    /** The accuracies of the run in {@code dir}; empty when it has no readable metrics. */
    public Map<String, Accuracy> of(Path dir) {
        Path file = dir.resolve(RunFiles.METRICS);
        Stamp stamp;
        try {
            stamp = new Stamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            return Map.of();
        }
        Kept k = kept.get(dir);
        if (k != null && k.stamp().equals(stamp)) {
            return k.accuracies();
        }
        Map<String, Accuracy> read;
        try {
            read = read(file);
        } catch (IOException | RuntimeException e) {
            read = Map.of(); // the row still lists the run; opening it says what is wrong with the file
        }
        kept.put(dir, new Kept(stamp, read));
        return read;
    }

    private static Map<String, Accuracy> read(Path file) throws IOException {
        Map<String, double[]> lastBest = new LinkedHashMap<>();
        for (MetricRow r : MetricsCsv.read(file)) {
            if (r.phase() != Phase.TASK) {
                continue;
            }
            double[] lb = lastBest.computeIfAbsent(r.arm(), a -> new double[] {Double.NaN, Double.NaN, 0});
            lb[2] = Math.max(lb[2], r.step());
            double v = r.get(Metrics.VAL_ACCURACY);
            if (!Double.isNaN(v)) {
                lb[0] = v;
                lb[1] = Double.isNaN(lb[1]) ? v : Math.max(lb[1], v);
            }
        }
        Map<String, Accuracy> out = new LinkedHashMap<>();
        lastBest.forEach((arm, lb) -> out.put(arm, new Accuracy(lb[0], lb[1], (int) lb[2])));
        return Map.copyOf(out);
    }
}
