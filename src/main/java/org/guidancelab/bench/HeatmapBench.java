package org.guidancelab.bench;

import java.util.ArrayList;
import java.util.Arrays;
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
 * Times one full CKA heatmap as the trainer computes it at an evaluation: a 24-tap target (deep FCN, Dense 128)
 * against an 8-tap guide (Dense 256) on a 512-example probe, forward passes included. Median of several repeats.
 */
public final class HeatmapBench {
    static final int TARGET_TAPS = 24;
    static final int GUIDE_TAPS = 8;
    static final int PROBE = 512;

    private HeatmapBench() {
    }

    /** Median milliseconds of one heatmap over {@code repeats} runs (after one warm-up run). */
    public static double medianMillis(int repeats) {
        try (Model target = ModelFactory.create(mlp("target", TARGET_TAPS, 128), 1);
             Model guide = ModelFactory.create(mlp("guide", GUIDE_TAPS, 256), 2)) {
            Nd4j.getRandom().setSeed(3);
            INDArray probe = Nd4j.randn(DataType.FLOAT, PROBE, 784);
            double[] ms = new double[repeats];
            heatmap(target, guide, probe);
            for (int i = 0; i < repeats; i++) {
                long t0 = System.nanoTime();
                CkaMatrix m = heatmap(target, guide, probe);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                if (m.rows() != TARGET_TAPS || m.columns() != GUIDE_TAPS) {
                    throw new IllegalStateException("heatmap has shape " + m.rows() + "x" + m.columns());
                }
            }
            Arrays.sort(ms);
            return ms[repeats / 2];
        }
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
