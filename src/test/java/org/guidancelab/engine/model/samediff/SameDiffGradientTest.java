package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/** backward() against central differences in DOUBLE, for every layer type (BatchNorm in training mode). */
class SameDiffGradientTest {
    static List<TinyNets.Case> cases() {
        return TinyNets.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void backwardMatchesFiniteDifferences(TinyNets.Case c) {
        try (SameDiffModel model = new SameDiffModel(c.spec(), 11, DataType.DOUBLE)) {
            double err = GradientChecks.maxRelativeError(model, c.inputs(TinyNets.N, 5, DataType.DOUBLE), 3, 80);
            assertTrue(err < 1e-4, c.name() + ": max relative error " + err);
        }
    }
}
