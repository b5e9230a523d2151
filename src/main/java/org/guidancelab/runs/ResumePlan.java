package org.guidancelab.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * How a stopped or crashed run continues from its checkpoints: finished arms are kept as they are, an arm with a
 * checkpoint continues after its phase and step (its metrics rows past the checkpoint, written before a crash, are
 * dropped since they will be recomputed identically), and an arm without one starts over. Metrics keep being appended
 * to the same metrics.csv, so the resumed run reads like an uninterrupted one.
 *
 * <p>When an arm's newest checkpoint is damaged (truncated, garbled) the previous one kept beside it is used and the
 * damaged file is set aside as {@code NAME.ckpt.damaged}; when there is no usable one, {@link #of} refuses, naming
 * the file, before anything in the folder is changed. {@link #apply} changes the folder; the run session then trains
 * with the writer it returns.
 */
public final class ResumePlan {
    private final RunRecord record;
    private final Map<String, ArmState> resume = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();
    private final List<MetricRow> kept = new ArrayList<>();
    private final List<Path> damaged = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private ResumePlan(RunRecord record) throws IOException {
        this.record = record;
        if (record.status().status() == RunStatus.FINISHED) {
            throw new IOException(record.directory() + ": the run already finished; nothing to resume");
        }
        List<String> refusals = new ArrayList<>();
        for (ArmSpec arm : record.experiment().arms()) {
            RunStatusFile.ArmStatus st = record.status().arms().get(arm.name());
            ArmState ckpt = record.checkpoints().get(arm.name());
            CheckpointProblem problem = record.checkpointProblems().get(arm.name());
            if (st != null && st.status() == RunStatus.FINISHED) {
                done.add(arm.name());
                record.metrics().stream().filter(r -> r.arm().equals(arm.name())).forEach(kept::add);
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
                record.metrics().stream().filter(r -> r.arm().equals(arm.name()) && before(r, ckpt)).forEach(kept::add);
                notes.add("arm " + arm.name() + " continues after " + ckpt.where());
            }
        }
        if (!refusals.isEmpty()) {
            throw new IOException("cannot resume " + record.directory() + " (nothing in it was changed): "
                    + String.join(" ", refusals));
        }
    }

    /** Reads the run in {@code dir} and plans its resume; refuses (naming why) without changing the folder. */
    public static ResumePlan of(Path dir) throws IOException {
        return of(RunReader.read(dir));
    }

    /** Plans the resume of a run already read; refuses (naming why) without changing the folder. */
    public static ResumePlan of(RunRecord record) throws IOException {
        return new ResumePlan(record);
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
     * Carries the plan out on the folder (damaged checkpoints set aside, metrics.csv rewritten to the kept rows, the
     * status back to running) and returns the writer that continues it.
     */
    public RunWriter apply() throws IOException {
        for (Path f : damaged) {
            Files.move(f, damagedName(f), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return RunWriter.reopen(record.directory(), record.experiment(), kept, record.status());
    }

    /**
     * What the resume will do, one line each: "arm X continues after step N" (or after a guide-training step), and a
     * warning for each damaged checkpoint it passed over.
     */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    public ExperimentSpec experiment() {
        return record.experiment();
    }

    public RunRecord record() {
        return record;
    }

    /** The checkpoint each continuing arm starts from. */
    public Map<String, ArmState> resume() {
        return Map.copyOf(resume);
    }

    /** Arms that finished before and are not trained again. */
    public Set<String> done() {
        return Set.copyOf(done);
    }

    /** The metrics rows the folder keeps (those of finished arms, and of the others up to their checkpoint). */
    public List<MetricRow> keptRows() {
        return List.copyOf(kept);
    }

    /** Arms that continue from a checkpoint, with the step they continue after. */
    public Map<String, Integer> resumedArms() {
        Map<String, Integer> out = new LinkedHashMap<>();
        resume.forEach((k, v) -> out.put(k, v.step()));
        return out;
    }
}
