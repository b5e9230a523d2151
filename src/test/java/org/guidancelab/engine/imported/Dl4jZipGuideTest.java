package org.guidancelab.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * DeepLearning4J zips (written from the Keras fixtures by GuideZipFixtures) load as guides, a ComputationGraph zip
 * and a MultiLayerNetwork zip alike, and give PyTorch's activations; the image size comes from the data.
 */
class Dl4jZipGuideTest {
    private static final List<Integer> DATA = List.of(1, 12, 12);

    @Test
    void computationGraphZipMatchesPyTorch() throws Exception {
        ImportedNetwork net = GuideFiles.open(GuideFixtures.file("cnn-graph.zip"), DATA);
        assertEquals("DeepLearning4J zip", net.format());
        assertEquals(DATA, net.inputShape());
        KerasGuideTest.assertMatches(net, "cnn-functional", List.of("conv1", "bn1", "relu1", "add", "relu2", "pool", "conv3", "gap", "logits"));
    }

    @Test
    void multiLayerNetworkZipMatchesPyTorchUnderItsLayerNames() throws Exception {
        ImportedNetwork net = GuideFiles.open(GuideFixtures.file("cnn-multilayer.zip"), DATA);
        assertEquals(List.of("conv1", "bn1", "relu1", "conv2", "pool", "conv3", "gap", "logits"),
                net.layers().stream().map(GuideLayer::name).toList());
        KerasGuideTest.assertMatches(net, "cnn-sequential", List.of("conv1", "relu1", "conv2", "pool", "gap", "logits"));
    }
}
