package org.guidancelab.engine.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.data.ProbeBatch;
import org.guidancelab.data.Split;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.TapGrams;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.loss.Accuracy;
import org.guidancelab.engine.loss.LossValue;
import org.guidancelab.engine.loss.SoftmaxCrossEntropy;
import org.guidancelab.engine.model.Model;

/**
 * Evaluation of the target in eval mode: validation loss and accuracy over the whole validation split (in chunks of
 * the batch size; per token for sequence tasks, masked positions not counted), and CKA heatmaps on a fixed probe batch
 * (the data package's seeded {@link ProbeBatch} from the validation split: the same at every evaluation, for every
 * arm and on resume).
 */
final class Evaluator {
    private final TaskData data;
    private final BatchLoader loader;
    private final int chunk;
    private final Batch probe;
    private final CkaEstimator estimator;
    /** The last evaluation's target side, whose arrays the next one overwrites (see TapGrams.of(.., previous)). */
    private TapGrams lastTarget;

    Evaluator(TaskData data, int chunk, int probeSize, long seed, CkaEstimator estimator) {
        this.data = data;
        this.loader = new BatchLoader(data);
        this.chunk = Math.max(1, chunk);
        ProbeBatch p = probeSize > 0 ? ProbeBatch.draw(data, probeSize, seed) : null;
        int n = p == null ? 0 : p.size();
        this.probe = n >= 2 ? loader.of(p.x(), p.y(), n) : null;
        this.estimator = estimator == CkaEstimator.UNBIASED && n < 4 ? CkaEstimator.BIASED : estimator;
    }

    /** val/loss and val/accuracy (empty when there is no validation split). */
    Map<String, Double> validation(Model target) {
        Map<String, Double> out = new LinkedHashMap<>();
        Split val = data.validation();
        double lossSum = 0;
        long counted = 0;
        long correct = 0;
        for (int from = 0; from < val.size(); from += chunk) {
            Batch b = loader.range(val, from, Math.min(chunk, val.size() - from));
            Model.Forward f = target.forward(b.x(), false);
            LossValue l = SoftmaxCrossEntropy.compute(f.logits(), b.labels(), null);
            lossSum += l.value() * l.counted();
            counted += l.counted();
            correct += Accuracy.correct(f.logits(), b.labels());
        }
        if (counted > 0) {
            out.put(Metrics.VAL_LOSS, lossSum / counted);
            out.put(Metrics.VAL_ACCURACY, correct / (double) counted);
        }
        return out;
    }

    /**
     * Heatmaps target x guide and target x target on the probe batch, or null without a probe.
     *
     * @param guideGrams the guide's side, prepared once per arm by {@link #guideGrams} (null without a guide)
     */
    CkaMatrix[] heatmaps(Model target, TapGrams guideGrams) {
        if (probe == null || target.tapNames().isEmpty()) {
            return null;
        }
        // Grams are taken right after each forward: a model's taps are its buffers, overwritten by its next pass.
        TapGrams t = TapGrams.of(target.forward(probe.x(), false).taps(), estimator, lastTarget);
        lastTarget = t;
        CkaMatrix self = t.against(t);
        if (guideGrams == null) {
            return new CkaMatrix[] {null, self};
        }
        return new CkaMatrix[] {t.against(guideGrams), self};
    }

    /**
     * The frozen guide's side of every heatmap: its taps on the fixed probe never change while the target trains,
     * so its forward pass and Grams (about half of a heatmap's work) are done once per arm, not at each evaluation.
     * Null without a probe or a tapped guide.
     */
    TapGrams guideGrams(Model guide) {
        if (probe == null || guide == null || guide.tapNames().isEmpty()) {
            return null;
        }
        return TapGrams.of(guide.forward(probe.x(), false).taps(), estimator);
    }
}
