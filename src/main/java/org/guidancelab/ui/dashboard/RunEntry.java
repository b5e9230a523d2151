package org.guidancelab.ui.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.SpecFormatException;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunStatusFile;

/**
 * One line of the run history, read cheaply from a run folder's status.json and experiment.json (the metrics are only
 * read when the run is opened).
 */
public record RunEntry(Path dir, String title, RunStatus status, String message) {

    /** The run folders under {@code runsDir}, newest first; folders that are not runs are skipped. */
    public static List<RunEntry> list(Path runsDir) throws IOException {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        List<RunEntry> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(d.resolve(RunFiles.EXPERIMENT))) {
                    out.add(read(d));
                }
            }
        }
        return out;
    }

    static RunEntry read(Path dir) {
        String title;
        try {
            title = ExperimentJson.read(dir.resolve(RunFiles.EXPERIMENT)).title();
        } catch (IOException | SpecFormatException e) {
            title = "(unreadable experiment.json)";
        }
        try {
            Path status = dir.resolve(RunFiles.STATUS);
            if (!Files.isRegularFile(status)) {
                return new RunEntry(dir, title, RunStatus.FAILED, "no status.json");
            }
            RunStatusFile s = RunStatusFile.read(status);
            return new RunEntry(dir, title, s.status(), s.message());
        } catch (IOException e) {
            return new RunEntry(dir, title, RunStatus.FAILED, e.getMessage());
        }
    }

    public String name() {
        return dir.getFileName().toString();
    }

    @Override
    public String toString() {
        return name() + "  [" + status.jsonName() + "]" + (message.isBlank() ? "" : "  " + message);
    }
}
