package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.model.fast.FastModel;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SameDiff and the fast path share the dropout rule, so with copied parameters they drop the same units in
 * training passes too, and a checkpointed random state means the same thing in both.
 */
class SameDiffVsFastDropoutTest {
    @Test
    void sameParamsAndRandomStateGiveTheSameTrainingPass() {
        NetworkSpec spec = new NetworkSpec("drop", List.of(Layers.Input.real("x", 6),
                Layers.Dense.of("h1", 12, ActivationFn.RELU), new Layers.Dropout("d1", 0.3, true),
                Layers.Dense.of("h2", 8, ActivationFn.TANH), new Layers.Dropout("d2", 0.5, false),
                new Layers.Output("out", 3, false)));
        try (SameDiffModel ref = new SameDiffModel(spec, 17, DataType.DOUBLE);
             FastModel fast = new FastModel(spec, 17, DataType.DOUBLE)) {
            fast.params().assign(ref.params());
            INDArray x = Nd4j.randn(2L, new long[] {5, 6}).castTo(DataType.DOUBLE);
            ref.forward(x, true);
            ref.setRandomState(4);
            fast.setRandomState(4);
            Model.Forward a = ref.forward(x, true);
            Model.Forward b = fast.forward(x, true);
            assertTrue(a.logits().equalsWithEps(b.logits(), 1e-10), "logits");
            assertTrue(a.taps().get("d1").equalsWithEps(b.taps().get("d1"), 1e-10), "dropped units");
            assertEquals(5, ref.randomState());

            INDArray dLogits = Nd4j.randn(3L, new long[] {5, 3}).castTo(DataType.DOUBLE);
            INDArray dTap = Nd4j.randn(4L, new long[] {5, 12}).castTo(DataType.DOUBLE);
            ref.backward(dLogits, Map.of("d1", dTap));
            fast.backward(dLogits, Map.of("d1", dTap));
            assertTrue(ref.gradients().equalsWithEps(fast.gradients(), 1e-10), "gradients");
        }
    }
}
