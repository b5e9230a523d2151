package org.guidancelab.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Keras h5 guides give PyTorch's activations at every layer (the fixtures' references), in the lab's layout. */
class KerasGuideTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void functionalWithBatchNormAndResidualMatchesPyTorch() throws Exception {
        ImportedNetwork net = GuideFiles.open(GuideFixtures.file("cnn-functional.h5"), null);
        System.out.println(net.layers());
        assertEquals(List.of(1, 12, 12), net.inputShape());
        assertMatches(net, "cnn-functional", List.of("conv1", "bn1", "relu1", "conv2", "add", "relu2", "pool", "conv3", "gap", "logits"));
    }

    @Test
    void sequentialMatchesPyTorch() throws Exception {
        ImportedNetwork net = GuideFiles.open(GuideFixtures.file("cnn-sequential.h5"), null);
        System.out.println(net.layers());
        assertMatches(net, "cnn-sequential", List.of("conv1", "bn1", "relu1", "conv2", "pool", "conv3", "gap", "logits"));
    }

    static void assertMatches(ImportedNetwork net, String model, List<String> layers) {
        Map<String, INDArray> acts = net.activations(GuideFixtures.inputs(), layers);
        for (String l : layers) {
            INDArray ref = GuideFixtures.reference(model, l);
            assertEquals(List.of(ref.shape()[0], ref.shape()[1]), List.of(acts.get(l).shape()[0], acts.get(l).shape()[1]), l);
            double d = GuideFixtures.maxDiff(acts.get(l), ref);
            System.out.println(model + " " + l + " max diff " + d);
            assertTrue(d <= TOLERANCE, model + " layer " + l + ": max difference " + d + " above " + TOLERANCE);
        }
    }
}
