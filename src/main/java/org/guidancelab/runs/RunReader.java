package org.guidancelab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.SpecFormatException;

/** Reads a run folder written by {@link RunWriter}. */
public final class RunReader {
    private RunReader() {
    }

    public static RunRecord read(Path dir) throws IOException {
        if (!Files.isRegularFile(dir.resolve(RunFiles.EXPERIMENT))) {
            throw new IOException(dir + " is not a run folder (no " + RunFiles.EXPERIMENT + ")");
        }
        ExperimentSpec spec;
        try {
            spec = ExperimentJson.read(dir.resolve(RunFiles.EXPERIMENT));
        } catch (SpecFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
        RunStatusFile status = Files.isRegularFile(dir.resolve(RunFiles.STATUS))
                ? RunStatusFile.read(dir.resolve(RunFiles.STATUS))
                : new RunStatusFile(org.guidancelab.engine.train.RunStatus.FAILED, "no status.json", Map.of());
        List<MetricRow> rows = Files.isRegularFile(dir.resolve(RunFiles.METRICS))
                ? MetricsCsv.read(dir.resolve(RunFiles.METRICS)) : List.of();
        List<CkaSnapshot> cka = new ArrayList<>();
        Path ckaDir = dir.resolve(RunFiles.CKA_DIR);
        if (Files.isDirectory(ckaDir)) {
            try (Stream<Path> files = Files.walk(ckaDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    cka.add(CkaSnapshot.read(f));
                }
            }
        }
        cka.sort(Comparator.comparing(CkaSnapshot::arm).thenComparingInt(CkaSnapshot::step));
        Map<String, ArmState> checkpoints = new LinkedHashMap<>();
        Map<String, CheckpointProblem> problems = new LinkedHashMap<>();
        for (var arm : spec.arms()) {
            readCheckpoint(dir, arm.name(), checkpoints, problems);
        }
        return new RunRecord(dir, spec, status, rows, cka, checkpoints, problems);
    }

    /**
     * The arm's newest checkpoint, or the previous one kept beside it when the newest is missing (a crash between the
     * two moves of a checkpoint write) or damaged; a damaged one is recorded in {@code problems}, not thrown, so the
     * rest of the run folder still reads.
     */
    private static void readCheckpoint(Path dir, String arm, Map<String, ArmState> checkpoints,
                                       Map<String, CheckpointProblem> problems) throws IOException {
        Path newest = RunFiles.checkpoint(dir, arm);
        Path previous = CheckpointFile.previous(newest);
        String damage = null;
        if (Files.isRegularFile(newest)) {
            try {
                checkpoints.put(arm, checked(CheckpointFile.read(newest), arm, newest));
                return;
            } catch (CheckpointFile.DamagedException e) {
                damage = e.reason();
            }
        }
        if (!Files.isRegularFile(previous)) {
            if (damage != null) {
                problems.put(arm, new CheckpointProblem(arm, newest, damage, null, null));
            }
            return;
        }
        try {
            checkpoints.put(arm, checked(CheckpointFile.read(previous), arm, previous));
            if (damage != null) {
                problems.put(arm, new CheckpointProblem(arm, newest, damage, previous, null));
            }
        } catch (CheckpointFile.DamagedException e) {
            problems.put(arm, damage == null
                    ? new CheckpointProblem(arm, previous, e.reason(), null, null)
                    : new CheckpointProblem(arm, newest, damage, null, "the previous checkpoint " + previous
                            + " cannot be used either: " + e.reason()));
        }
    }

    private static ArmState checked(ArmState s, String arm, Path file) throws CheckpointFile.DamagedException {
        if (!s.arm().equals(arm)) {
            throw new CheckpointFile.DamagedException(file, "it holds arm '" + s.arm() + "', not '" + arm + "'", null);
        }
        return s;
    }
}
