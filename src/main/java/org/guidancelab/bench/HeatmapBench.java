package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.cka.TapGrams;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.train.ModelFactory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Times one CKA heatmap of a 24-tap target (deep FCN, Dense 128) against an 8-tap guide (Dense 256) on a 512-example
 * probe, two ways, alternated in one process: <b>at an evaluation</b>, as the trainer computes it (the target's
 * forward pass, its Grams, the 24 x 8 products; the frozen guide's forward and Grams were done once per probe set, and
 * the target side reuses the last evaluation's arrays), and <b>with the guide</b> (both forward passes, both sides'
 * Grams and the products: what one heatmap of two fresh networks costs).
 */
public final class HeatmapBench {
    static final int TARGET_TAPS = 24;
    static final int GUIDE_TAPS = 8;
    static final int PROBE = 512;

    /** Milliseconds per heatmap over the repeats, both ways. */
    public record Timing(Spread atEvaluation, Spread withGuide) {
    }

    private HeatmapBench() {
    }

    /** Both ways, alternated, {@code repeats} times each after one warm-up run of each. */
    public static Timing time(int repeats) {
        try (Model target = ModelFactory.create(mlp("target", TARGET_TAPS, 128), 1);
             Model guide = ModelFactory.create(mlp("guide", GUIDE_TAPS, 256), 2)) {
            Nd4j.getRandom().setSeed(3);
            INDArray probe = Nd4j.randn(DataType.FLOAT, PROBE, 784);
            TapGrams guideGrams = TapGrams.of(guide.forward(probe, false).taps(), CkaEstimator.BIASED);
            TapGrams[] last = new TapGrams[1];
            double[] atEvaluation = new double[repeats];
            double[] withGuide = new double[repeats];
            for (int i = -1; i < repeats; i++) {
                long t0 = System.nanoTime();
                CkaMatrix m = atEvaluation(target, guideGrams, probe, last);
                long t1 = System.nanoTime();
                CkaMatrix g = heatmap(target, guide, probe);
                long t2 = System.nanoTime();
                check(m);
                check(g);
                if (i >= 0) {
                    atEvaluation[i] = (t1 - t0) / 1e6;
                    withGuide[i] = (t2 - t1) / 1e6;
                }
            }
            return new Timing(Spread.of(atEvaluation), Spread.of(withGuide));
        }
    }

    private static void check(CkaMatrix m) {
        if (m.rows() != TARGET_TAPS || m.columns() != GUIDE_TAPS) {
            throw new IllegalStateException("heatmap has shape " + m.rows() + "x" + m.columns());
        }
    }

    /** As Evaluator.heatmaps for the target x guide map: guide Grams given, target arrays reused. */
    static CkaMatrix atEvaluation(Model target, TapGrams guideGrams, INDArray probe, TapGrams[] last) {
        TapGrams t = TapGrams.of(target.forward(probe, false).taps(), CkaEstimator.BIASED, last[0]);
        last[0] = t;
        return t.against(guideGrams);
    }

    static CkaMatrix heatmap(Model target, Model guide, INDArray probe) {
        // Grams are taken right after each forward: a model's taps are its buffers, reused by its next pass.
        TapGrams t = TapGrams.of(target.forward(probe, false).taps(), CkaEstimator.BIASED);
        TapGrams g = TapGrams.of(guide.forward(probe, false).taps(), CkaEstimator.BIASED);
        return t.against(g);
    }

    private static NetworkSpec mlp(String name, int depth, int width) {
        List<LayerSpec> l = new ArrayList<>();
        l.add(Layers.Input.real("x", 784));
        for (int i = 1; i <= depth; i++) {
            l.add(new Layers.Dense("fc" + i, width, ActivationFn.RELU, true, true));
        }
        l.add(new Layers.Output("logits", 10, false));
        return new NetworkSpec(name, l);
    }
}
