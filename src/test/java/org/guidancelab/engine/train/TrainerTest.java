package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.ModelFile;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    private final TaskData data = TinyExperiments.clusters(3, 256, 96);

    /** Builds models as usual but remembers each guide with a copy of its parameters at creation. */
    static final class CapturingSource implements ModelSource {
        final List<Model> guides = new ArrayList<>();
        final List<float[]> initialGuideParams = new ArrayList<>();

        @Override
        public Model create(org.guidancelab.arch.NetworkSpec spec, long seed) {
            Model m = ModelFactory.create(spec, seed);
            if (spec.name().equals("guide")) {
                guides.add(m);
                initialGuideParams.add(m.params().toFloatVector());
            }
            return m;
        }
    }

    private RecordingListener run(ExperimentSpec spec, TrainerOptions options) {
        Trainer t = new Trainer(spec, data, options);
        RecordingListener rec = new RecordingListener();
        t.addListener(rec);
        t.run();
        return rec;
    }

    private static double meanPairCka(CkaMatrix targetGuide, ExperimentSpec spec) {
        double s = 0;
        var pairs = spec.resolvedPairs();
        for (var p : pairs) {
            s += targetGuide.get(targetGuide.rowTaps().indexOf(p.targetTap()), targetGuide.columnTaps().indexOf(p.guideTap()));
        }
        return s / pairs.size();
    }

    @Test
    void guidanceRaisesPairCkaWellAboveTheBaselineAndLeavesTheGuideUntouched() {
        ExperimentSpec spec = TinyExperiments.experiment(60, ArmSpec.baseline("baseline"), ArmSpec.guidedUntrained("guided"));
        spec = spec.withTraining(spec.training().withAlpha(4.0));
        CapturingSource source = new CapturingSource();
        Trainer trainer = new Trainer(spec, TinyExperiments.clusters(3, 256, 96, 0.6), TinyExperiments.options().withModels(source));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        trainer.run();
        assertEquals(RunStatus.FINISHED, rec.of(TrainingEvent.RunFinished.class).get(0).status());
        Map<String, CkaMatrix> last = new LinkedHashMap<>();
        for (TrainingEvent.CkaMatrices c : rec.of(TrainingEvent.CkaMatrices.class)) {
            last.put(c.arm(), c.targetGuide());
        }
        double baseline = meanPairCka(last.get("baseline"), spec);
        double guided = meanPairCka(last.get("guided"), spec);
        assertTrue(guided > baseline + 0.2, "guided " + guided + " vs baseline " + baseline);
        assertTrue(guided > 0.7, "guided mean pair CKA " + guided);
        // Guided arm records its pair CKA every step; the baseline has no guidance term.
        List<TrainingEvent.Step> g = rec.steps("guided", Phase.TASK);
        assertEquals(60, g.size());
        assertTrue(g.get(59).get(Metrics.MEAN_PAIR_CKA) > g.get(0).get(Metrics.MEAN_PAIR_CKA));
        assertEquals(0.0, rec.steps("baseline", Phase.TASK).get(10).get(Metrics.GUIDANCE_LOSS));
        // Frozen guide: bit-identical parameters after training, in both arms.
        assertEquals(2, source.guides.size());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(source.initialGuideParams.get(i), source.guides.get(i).params().toFloatVector());
        }
        // The loss is task + alpha * sum over pairs (1 - CKA).
        TrainingEvent.Step s = g.get(5);
        double sum = 0;
        for (int i = 0; i < spec.resolvedPairs().size(); i++) {
            sum += 1 - s.get(Metrics.ckaPair(i));
        }
        assertEquals(s.get(Metrics.GUIDANCE_LOSS), 4.0 * sum, 1e-9);
        assertEquals(s.get(Metrics.TRAIN_LOSS), s.get(Metrics.TASK_LOSS) + 4.0 * sum, 1e-9);
    }

    @Test
    void evaluationsComeEveryIntervalWithValidationMetricsAndHeatmaps() {
        ExperimentSpec spec = TinyExperiments.experiment(25, ArmSpec.guidedUntrained("guided"));
        RecordingListener rec = run(spec, TinyExperiments.options());
        List<TrainingEvent.Evaluation> evals = rec.of(TrainingEvent.Evaluation.class);
        assertEquals(List.of(10, 20, 25), evals.stream().map(TrainingEvent.Evaluation::step).toList());
        for (TrainingEvent.Evaluation e : evals) {
            assertTrue(e.metrics().get(Metrics.VAL_ACCURACY) >= 0 && e.metrics().get(Metrics.VAL_ACCURACY) <= 1);
            assertTrue(e.metrics().containsKey(Metrics.VAL_LOSS));
            assertTrue(e.metrics().containsKey(Metrics.TRAIN_ACCURACY));
        }
        assertTrue(evals.get(2).metrics().get(Metrics.VAL_ACCURACY) > 0.6, "the clusters task is learnable");
        TrainingEvent.Step at10 = rec.steps("guided", Phase.TASK).get(9);
        assertEquals(evals.get(0).metrics().get(Metrics.VAL_LOSS), at10.get(Metrics.VAL_LOSS));
        assertTrue(Double.isNaN(rec.steps("guided", Phase.TASK).get(10).get(Metrics.VAL_LOSS)));
        List<TrainingEvent.CkaMatrices> heatmaps = rec.of(TrainingEvent.CkaMatrices.class);
        assertEquals(List.of(0, 10, 20, 25), heatmaps.stream().map(TrainingEvent.CkaMatrices::step).toList(),
                "a 'before' heatmap at step 0, then one per evaluation");
        TrainingEvent.CkaMatrices maps = heatmaps.get(0);
        assertEquals(List.of("t1", "t2"), maps.targetGuide().rowTaps());
        assertEquals(List.of("g1", "g2"), maps.targetGuide().columnTaps());
        assertEquals(1.0, maps.targetTarget().get(1, 1), 1e-6);   // heatmap Grams are float (TapGrams)
        assertTrue(rec.steps("guided", Phase.TASK).get(3).get(Metrics.STEPS_PER_SECOND) > 0);
    }

    @Test
    void warmupDisconnectsGuidanceAfterItsStepsExactly() {
        ExperimentSpec spec = TinyExperiments.experiment(15, ArmSpec.guidedUntrained("warmup").withGuidanceSteps(5));
        List<TrainingEvent.Step> steps = run(spec, TinyExperiments.options()).steps("warmup", Phase.TASK);
        for (TrainingEvent.Step s : steps) {
            if (s.step() <= 5) {
                assertTrue(s.get(Metrics.GUIDANCE_LOSS) > 0, "guided at step " + s.step());
                assertEquals(1.0, s.get(Metrics.GUIDANCE_ON));
            } else {
                assertEquals(0.0, s.get(Metrics.GUIDANCE_LOSS), "exactly zero at step " + s.step());
                assertEquals(0.0, s.get(Metrics.GUIDANCE_ON));
                assertEquals(s.get(Metrics.TASK_LOSS), s.get(Metrics.TRAIN_LOSS));
            }
        }
    }

    @Test
    void liveGuidanceSwitchTakesEffectAtTheNextStep() {
        ExperimentSpec spec = TinyExperiments.experiment(10, ArmSpec.guidedUntrained("guided"));
        Trainer t = new Trainer(spec, data, TinyExperiments.options());
        RecordingListener rec = new RecordingListener();
        t.addListener(rec);
        t.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 4) {
                t.setGuidanceEnabled(false);
            }
        });
        t.run();
        List<TrainingEvent.Step> steps = rec.steps("guided", Phase.TASK);
        assertEquals(1.0, steps.get(3).get(Metrics.GUIDANCE_ON));
        assertEquals(0.0, steps.get(4).get(Metrics.GUIDANCE_ON));
        assertEquals(0.0, steps.get(4).get(Metrics.GUIDANCE_LOSS));
        assertFalse(t.isGuidanceEnabled());
    }

    @Test
    void distillationAddsTheKlTermAndTrainsItsTeacherFirst() {
        ExperimentSpec spec = TinyExperiments.experiment(12,
                ArmSpec.distillation("kd-untrained", 0, 4.0, 1.0), ArmSpec.distillation("kd-trained", 20, 4.0, 0.5));
        RecordingListener rec = run(spec, TinyExperiments.options());
        assertEquals(0, rec.steps("kd-untrained", Phase.GUIDE_TRAINING).size());
        List<TrainingEvent.Step> teacher = rec.steps("kd-trained", Phase.GUIDE_TRAINING);
        assertEquals(20, teacher.size());
        assertTrue(teacher.get(19).get(Metrics.TASK_LOSS) < teacher.get(0).get(Metrics.TASK_LOSS), "the teacher learns");
        for (String arm : List.of("kd-untrained", "kd-trained")) {
            for (TrainingEvent.Step s : rec.steps(arm, Phase.TASK)) {
                assertTrue(s.get(Metrics.DISTILL_LOSS) > 0);
                assertEquals(0.0, s.get(Metrics.GUIDANCE_LOSS));
                assertEquals(s.get(Metrics.TASK_LOSS) + s.get(Metrics.DISTILL_LOSS), s.get(Metrics.TRAIN_LOSS), 1e-9);
            }
        }
        // Same data, same init: the two arms differ only by the teacher, so their first task losses agree.
        assertEquals(rec.steps("kd-untrained", Phase.TASK).get(0).get(Metrics.TASK_LOSS),
                rec.steps("kd-trained", Phase.TASK).get(0).get(Metrics.TASK_LOSS));
    }

    @Test
    void guidedTrainedTrainsTheGuideOrLoadsItFromAFile(@TempDir Path dir) throws Exception {
        Model saved = ModelFactory.create(TinyExperiments.guide(), 99);
        Path file = dir.resolve("guide.glmodel");
        ModelFile.save(saved, file);
        ExperimentSpec spec = TinyExperiments.experiment(5, ArmSpec.guidedTrained("trained", 15),
                ArmSpec.guidedTrained("loaded", 0).withGuideModel(file.toString()));
        CapturingSource source = new CapturingSource();
        RecordingListener rec = run(spec, TinyExperiments.options().withModels(source));
        assertEquals(15, rec.steps("trained", Phase.GUIDE_TRAINING).size());
        assertEquals(0, rec.steps("loaded", Phase.GUIDE_TRAINING).size());
        assertNotEquals(List.of(source.initialGuideParams.get(0)), List.of(source.guides.get(0).params().toFloatVector()));
        assertArrayEquals(saved.params().toFloatVector(), source.guides.get(1).params().toFloatVector());
    }

    @Test
    void aMissingGuideFileFailsTheArmWithItsPath() {
        ExperimentSpec spec = TinyExperiments.experiment(5, ArmSpec.guidedTrained("loaded", 0).withGuideModel("/nonexistent/guide.glmodel"),
                ArmSpec.baseline("baseline"));
        RecordingListener rec = run(spec, TinyExperiments.options());
        TrainingEvent.ArmFailed f = rec.of(TrainingEvent.ArmFailed.class).get(0);
        assertEquals("loaded", f.arm());
        assertTrue(f.message().contains("/nonexistent/guide.glmodel"), f.message());
        assertEquals(5, rec.steps("baseline", Phase.TASK).size(), "later arms still run");
        assertEquals(RunStatus.FAILED, rec.of(TrainingEvent.RunFinished.class).get(0).status());
    }

    @Test
    void noiseGuideAndNoisePrephase() {
        ExperimentSpec spec = TinyExperiments.experiment(8, ArmSpec.guidedUntrained("real"),
                ArmSpec.guidedUntrained("noise").withNoiseGuide(true),
                ArmSpec.guidedUntrained("prephase").withNoisePrephaseSteps(20));
        RecordingListener rec = run(spec, TinyExperiments.options());
        assertEquals(0, rec.steps("real", Phase.NOISE_PREPHASE).size());
        List<TrainingEvent.Step> pre = rec.steps("prephase", Phase.NOISE_PREPHASE);
        assertEquals(20, pre.size());
        double early = pre.subList(0, 5).stream().mapToDouble(s -> s.get(Metrics.MEAN_PAIR_CKA)).average().orElseThrow();
        double late = pre.subList(15, 20).stream().mapToDouble(s -> s.get(Metrics.MEAN_PAIR_CKA)).average().orElseThrow();
        assertTrue(late > early + 0.02, "alignment on noise improves: " + early + " -> " + late);
        assertNull(pre.get(0).metrics().get(Metrics.TASK_LOSS));
        double realCka = rec.steps("real", Phase.TASK).get(0).get(Metrics.MEAN_PAIR_CKA);
        double noiseCka = rec.steps("noise", Phase.TASK).get(0).get(Metrics.MEAN_PAIR_CKA);
        assertNotEquals(realCka, noiseCka, "the guide sees other inputs");
        assertEquals(rec.steps("real", Phase.TASK).get(0).get(Metrics.TASK_LOSS),
                rec.steps("noise", Phase.TASK).get(0).get(Metrics.TASK_LOSS), "the target sees the same batch");
        assertNotEquals(rec.steps("real", Phase.TASK).get(0).get(Metrics.TASK_LOSS),
                rec.steps("prephase", Phase.TASK).get(0).get(Metrics.TASK_LOSS), "the pre-phase moved the target");
    }

    @Test
    void aNoiseWarmupArmAlignsOnNoiseThenTrainsUnguided() {
        ExperimentSpec spec = TinyExperiments.experiment(6, ArmSpec.guidedUntrained("noise-warmup").withNoisePrephaseSteps(5)
                .withTaskGuidance(false));
        RecordingListener rec = run(spec, TinyExperiments.options());
        List<TrainingEvent.Step> pre = rec.steps("noise-warmup", Phase.NOISE_PREPHASE);
        assertEquals(5, pre.size());
        assertTrue(pre.get(4).get(Metrics.GUIDANCE_LOSS) > 0, "the pre-phase is guided");
        List<TrainingEvent.Step> task = rec.steps("noise-warmup", Phase.TASK);
        assertEquals(6, task.size());
        for (TrainingEvent.Step s : task) {
            assertEquals(0.0, s.get(Metrics.GUIDANCE_ON), "step " + s.step());
            assertEquals(0.0, s.get(Metrics.GUIDANCE_LOSS), "step " + s.step());
            assertEquals(s.get(Metrics.TASK_LOSS), s.get(Metrics.TRAIN_LOSS), 0.0, "step " + s.step());
        }
    }

    @Test
    void sameSeedGivesIdenticalMetrics() {
        ExperimentSpec spec = TinyExperiments.experiment(15, ArmSpec.baseline("b"), ArmSpec.guidedUntrained("g").withNoiseGuide(true));
        assertEquals(deterministicPart(run(spec, TinyExperiments.options())), deterministicPart(run(spec, TinyExperiments.options())));
        ExperimentSpec other = spec.withTraining(spec.training().withSeed(8));
        assertNotEquals(deterministicPart(run(spec, TinyExperiments.options())), deterministicPart(run(other, TinyExperiments.options())));
    }

    static List<String> deterministicPart(RecordingListener rec) {
        List<String> out = new ArrayList<>();
        for (TrainingEvent.Step s : rec.of(TrainingEvent.Step.class)) {
            Map<String, Double> m = new LinkedHashMap<>(s.metrics());
            m.keySet().removeIf(Metrics::isTiming);
            out.add(s.arm() + " " + s.phase() + " " + s.step() + " " + m);
        }
        return out;
    }

    @Test
    void cancelStopsBetweenStepsCheckpointsAndSkipsLaterArms() {
        ExperimentSpec spec = TinyExperiments.experiment(20, ArmSpec.guidedUntrained("first"), ArmSpec.baseline("second"));
        Trainer t = new Trainer(spec, data, TinyExperiments.options());
        RecordingListener rec = new RecordingListener();
        t.addListener(rec);
        t.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.step() == 7) {
                t.cancel();
            }
        });
        assertEquals(RunStatus.STOPPED, t.run());
        assertEquals(7, rec.steps("first", Phase.TASK).size());
        TrainingEvent.ArmFinished fin = rec.of(TrainingEvent.ArmFinished.class).get(0);
        assertTrue(fin.stopped());
        assertEquals(7, fin.step());
        assertEquals(7, rec.of(TrainingEvent.Checkpoint.class).get(0).state().step());
        assertTrue(rec.steps("second", Phase.TASK).isEmpty());
        assertEquals(RunStatus.STOPPED, rec.of(TrainingEvent.RunFinished.class).get(0).status());
    }

    @Test
    void nonFiniteLossStopsTheArmNamingStepAndTermAndKeepsWhatWasRecorded() {
        Split train = data.train();
        float[] x = train.x().clone();
        x[5 * TinyExperiments.DIM] = Float.NaN; // example 5 is poisoned
        TaskData poisoned = new TaskData("poisoned", data.inputShape(), false, 0, 3, 1,
                new Split(train.size(), x, train.y()), data.validation(), data.test());
        ExperimentSpec spec = TinyExperiments.experiment(30, ArmSpec.guidedUntrained("guided"));
        Trainer t = new Trainer(spec, poisoned, TinyExperiments.options());
        RecordingListener rec = new RecordingListener();
        t.addListener(rec);
        assertEquals(RunStatus.FAILED, t.run());
        TrainingEvent.ArmFailed failed = rec.of(TrainingEvent.ArmFailed.class).get(0);
        int recorded = rec.steps("guided", Phase.TASK).size();
        assertTrue(recorded < 30);
        assertEquals(recorded + 1, failed.step());
        assertEquals("step " + failed.step() + ": the task loss is NaN (training diverged; try a lower learning rate, "
                + "gradient clipping or a smaller alpha)", failed.message());
    }

    @Test
    void resumingFromACheckpointContinuesExactlyLikeAnUninterruptedRun() {
        ExperimentSpec spec = TinyExperiments.experiment(20, ArmSpec.guidedTrained("g", 10));
        RecordingListener full = run(spec, TinyExperiments.options());
        Trainer first = new Trainer(spec, data, TinyExperiments.options());
        RecordingListener part = new RecordingListener();
        first.addListener(part);
        first.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK && s.step() == 8) {
                first.cancel();
            }
        });
        first.run();
        ArmState state = part.of(TrainingEvent.Checkpoint.class).get(0).state();
        assertEquals(8, state.step());
        Trainer second = new Trainer(spec, data, TinyExperiments.options());
        RecordingListener rest = new RecordingListener();
        second.addListener(rest);
        assertEquals(RunStatus.FINISHED, second.run(Map.of("g", state), Set.of()));
        assertEquals(0, rest.steps("g", Phase.GUIDE_TRAINING).size(), "the guide comes from the checkpoint");
        assertEquals(8, rest.of(TrainingEvent.ArmStarted.class).get(0).fromStep());
        List<String> expected = deterministicPart(full).subList(10 + 8, 10 + 20);
        assertEquals(expected, deterministicPart(rest));
    }
}
