package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Every layer type trains in FLOAT: the loss of a tiny task falls within a few dozen Adam steps. */
class SameDiffTrainingTest {
    static List<TinyNets.Case> cases() {
        List<TinyNets.Case> c = new ArrayList<>(TinyNets.all());
        // Dropout and a Transformer with dropout actually dropping, which the gradient-check cases cannot do.
        c.add(new TinyNets.Case("Dropout 0.2", new NetworkSpec("dropout", List.of(Layers.Input.real("x", 5),
                Layers.Dense.of("d1", 16, ActivationFn.TANH), new Layers.Dropout("drop", 0.2, true),
                new Layers.Output("out", 3, false))), new long[] {TinyNets.N, 3}, null));
        c.add(new TinyNets.Case("TransformerBlock dropout 0.1", new NetworkSpec("tf-drop", List.of(
                Layers.Input.tokens("x", 4, 6), new Layers.Embedding("emb", 6, 8, false),
                new Layers.TransformerBlock("tf", 8, 2, 12, true, 0.1, true), new Layers.Output("out", 3, true))),
                new long[] {TinyNets.N * 4, 3}, null));
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lossFalls(TinyNets.Case c) {
        try (SameDiffModel model = new SameDiffModel(c.spec(), 21, DataType.FLOAT)) {
            INDArray inputs = c.inputs(16, 8, DataType.FLOAT);
            int[] labels = TinyTraining.labels(c, inputs, 9);
            double[] losses = TinyTraining.train(model, inputs, labels, 40, 0.03);
            double first = losses[0];
            double last = (losses[losses.length - 1] + losses[losses.length - 2]) / 2;
            assertTrue(Double.isFinite(last) && last < 0.6 * first,
                    c.name() + ": loss went from " + first + " to " + last);
        }
    }
}
