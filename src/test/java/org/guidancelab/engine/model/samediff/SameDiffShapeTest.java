package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.model.Model;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Logits and tap shapes for every layer type, in both modes, and gradients shaped like the parameters. */
class SameDiffShapeTest {
    static List<TinyNets.Case> cases() {
        return TinyNets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void logitsAndTapsHaveTheContractShapes(TinyNets.Case c) {
        try (SameDiffModel model = new SameDiffModel(c.spec(), 1, DataType.FLOAT)) {
            assertEquals(new ArrayList<>(c.taps().keySet()), model.tapNames(), "tap names in network order");
            for (boolean training : new boolean[] {true, false}) {
                Model.Forward f = model.forward(c.inputs(TinyNets.N, 2, DataType.FLOAT), training);
                assertArrayEquals(c.logitsShape(), f.logits().shape(), "logits, training=" + training);
                assertEquals(new ArrayList<>(c.taps().keySet()), new ArrayList<>(f.taps().keySet()));
                for (Map.Entry<String, Long> e : c.taps().entrySet()) {
                    INDArray tap = f.taps().get(e.getKey());
                    assertArrayEquals(new long[] {TinyNets.N, e.getValue()}, tap.shape(), "tap " + e.getKey());
                }
                assertEquals(DataType.FLOAT, f.logits().dataType());
            }
            model.backward(null, Map.of());
            assertEquals(1, model.params().rows());
            assertArrayEquals(model.params().shape(), model.gradients().shape());
            assertTrue(model.params().length() > 0);
        }
    }
}
