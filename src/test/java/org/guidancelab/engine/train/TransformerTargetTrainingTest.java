package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.fast.TransformerFastModel;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * A guided run with a causal Transformer target on the hand-written path gives the same losses, mean pair CKA and
 * gradient norms step by step as with the target on the general (SameDiff) model.
 */
class TransformerTargetTrainingTest {
    private static final int T = TokenTaskTrainingTest.T;
    private static final int VOCAB = TokenTaskTrainingTest.VOCAB;

    private static ExperimentSpec experiment() {
        NetworkSpec target = new NetworkSpec("target", List.of(Layers.Input.tokens("in", T, VOCAB),
                new Layers.Embedding("emb", VOCAB, 8, false), new Layers.PositionalEmbedding("pos", T, false),
                new Layers.TransformerBlock("b1", 8, 2, 16, true, 0.0, true),
                new Layers.TransformerBlock("b2", 8, 2, 16, true, 0.0, true), new Layers.Output("out", VOCAB, true)));
        NetworkSpec guide = new NetworkSpec("guide", List.of(Layers.Input.tokens("in", T, VOCAB),
                new Layers.Embedding("emb", VOCAB, 8, true), new Layers.SimpleRNN("rnn", 8, true),
                new Layers.Output("out", VOCAB, true)));
        return new ExperimentSpec("echo", "", guide, target, new DatasetSpec("echo", null),
                List.of(ArmSpec.guidedUntrained("guided")),
                new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0, 0, 16, 8, 8, 0, 3L), Pairing.rule());
    }

    private static List<TrainingEvent.Step> run(ModelSource source) {
        Random r = new Random(1);
        TaskData data = new TaskData("echo", new int[] {T}, true, VOCAB, VOCAB, T, TokenTaskTrainingTest.split(r, 96),
                TokenTaskTrainingTest.split(r, 32), TokenTaskTrainingTest.split(r, 8));
        Trainer trainer = new Trainer(experiment(), data, TinyExperiments.options().withProbeSize(16).withModels(source));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        assertEquals(RunStatus.FINISHED, trainer.run(), rec.of(TrainingEvent.ArmFailed.class).toString());
        return rec.steps("guided", Phase.TASK);
    }

    @Test
    void fastTargetReproducesTheGeneralTargetStepByStep() {
        try (Model m = ModelFactory.create(experiment().target(), 3)) {
            assertInstanceOf(TransformerFastModel.class, m);
        }
        List<TrainingEvent.Step> fast = run(ModelFactory::create);
        List<TrainingEvent.Step> general = run(ModelFactory::sameDiff);
        assertEquals(8, fast.size());
        assertEquals(general.size(), fast.size());
        for (int i = 0; i < general.size(); i++) {
            for (String metric : List.of(Metrics.TRAIN_LOSS, Metrics.GUIDANCE_LOSS, Metrics.MEAN_PAIR_CKA, Metrics.GRAD_NORM)) {
                double expected = general.get(i).get(metric);
                double actual = fast.get(i).get(metric);
                assertEquals(expected, actual, 1e-4 * Math.max(1, Math.abs(expected)), metric + " at step " + (i + 1));
            }
        }
        assertTrue(fast.get(0).get(Metrics.GUIDANCE_LOSS) > 0);
    }
}
