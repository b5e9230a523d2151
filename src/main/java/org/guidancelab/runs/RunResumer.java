package org.guidancelab.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.ArmState;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.experiment.ArmSpec;

/**
 * Continues a stopped or crashed run from its checkpoints: finished arms are kept as they are, an arm with a checkpoint
 * continues after its step (its metrics rows past the checkpoint, written before a crash, are dropped since they
 * will be recomputed identically), and an arm without one starts over. Metrics keep being appended to the same
 * metrics.csv, so the resumed run reads like an uninterrupted one.
 */
public final class RunResumer {
    private final RunRecord record;
    private final Trainer trainer;
    private final Map<String, ArmState> resume = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private final RunWriter writer;

    private RunResumer(RunRecord record, TaskData data, TrainerOptions options) throws IOException {
        this.record = record;
        if (record.status().status() == RunStatus.FINISHED) {
            throw new IOException(record.directory() + ": the run already finished; nothing to resume");
        }
        List<MetricRow> keep = new ArrayList<>();
        for (ArmSpec arm : record.experiment().arms()) {
            RunStatusFile.ArmStatus st = record.status().arms().get(arm.name());
            ArmState ckpt = record.checkpoints().get(arm.name());
            if (st != null && st.status() == RunStatus.FINISHED) {
                done.add(arm.name());
                record.metrics().stream().filter(r -> r.arm().equals(arm.name())).forEach(keep::add);
            } else if (ckpt != null) {
                resume.put(arm.name(), ckpt);
                record.metrics().stream().filter(r -> r.arm().equals(arm.name())
                        && (r.phase() != Phase.TASK || r.step() <= ckpt.step())).forEach(keep::add);
            }
        }
        this.trainer = new Trainer(record.experiment(), data, options);
        this.writer = RunWriter.reopen(record.directory(), record.experiment(), keep, record.status());
        trainer.addListener(writer);
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

    public RunStatus run() {
        try {
            return trainer.run(resume, done);
        } finally {
            writer.close();
        }
    }
}
