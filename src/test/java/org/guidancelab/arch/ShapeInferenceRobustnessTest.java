package org.guidancelab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Shape inference runs on every edit of a half-built network, so it must never throw: random chains of random
 * layers with random (often illegal) values give one LayerInfo per layer and diagnostics, nothing else.
 */
class ShapeInferenceRobustnessTest {
    private static final ActivationFn[] ACTS = ActivationFn.values();

    private static int size(Random r) {
        return r.nextInt(10) == 0 ? r.nextInt(3) - 2 : 1 + r.nextInt(r.nextBoolean() ? 4 : 40);
    }

    private static LayerSpec randomLayer(Random r, String name, int depth) {
        switch (r.nextInt(20)) {
            case 0: return r.nextBoolean() ? Layers.Input.real(name, size(r), size(r), size(r)) : Layers.Input.tokens(name, size(r), size(r));
            case 1: return new Layers.Dense(name, size(r), ACTS[r.nextInt(ACTS.length)], r.nextBoolean(), r.nextBoolean());
            case 2: return new Layers.Conv2D(name, size(r), size(r), size(r), size(r) - 1, ACTS[r.nextInt(ACTS.length)], r.nextBoolean());
            case 3: return new Layers.MaxPool2D(name, size(r), size(r), r.nextBoolean());
            case 4: return new Layers.AvgPool2D(name, size(r), size(r), r.nextBoolean());
            case 5: return new Layers.GlobalAvgPool(name, r.nextBoolean());
            case 6: return new Layers.Flatten(name, r.nextBoolean());
            case 7: return new Layers.Reshape(name, List.of(size(r), size(r)), r.nextBoolean());
            case 8: return new Layers.BatchNorm(name, r.nextDouble() * 1.2 - 0.1, r.nextDouble() - 0.1, r.nextBoolean());
            case 9: return new Layers.LayerNorm(name, r.nextDouble() - 0.1, r.nextBoolean());
            case 10: return new Layers.Dropout(name, r.nextDouble() * 1.2 - 0.1, r.nextBoolean());
            case 11: return new Layers.Activation(name, ACTS[r.nextInt(ACTS.length)], r.nextBoolean());
            case 12: {
                List<LayerSpec> block = new ArrayList<>();
                int n = depth > 1 ? 0 : r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    block.add(randomLayer(r, name + "." + i, depth + 1));
                }
                return new Layers.Residual(name, block, r.nextBoolean() ? Layers.Skip.IDENTITY : Layers.Skip.PROJECTION,
                        ACTS[r.nextInt(ACTS.length)], r.nextBoolean());
            }
            case 13: return new Layers.Embedding(name, size(r), size(r), r.nextBoolean());
            case 14: return new Layers.PositionalEmbedding(name, size(r), r.nextBoolean());
            case 15: return new Layers.SimpleRNN(name, size(r), r.nextBoolean());
            case 16: return new Layers.LSTM(name, size(r), r.nextBoolean());
            case 17: return new Layers.TransformerBlock(name, size(r), size(r), size(r), r.nextBoolean(), r.nextDouble(), r.nextBoolean());
            case 18: return new Layers.SequencePool(name, r.nextBoolean() ? Layers.PoolMode.LAST : Layers.PoolMode.MEAN, r.nextBoolean());
            default: return new Layers.Output(name, size(r), r.nextBoolean());
        }
    }

    @Test
    void randomNetworksNeverThrow() {
        Random r = new Random(12345);
        int valid = 0;
        for (int n = 0; n < 5000; n++) {
            List<LayerSpec> layers = new ArrayList<>();
            if (r.nextInt(5) > 0) {
                layers.add(r.nextBoolean() ? Layers.Input.real("in", size(r), size(r), size(r)) : Layers.Input.tokens("in", size(r), size(r)));
            }
            int len = r.nextInt(8);
            for (int i = 0; i < len; i++) {
                layers.add(randomLayer(r, r.nextInt(30) == 0 ? "dup" : "l" + i, 0));
            }
            NetworkAnalysis a = ShapeInference.analyze(new NetworkSpec("random", layers));
            assertEquals(layers.size(), a.layers().size());
            for (Diagnostic d : a.diagnostics()) {
                assertFalse(d.message().isBlank());
                assertTrue(d.layerIndex() >= -1 && d.layerIndex() < layers.size());
            }
            for (LayerInfo info : a.layers()) {
                assertTrue(info.params() >= 0 && info.flops() >= 0, info::toString);
                assertTrue(info.outputShape().stream().allMatch(d -> d > 0), info::toString);
            }
            valid += a.valid() ? 1 : 0;
        }
        assertTrue(valid < 5000, "most random networks have mistakes");
    }
}
