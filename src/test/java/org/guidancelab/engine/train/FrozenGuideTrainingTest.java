package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.ModelFactory;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.junit.jupiter.api.Test;

/**
 * Guided training with a frozen CNN guide on the forward-only fast path and its taps cached per example gives the
 * same losses, pair CKAs and gradient norms step by step as with the guide on the general (SameDiff) model run every
 * step: the levers change speed only.
 */
class FrozenGuideTrainingTest {

    private static TaskData images() {
        Random r = new Random(3);
        int n = 96;
        float[] x = new float[n * 64];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(2);
            for (int k = 0; k < 64; k++) {
                x[i * 64 + k] = (float) (r.nextGaussian() + (y[i] == 1 && k % 8 < 4 ? 0.8 : 0));
            }
        }
        Split s = new Split(n, x, y);
        return new TaskData("images", new int[] {1, 8, 8}, false, 0, 2, 1, s, s, s);
    }

    private static ExperimentSpec experiment(ArmSpec arm) {
        NetworkSpec target = new NetworkSpec("fcn", List.of(Layers.Input.real("x", 1, 8, 8),
                new Layers.Flatten("flat", false), Layers.Dense.of("d1", 16, ActivationFn.RELU),
                Layers.Dense.of("d2", 16, ActivationFn.RELU), new Layers.Output("out", 2, false)));
        NetworkSpec guide = new NetworkSpec("cnn", List.of(Layers.Input.real("x", 1, 8, 8),
                new Layers.Conv2D("c1", 4, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.MaxPool2D("p1", 2, 2, true), new Layers.Flatten("flat", false),
                Layers.Dense.of("fc", 8, ActivationFn.RELU), new Layers.Output("out", 2, false)));
        TrainingSpec t = new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 16, 14, 14, 0, 7L);
        return new ExperimentSpec("frozen", "", guide, target, new DatasetSpec("images", null),
                new ArrayList<>(List.of(arm)), t, Pairing.rule());
    }

    private static List<TrainingEvent.Step> run(ExperimentSpec spec, ModelSource source, long cacheBytes) {
        Trainer trainer = new Trainer(spec, images(), TrainerOptions.defaults().withProbeSize(32).withModels(source)
                .withGuideCacheBytes(cacheBytes));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        trainer.run();
        return rec.steps(spec.arms().get(0).name(), Phase.TASK);
    }

    @Test
    void frozenFastGuideReproducesTheGeneralGuideStepByStep() {
        ExperimentSpec spec = experiment(ArmSpec.guidedUntrained("guided"));
        List<String> kinds = new ArrayList<>();
        ModelSource fast = new ModelSource() {
            @Override
            public Model create(NetworkSpec s, long seed) {
                return ModelFactory.create(s, seed);
            }

            @Override
            public Model createFrozen(NetworkSpec s, long seed) {
                Model m = ModelFactory.createFrozen(s, seed);
                kinds.add(m.getClass().getSimpleName());
                return m;
            }
        };
        // 14 steps of 16 over 96 examples: from step 7 on, the guide's taps come from the cache.
        List<TrainingEvent.Step> withFrozen = run(spec, fast, TrainerOptions.DEFAULT_GUIDE_CACHE_BYTES);
        List<TrainingEvent.Step> general = run(spec, ModelFactory::create, 0);
        assertEquals(List.of("FrozenModel"), kinds);
        assertEquals(14, withFrozen.size());
        assertEquals(general.size(), withFrozen.size());
        for (int i = 0; i < general.size(); i++) {
            for (String metric : List.of(Metrics.TRAIN_LOSS, Metrics.GUIDANCE_LOSS, Metrics.ckaPair(0),
                    Metrics.ckaPair(1), Metrics.GRAD_NORM)) {
                double expected = general.get(i).metrics().get(metric);
                double actual = withFrozen.get(i).metrics().get(metric);
                assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), metric + " at step " + (i + 1));
            }
        }
        assertTrue(withFrozen.get(0).metrics().get(Metrics.GUIDANCE_LOSS) > 0);
    }

    @Test
    void cacheServesSeenExamplesAndStaysOffAboveItsBound() {
        NetworkSpec guide = experiment(ArmSpec.guidedUntrained("g")).guide();
        TaskData data = images();
        BatchLoader loader = new BatchLoader(data);
        try (Model g = ModelFactory.createFrozen(guide, 3)) {
            GuideTapCache cache = new GuideTapCache(g, data.train().size(), 1 << 30);
            int[] first = {5, 9, 2};
            int[] again = {9, 2, 5};
            java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> fresh = new java.util.LinkedHashMap<>();
            cache.taps(first, loader.training(first, first.length).x()).forEach((k, v) -> fresh.put(k, v.dup()));
            // A batch of seen examples in another order: rows come from the cache, in the new order.
            java.util.Map<String, org.nd4j.linalg.api.ndarray.INDArray> cached = cache.taps(again, loader.training(again, again.length).x());
            for (String tap : g.tapNames()) {
                org.nd4j.linalg.api.ndarray.INDArray expect = fresh.get(tap);
                assertTrue(expect.getRow(1).equalsWithEps(cached.get(tap).getRow(0), 1e-6), tap);
                assertTrue(expect.getRow(2).equalsWithEps(cached.get(tap).getRow(1), 1e-6), tap);
                assertTrue(expect.getRow(0).equalsWithEps(cached.get(tap).getRow(2), 1e-6), tap);
            }
            assertTrue(cache.active());
            GuideTapCache small = new GuideTapCache(g, data.train().size(), 1000);
            small.taps(first, loader.training(first, first.length).x());
            assertEquals(false, small.active());
        }
    }

    @Test
    void teacherLogitsCacheServesSeenExamplesInTheirNewOrder() {
        NetworkSpec guide = experiment(ArmSpec.guidedUntrained("g")).guide();
        TaskData data = images();
        BatchLoader loader = new BatchLoader(data);
        try (Model g = ModelFactory.createFrozen(guide, 3)) {
            GuideTapCache cache = GuideTapCache.logits(g, data.train().size(), 1 << 30);
            int[] first = {4, 7, 1, 0};
            int[] again = {0, 4, 1, 7};
            org.nd4j.linalg.api.ndarray.INDArray fresh = g.forward(loader.training(first, first.length).x(), false).logits().dup();
            assertTrue(fresh.equalsWithEps(cache.taps(first, loader.training(first, first.length).x()).get(GuideTapCache.LOGITS), 1e-6));
            org.nd4j.linalg.api.ndarray.INDArray cached = cache.taps(again, loader.training(again, again.length).x()).get(GuideTapCache.LOGITS);
            assertEquals(4, cached.rows());
            assertEquals(fresh.columns(), cached.columns());
            int[] rowOfFirst = {3, 0, 2, 1}; // again[r] = first[rowOfFirst[r]]
            for (int r = 0; r < again.length; r++) {
                assertTrue(fresh.getRow(rowOfFirst[r]).equalsWithEps(cached.getRow(r), 1e-6), "row " + r);
            }
            assertTrue(cache.active());
        }
    }
}
