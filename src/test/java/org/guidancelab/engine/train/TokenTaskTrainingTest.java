package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;

/** A per-token sequence task through the SameDiff path: token inputs, masked labels, token noise for the guide. */
class TokenTaskTrainingTest {
    static final int T = 5;
    static final int VOCAB = 4;

    /** Echo the previous token; the first two positions carry no label (-1). */
    static Split split(Random r, int n) {
        float[] x = new float[n * T];
        int[] y = new int[n * T];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < T; t++) {
                x[i * T + t] = r.nextInt(VOCAB);
                y[i * T + t] = t < 2 ? -1 : (int) x[i * T + t - 1];
            }
        }
        return new Split(n, x, y);
    }

    @Test
    void perTokenTaskWithNoiseGuideTrainsAndCountsOnlyLabelledTokens() {
        Random r = new Random(1);
        TaskData data = new TaskData("echo", new int[] {T}, true, VOCAB, VOCAB, T, split(r, 96), split(r, 32), split(r, 8));
        NetworkSpec target = new NetworkSpec("target", List.of(Layers.Input.tokens("in", T, VOCAB),
                new Layers.Embedding("emb", VOCAB, 8, false), new Layers.SimpleRNN("rnn", 12, true),
                new Layers.Output("out", VOCAB, true)));
        NetworkSpec guide = new NetworkSpec("guide", List.of(Layers.Input.tokens("in", T, VOCAB),
                new Layers.Embedding("emb", VOCAB, 8, true), new Layers.LSTM("lstm", 8, true),
                new Layers.Output("out", VOCAB, true)));
        ExperimentSpec spec = new ExperimentSpec("echo", "", guide, target, new DatasetSpec("echo", null),
                List.of(ArmSpec.guidedUntrained("noise-guided").withNoiseGuide(true).withNoisePrephaseSteps(2)),
                new TrainingSpec(1.0, OptimizerKind.ADAM, 0.01, 0.9, 0, 0, 16, 6, 3, 0, 3L), Pairing.rule());
        Trainer trainer = new Trainer(spec, data, TinyExperiments.options().withProbeSize(16));
        RecordingListener rec = new RecordingListener();
        trainer.addListener(rec);
        assertEquals(RunStatus.FINISHED, trainer.run(), rec.of(TrainingEvent.ArmFailed.class).toString());
        assertEquals(2, rec.steps("noise-guided", Phase.NOISE_PREPHASE).size());
        List<TrainingEvent.Step> steps = rec.steps("noise-guided", Phase.TASK);
        assertEquals(6, steps.size());
        assertEquals(2, spec.resolvedPairs().size());
        for (TrainingEvent.Step s : steps) {
            assertTrue(s.get(Metrics.GUIDANCE_LOSS) > 0);
            assertTrue(Double.isFinite(s.get(Metrics.MEAN_PAIR_CKA)));
        }
        // 32 validation sequences x 3 labelled tokens = 96 counted positions: accuracy is a multiple of 1/96.
        double acc = rec.of(TrainingEvent.Evaluation.class).get(0).metrics().get(Metrics.VAL_ACCURACY);
        assertEquals(Math.round(acc * 96), acc * 96, 1e-9);
        double trainAcc = steps.get(2).get(Metrics.TRAIN_ACCURACY);
        assertEquals(Math.round(trainAcc * 48), trainAcc * 48, 1e-9, "16 sequences x 3 labelled tokens");
        TrainingEvent.CkaMatrices maps = rec.of(TrainingEvent.CkaMatrices.class).get(0);
        assertEquals(List.of("rnn"), maps.targetGuide().rowTaps());
        assertEquals(List.of("emb", "lstm"), maps.targetGuide().columnTaps());
    }
}
