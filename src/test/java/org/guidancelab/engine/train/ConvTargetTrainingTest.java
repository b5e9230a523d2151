package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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
import org.guidancelab.engine.model.fast.FastModel;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * A plain ConvNet target trained on the fast path gives the same losses, guidance losses, pair CKAs and gradient norms
 * step by step as the same target trained through the SameDiff reference, guided by a frozen CNN.
 */
class ConvTargetTrainingTest {

    private static TaskData images() {
        Random r = new Random(5);
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
        NetworkSpec target = new NetworkSpec("convnet", List.of(Layers.Input.real("x", 1, 8, 8),
                new Layers.Conv2D("stem", 4, 3, 2, 1, ActivationFn.RELU, true),
                new Layers.Conv2D("a1", 4, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.Conv2D("b1", 8, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.GlobalAvgPool("gap", false), new Layers.Output("out", 2, false)));
        NetworkSpec guide = new NetworkSpec("cnn", List.of(Layers.Input.real("x", 1, 8, 8),
                new Layers.Conv2D("c1", 4, 3, 1, 1, ActivationFn.RELU, true),
                new Layers.MaxPool2D("p1", 2, 2, true), new Layers.Flatten("flat", false),
                Layers.Dense.of("fc", 8, ActivationFn.RELU), new Layers.Output("out", 2, false)));
        TrainingSpec t = new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0.0, 0.0, 16, 14, 14, 0, 7L);
        return new ExperimentSpec("conv-target", "", guide, target, new DatasetSpec("images", null),
                new ArrayList<>(List.of(arm)), t, Pairing.rule());
    }

    private static List<TrainingEvent.Step> run(ExperimentSpec spec, ModelSource source) {
        Trainer trainer = new Trainer(spec, images(), TrainerOptions.defaults().withProbeSize(32).withModels(source));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        trainer.run();
        return rec.steps(spec.arms().get(0).name(), Phase.TASK);
    }

    /** The standard source, but targets through the SameDiff reference. */
    private static ModelSource referenceTargets() {
        return new ModelSource() {
            @Override
            public Model create(NetworkSpec s, long seed) {
                return ModelFactory.sameDiff(s, seed);
            }

            @Override
            public Model createFrozen(NetworkSpec s, long seed) {
                return ModelFactory.createFrozen(s, seed);
            }
        };
    }

    @Test
    void guidedConvTargetOnTheFastPathReproducesTheReferenceStepByStep() {
        ExperimentSpec spec = experiment(ArmSpec.guidedUntrained("guided"));
        try (Model m = ModelFactory.create(spec.target(), 1)) {
            assertInstanceOf(FastModel.class, m);
        }
        List<TrainingEvent.Step> fast = run(spec, ModelSource.standard());
        List<TrainingEvent.Step> reference = run(spec, referenceTargets());
        assertEquals(14, fast.size());
        assertEquals(reference.size(), fast.size());
        for (int i = 0; i < reference.size(); i++) {
            for (String metric : List.of(Metrics.TRAIN_LOSS, Metrics.GUIDANCE_LOSS, Metrics.ckaPair(0),
                    Metrics.ckaPair(1), Metrics.GRAD_NORM)) {
                double expected = reference.get(i).metrics().get(metric);
                double actual = fast.get(i).metrics().get(metric);
                assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), metric + " at step " + (i + 1));
            }
        }
        assertTrue(fast.get(0).metrics().get(Metrics.GUIDANCE_LOSS) > 0);
    }
}
