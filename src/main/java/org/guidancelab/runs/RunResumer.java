package org.guidancelab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.experiment.ArmSpec;

/**
 * Continues a stopped or crashed run from its checkpoints: finished arms are kept as they are, an arm with a checkpoint
 * continues after its phase and step (its metrics rows past the checkpoint, written before a crash, are dropped since
 * they will be recomputed identically), and an arm without one starts over. Metrics keep being appended to the same
 * metrics.csv, so the resumed run reads like an uninterrupted one.
 *
 * <p>When an arm's newest checkpoint is damaged (truncated, garbled) the previous one kept beside it is used and the
 * damaged file is set aside as {@code NAME.ckpt.damaged}; when there is no usable one, {@link #open} refuses, naming
 * the file, before anything in the folder is changed.
 */
public final class RunResumer {
    private final RunRecord record;
    private final Trainer trainer;
    private final Map<String, ArmState> resume = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final RunWriter writer;
    private final List<String> notes = new ArrayList<>();

    private RunResumer(RunRecord record, TaskData data, TrainerOptions options) throws IOException {
        this.record = record;
        if (record.status().status() == RunStatus.FINISHED) {
            throw new IOException(record.directory() + ": the run already finished; nothing to resume");
        }
        List<MetricRow> keep = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        List<Path> damaged = new ArrayList<>();
        for (ArmSpec arm : record.experiment().arms()) {
            RunStatusFile.ArmStatus st = record.status().arms().get(arm.name());
            ArmState ckpt = record.checkpoints().get(arm.name());
            CheckpointProblem problem = record.checkpointProblems().get(arm.name());
            if (st != null && st.status() == RunStatus.FINISHED) {
                done.add(arm.name());
                record.metrics().stream().filter(r -> r.arm().equals(arm.name())).forEach(keep::add);
                continue;
            }
            if (problem != null && ckpt == null) {
                refusals.add(problem.describe() + ". To train arm '" + arm.name() + "' again from its start, delete "
                        + problem.file() + (Files.exists(CheckpointFile.previous(problem.file()))
                        ? " and " + CheckpointFile.previous(problem.file()) : "") + ".");
                continue;
            }
            if (problem != null) {
                notes.add("warning: " + problem.describe() + " (" + ckpt.where() + "); the damaged file is kept as "
                        + damagedName(problem.file()).getFileName());
                damaged.add(problem.file());
            }
            if (ckpt != null) {
                resume.put(arm.name(), ckpt);
                record.metrics().stream().filter(r -> r.arm().equals(arm.name()) && before(r, ckpt)).forEach(keep::add);
                notes.add("arm " + arm.name() + " continues after " + ckpt.where());
            }
        }
        if (!refusals.isEmpty()) {
            throw new IOException("cannot resume " + record.directory() + " (nothing in it was changed): "
                    + String.join(" ", refusals));
        }
        for (Path f : damaged) {
            Files.move(f, damagedName(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        this.trainer = new Trainer(record.experiment(), data, options);
        this.writer = RunWriter.reopen(record.directory(), record.experiment(), keep, record.status());
        trainer.addListener(writer);
    }

    /** Whether a row was recorded at or before the checkpoint (the phases run in their declaration order). */
    private static boolean before(MetricRow r, ArmState ckpt) {
        int c = r.phase().compareTo(ckpt.phase());
        return c < 0 || (c == 0 && r.step() <= ckpt.step());
    }

    private static Path damagedName(Path checkpoint) {
        return checkpoint.resolveSibling(checkpoint.getFileName() + ".damaged");
    }

    /**
     * What the resume will do, one line each: "arm X continues after step N" (or after a guide-training step), and a
     * warning for each damaged checkpoint it passed over.
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Prepares the resume of the run in {@code dir} (metrics.csv is trimmed as described above). */
    public static RunResumer open(Path dir, TaskData data, TrainerOptions options) throws IOException {
        return new RunResumer(RunReader.read(dir), data, options);
    }

    /** The trainer that will continue the run, for adding listeners (progress, UI) or cancelling. */
    public Trainer trainer() {
        return trainer;
    }

    public RunRecord record() {
        return record;
    }

    /** Arms that continue from a checkpoint, with the step they continue after. */
    public Map<String, Integer> resumedArms() {
        Map<String, Integer> out = new HashMap<>();
        resume.forEach((k, v) -> out.put(k, v.step()));
        return out;
    }

    /** The writes of the run folder that failed during {@link #run()} (see {@link RunWriter#failures()}). */
    public List<String> failures() {
        return writer.failures();
    }

    public RunStatus run() {
        try {
            return trainer.run(resume, done);
        } finally {
            writer.close();
        }
    }
}
