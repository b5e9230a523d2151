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
        for (var arm : spec.arms()) {
            Path f = RunFiles.checkpoint(dir, arm.name());
            if (Files.isRegularFile(f)) {
                checkpoints.put(arm.name(), CheckpointFile.read(f));
            }
        }
        return new RunRecord(dir, spec, status, rows, cka, checkpoints);
    }
}
