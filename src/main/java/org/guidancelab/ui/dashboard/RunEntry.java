package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunStatusFile;
import org.guidancelab.sweep.CellStatus;
import org.guidancelab.sweep.PlanRecord;
import org.guidancelab.sweep.SweepFolder;
import org.guidancelab.sweep.SweepStatus;

/**
 * One row of the runs table, read from a run folder: status.json and experiment.json, and the validation accuracies
 * from metrics.csv ({@link ArmAccuracies}, which keeps them while the file is unchanged, so a refresh reads only runs
 * that moved).
 *
 * @param started  when the run began (its folder's time stamp, else the folder's creation time); null if unknown
 * @param duration from the start to the last record (pauses and a stop before a resume included); null if unknown
 * @param steps    the task step budget of each arm
 * @param stepsDone the task steps the arms reached, the least of them (the run's progress)
 * @param accuracy per arm, its final and best validation accuracy (missing before its first evaluation)
 * @param sweep    a sweep folder rather than a run: {@code steps} then counts its cells and {@code stepsDone} the
 *                 finished ones, and opening it shows it in the Sweep tab
 */
public record RunEntry(Path dir, String title, RunStatus status, String message, Instant started, Duration duration,
                       int steps, int stepsDone, List<String> arms, Map<String, ArmAccuracies.Accuracy> accuracy,
                       boolean sweep) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    public RunEntry {
        arms = List.copyOf(arms);
        accuracy = Map.copyOf(accuracy);
    }

    /** A row with only what status.json says (tests, and a folder whose files cannot be read). */
    public RunEntry(Path dir, String title, RunStatus status, String message) {
        this(dir, title, status, message, null, null, 0, 0, List.of(), Map.of());
    }

    /** A run's row. */
    public RunEntry(Path dir, String title, RunStatus status, String message, Instant started, Duration duration,
                    int steps, int stepsDone, List<String> arms, Map<String, ArmAccuracies.Accuracy> accuracy) {
        this(dir, title, status, message, started, duration, steps, stepsDone, arms, accuracy, false);
    }

    /** The sweep folders under {@code sweepsDir} (those holding a plan), as rows; unreadable ones say why. */
    public static List<RunEntry> listSweeps(Path sweepsDir) throws IOException {
        if (!Files.isDirectory(sweepsDir)) {
            return List.of();
        }
        List<RunEntry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(sweepsDir)) {
            for (Path d : dirs.filter(SweepFolder::isSweep).sorted().toList()) {
                out.add(sweep(d));
            }
        }
        return out;
    }

    /** A sweep folder's row: its title, state and finished cells, from plan.json and status.json. */
    static RunEntry sweep(Path dir) {
        SweepFolder folder = new SweepFolder(dir);
        Instant started = lastModified(dir.resolve(SweepFolder.PLAN));
        try {
            PlanRecord plan = folder.readPlan();
            SweepStatus st = folder.readStatus();
            long finished = st.cells().values().stream().filter(c -> c.status() == CellStatus.FINISHED).count();
            RunStatus status = switch (st.state()) {
                case "finished" -> RunStatus.FINISHED;
                case "running" -> RunStatus.RUNNING;
                case "stopped" -> RunStatus.STOPPED;
                default -> RunStatus.FAILED;
            };
            return new RunEntry(dir, "sweep: " + plan.title(), status, st.message(), started, null, plan.cells().size(),
                    (int) finished, plan.arms(), Map.of(), true);
        } catch (IOException | RuntimeException e) {
            return new RunEntry(dir, "sweep", RunStatus.FAILED, "cannot read the sweep: " + e.getMessage(), started, null,
                    0, 0, List.of(), Map.of(), true);
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** The run folders under {@code runsDir}, newest first; folders that are not runs are skipped. */
    public static List<RunEntry> list(Path runsDir) throws IOException {
        return list(runsDir, new ArmAccuracies());
    }

    /** As {@link #list(Path)}, reading accuracies through {@code accuracies} (which remembers unchanged runs). */
    public static List<RunEntry> list(Path runsDir, ArmAccuracies accuracies) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<RunEntry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(d.resolve(RunFiles.EXPERIMENT))) {
                    out.add(read(d, accuracies));
                }
            }
        }
        return out;
    }

    static RunEntry read(Path dir, ArmAccuracies accuracies) {
        String title;
        int steps = 0;
        List<String> arms = List.of();
        try {
            ExperimentSpec spec = ExperimentJson.read(dir.resolve(RunFiles.EXPERIMENT));
            title = spec.title();
            steps = spec.training().steps();
            arms = spec.arms().stream().map(a -> a.name()).toList();
        } catch (IOException | SpecFormatException e) {
            title = "(unreadable experiment.json)";
        }
        Instant started = started(dir);
        Instant last = lastRecord(dir);
        Duration duration = started != null && last != null && !last.isBefore(started) ? Duration.between(started, last) : null;
        Map<String, ArmAccuracies.Accuracy> acc = accuracies.of(dir);
        try {
            Path status = dir.resolve(RunFiles.STATUS);
            if (!Files.isRegularFile(status)) {
                return new RunEntry(dir, title, RunStatus.FAILED, "no status.json", started, duration, steps, 0, arms, acc);
            }
            RunStatusFile s = RunStatusFile.read(status);
            int done = arms.isEmpty() ? 0 : Integer.MAX_VALUE;
            for (String arm : arms) {
                ArmAccuracies.Accuracy a = acc.get(arm);
                done = Math.min(done, a == null ? 0 : a.lastStep());
            }
            return new RunEntry(dir, title, s.status(), s.message(), started, duration, steps, done, arms, acc);
        } catch (IOException e) {
            return new RunEntry(dir, title, RunStatus.FAILED, e.getMessage(), started, duration, steps, 0, arms, acc);
        }
    }

    /** The time stamp a run folder's name starts with (yyyyMMdd-HHmmss), else the folder's creation time. */
    private static Instant started(Path dir) {
        String name = dir.getFileName().toString();
        if (name.length() >= 15) {
            try {
                return LocalDateTime.parse(name.substring(0, 15), STAMP).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e) {
                // not a stamped folder (a sweep cell, a folder named by hand): its creation time instead
            }
        }
        try {
            return ((FileTime) Files.getAttribute(dir, "creationTime")).toInstant();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** When the run last recorded something: the newer of metrics.csv and status.json. */
    private static Instant lastRecord(Path dir) {
        Instant last = null;
        for (String f : List.of(RunFiles.METRICS, RunFiles.STATUS)) {
            try {
                Instant t = Files.getLastModifiedTime(dir.resolve(f)).toInstant();
                last = last == null || t.isAfter(last) ? t : last;
            } catch (IOException e) {
                // a file not there yet
            }
        }
        return last;
    }

    public String name() {
        return dir.getFileName().toString();
    }

    /** The start as shown in the table ("" if unknown). */
    public String date() {
        return started == null ? "" : SHOWN.format(started.atZone(ZoneId.systemDefault()));
    }

    /** "done / budget" task steps ("" when the experiment could not be read). */
    public String stepsText() {
        if (sweep) {
            return stepsDone + " / " + steps + " cells";
        }
        return steps <= 0 && stepsDone <= 0 ? "" : stepsDone + " / " + steps;
    }

    /** The duration as "1 h 05 min", "3 min 20 s", "12 s" ("" if unknown). */
    public String durationText() {
        if (duration == null) {
            return "";
        }
        long s = duration.getSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }

    /** One line per arm: "arm  0.912" of its final (or best) validation accuracy, "arm  –" before any. */
    public String accuracyText(boolean best) {
        List<String> lines = new ArrayList<>();
        for (String arm : arms) {
            ArmAccuracies.Accuracy a = accuracy.get(arm);
            double v = a == null ? Double.NaN : best ? a.best() : a.last();
            lines.add(arm + "  " + (Double.isNaN(v) ? "\u2013" : String.format(Locale.ROOT, "%.3f", v)));
        }
        return String.join("\n", lines);
    }

    /** Whether the row holds {@code text} (any case) in its name, title, arms or message: the table's filter. */
    public boolean matches(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        return name().toLowerCase(Locale.ROOT).contains(t) || title.toLowerCase(Locale.ROOT).contains(t)
                || message.toLowerCase(Locale.ROOT).contains(t)
                || arms.stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(t));
    }

    @Override
    public String toString() {
        return name() + "  [" + status.jsonName() + "]" + (message.isBlank() ? "" : "  " + message);
    }
}
