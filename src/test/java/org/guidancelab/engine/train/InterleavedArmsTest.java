package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * Arms taking turns a step each ({@link ArmSchedule#INTERLEAVED}) record exactly what they record one after another:
 * every metric, heatmap and checkpoint bit for bit, and a stop in the middle of interleaved arms resumes exactly.
 */
class InterleavedArmsTest {
    private final TaskData data = TinyExperiments.clusters(3, 256, 96);

    /** Every kind of arm and phase: guide training, the noise pre-phase, a noise guide, distillation, the tap cache. */
    private static ExperimentSpec everyKindOfArm(int steps) {
        ExperimentSpec spec = TinyExperiments.experiment(steps, ArmSpec.baseline("baseline"),
                ArmSpec.guidedUntrained("guided").withNoisePrephaseSteps(4), ArmSpec.guidedTrained("trained", 6),
                ArmSpec.guidedUntrained("noise").withNoiseGuide(true), ArmSpec.distillation("kd", 5, 4.0, 0.5));
        TrainingSpec t = spec.training();
        // Checkpoints every 3 steps, so a stop keeps some steps past the last one to recompute.
        return spec.withTraining(new TrainingSpec(t.alpha(), t.optimizer(), t.learningRate(), t.momentum(), t.weightDecay(),
                t.gradClip(), t.batchSize(), t.steps(), 5, 3, t.seed()));
    }

    private RecordingListener run(ExperimentSpec spec, ArmSchedule schedule) {
        Trainer t = new Trainer(spec, data, TinyExperiments.options().withSchedule(schedule));
        RecordingListener rec = new RecordingListener();
        t.addListener(rec);
        assertEquals(RunStatus.FINISHED, t.run());
        return rec;
    }

    @Test
    void interleavedArmsRecordTheSameBitsAsArmsOneAfterAnother() {
        ExperimentSpec spec = everyKindOfArm(20);
        RecordingListener sequential = run(spec, ArmSchedule.SEQUENTIAL);
        RecordingListener interleaved = run(spec, ArmSchedule.INTERLEAVED);
        for (ArmSpec arm : spec.arms()) {
            assertEquals(perArm(sequential, arm.name()), perArm(interleaved, arm.name()), arm.name());
            assertEquals(heatmaps(sequential, arm.name()), heatmaps(interleaved, arm.name()), arm.name());
            ArmState a = lastCheckpoint(sequential, arm.name());
            ArmState b = lastCheckpoint(interleaved, arm.name());
            assertArrayEquals(a.targetParams(), b.targetParams(), arm.name());
            assertArrayEquals(a.guideParams(), b.guideParams(), arm.name());
        }
        // The arms did advance together: the last arm's first task step comes before the first arm's last one.
        List<TrainingEvent> events = interleaved.events;
        int kdFirst = indexOf(events, "kd", 1);
        int baselineLast = indexOf(events, "baseline", 20);
        assertTrue(kdFirst < baselineLast, "kd's step 1 at " + kdFirst + ", baseline's step 20 at " + baselineLast);
        assertEquals(spec.arms().size(), interleaved.of(TrainingEvent.ArmFinished.class).size());
    }

    @Test
    void aStopAmongInterleavedArmsCheckpointsEachAndTheResumeContinuesExactly() {
        ExperimentSpec spec = everyKindOfArm(20);
        RecordingListener full = run(spec, ArmSchedule.SEQUENTIAL);
        Trainer first = new Trainer(spec, data, TinyExperiments.options().withSchedule(ArmSchedule.INTERLEAVED));
        RecordingListener part = new RecordingListener();
        first.addListener(part);
        first.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.arm().equals("baseline") && s.step() == 8) {
                first.cancel();
            }
        });
        assertEquals(RunStatus.STOPPED, first.run());
        assertEquals(spec.arms().size(), part.of(TrainingEvent.ArmFinished.class, TrainingEvent.ArmFinished::stopped).size(),
                "every arm under way stops");
        Map<String, ArmState> resume = new HashMap<>();
        for (TrainingEvent.Checkpoint c : part.of(TrainingEvent.Checkpoint.class)) {
            resume.put(c.arm(), c.state());
        }
        assertEquals(8, resume.get("baseline").step());
        assertEquals(Phase.GUIDE_TRAINING, resume.get("trained").phase(), "the trained guide was still in training");
        for (ArmSchedule schedule : ArmSchedule.values()) {
            Trainer second = new Trainer(spec, data, TinyExperiments.options().withSchedule(schedule));
            RecordingListener rest = new RecordingListener();
            second.addListener(rest);
            assertEquals(RunStatus.FINISHED, second.run(resume, Set.of()));
            for (ArmSpec arm : spec.arms()) {
                List<String> expected = perArm(full, arm.name());
                List<String> kept = perArm(part, arm.name());
                ArmState at = resume.get(arm.name());
                // What the stopped run recorded up to its checkpoint, then the resumed run: the uninterrupted arm.
                List<String> joined = new ArrayList<>(kept.subList(0, at == null ? 0 : keptRows(part, arm.name(), at)));
                joined.addAll(perArm(rest, arm.name()));
                assertEquals(expected, joined, arm.name() + " resumed " + schedule);
            }
        }
    }

    private static int keptRows(RecordingListener rec, String arm, ArmState at) {
        int n = 0;
        for (TrainingEvent.Step s : rec.of(TrainingEvent.Step.class, s -> s.arm().equals(arm))) {
            int c = s.phase().compareTo(at.phase());
            if (c < 0 || (c == 0 && s.step() <= at.step())) {
                n++;
            }
        }
        return n;
    }

    private static List<String> perArm(RecordingListener rec, String arm) {
        return TrainerTest.deterministicPart(rec).stream().filter(line -> line.startsWith(arm + " ")).toList();
    }

    private static List<String> heatmaps(RecordingListener rec, String arm) {
        List<String> out = new ArrayList<>();
        for (TrainingEvent.CkaMatrices c : rec.of(TrainingEvent.CkaMatrices.class, c -> c.arm().equals(arm))) {
            out.add(c.step() + " " + values(c.targetGuide()) + " " + values(c.targetTarget()));
        }
        return out;
    }

    private static String values(CkaMatrix m) {
        return m == null ? "-" : Arrays.deepToString(m.values());
    }

    private static ArmState lastCheckpoint(RecordingListener rec, String arm) {
        List<TrainingEvent.Checkpoint> all = rec.of(TrainingEvent.Checkpoint.class, c -> c.arm().equals(arm));
        return all.get(all.size() - 1).state();
    }

    private static int indexOf(List<TrainingEvent> events, String arm, int taskStep) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof TrainingEvent.Step s && s.arm().equals(arm) && s.phase() == Phase.TASK
                    && s.step() == taskStep) {
                return i;
            }
        }
        throw new AssertionError(arm + " has no task step " + taskStep);
    }
}
