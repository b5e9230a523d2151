package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.model.Model;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

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
    void filledCacheServesEveryExampleInTheBatchOrderAndStaysOffAboveItsBound() {
        NetworkSpec guide = experiment(ArmSpec.guidedUntrained("g")).guide();
        TaskData data = images();
        BatchLoader loader = new BatchLoader(data);
        try (Model g = ModelFactory.createFrozen(guide, 3)) {
            GuideTapCache cache = new GuideTapCache(g, data.train().size(), 1 << 30);
            assertFalse(cache.active(), "nothing is cached before fill");
            cache.fill(loader, 7);
            assertTrue(cache.active());
            int[] batch = {9, 2, 5};
            Map<String, INDArray> fresh = new LinkedHashMap<>();
            g.forward(loader.training(batch, batch.length).x(), false).taps().forEach((k, v) -> fresh.put(k, v.dup()));
            Map<String, INDArray> cached = cache.taps(batch, loader.training(batch, batch.length).x());
            for (String tap : g.tapNames()) {
                assertTrue(fresh.get(tap).equalsWithEps(cached.get(tap), 1e-6), tap);
            }
            GuideTapCache small = new GuideTapCache(g, data.train().size(), 1000);
            small.fill(loader, 7);
            assertFalse(small.active());
            assertTrue(fresh.get(g.tapNames().get(0)).equalsWithEps(
                    small.taps(batch, loader.training(batch, batch.length).x()).get(g.tapNames().get(0)), 1e-6),
                    "above the bound the guide runs on the batch");
        }
    }

    @Test
    void filledRowsAreTheSameBitsWhateverBatchesWereSeenBefore() {
        NetworkSpec guide = experiment(ArmSpec.guidedUntrained("g")).guide();
        TaskData data = images();
        BatchLoader loader = new BatchLoader(data);
        try (Model g = ModelFactory.createFrozen(guide, 3)) {
            GuideTapCache first = new GuideTapCache(g, data.train().size(), 1 << 30);
            int[] seenBefore = {4, 1, 0, 7, 3};
            first.taps(seenBefore, loader.training(seenBefore, seenBefore.length).x());
            first.fill(loader, 8);
            Map<String, float[]> a = new LinkedHashMap<>();
            int[] batch = {0, 4, 1, 7};
            first.taps(batch, loader.training(batch, batch.length).x()).forEach((k, v) -> a.put(k, v.dup().data().asFloat()));
            GuideTapCache second = new GuideTapCache(g, data.train().size(), 1 << 30);
            second.fill(loader, 8);
            second.taps(batch, loader.training(batch, batch.length).x())
                    .forEach((k, v) -> assertArrayEquals(a.get(k), v.dup().data().asFloat(), k));
        }
    }

    @Test
    void teacherLogitsCacheServesEveryExampleInTheBatchOrder() {
        NetworkSpec guide = experiment(ArmSpec.guidedUntrained("g")).guide();
        TaskData data = images();
        BatchLoader loader = new BatchLoader(data);
        try (Model g = ModelFactory.createFrozen(guide, 3)) {
            GuideTapCache cache = GuideTapCache.logits(g, data.train().size(), 1 << 30);
            cache.fill(loader, 5);
            int[] batch = {0, 4, 1, 7};
            INDArray fresh = g.forward(loader.training(batch, batch.length).x(), false).logits().dup();
            INDArray cached = cache.taps(batch, loader.training(batch, batch.length).x()).get(GuideTapCache.LOGITS);
            assertEquals(4, cached.rows());
            assertTrue(fresh.equalsWithEps(cached, 1e-6));
            assertTrue(cache.active());
        }
    }
}
