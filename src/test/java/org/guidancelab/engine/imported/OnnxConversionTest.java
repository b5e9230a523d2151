package org.guidancelab.engine.imported;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * ONNX exports of PyTorch networks converted by the child JVM: the converted .sdz gives PyTorch's activations at every
 * tap (the Keras fixtures' small CNN, whose references are the same files; and a BatchNorm + residual network whose
 * BatchNorms PyTorch fused under "onnx::" names, with a Sigmoid gate, GlobalAveragePool and a Linear), both as the
 * child verified them and as the lab opens the file here.
 */
class OnnxConversionTest {
    static final double TOLERANCE = 1e-4;

    @TempDir
    Path dir;

    static Path onnx(String name) {
        return GuideFixtures.file("onnx/" + name);
    }

    /** Converts, then opens the .sdz in this JVM and checks every tap against the reference itself. */
    private void convertsAndMatches(Path model, Path sample, Path refDir, List<String> taps) throws Exception {
        Path out = dir.resolve("guide.sdz");
        OnnxConversion.Result r = OnnxConversion.run(new OnnxConversion.Request(model, sample, refDir, out, TOLERANCE));
        assertEquals(out, r.out());
        assertEquals(taps.size(), r.taps().size(), "taps verified: " + r.taps());
        for (OnnxConversion.Tap t : r.taps()) {
            assertTrue(t.maxAbs() <= TOLERANCE, t.toString());
        }
        ImportedNetwork net = GuideFiles.open(out, null);
        assertEquals("SameDiff sdz", net.format());
        assertEquals(taps.stream().sorted().toList(), net.layers().stream().map(GuideLayer::name).sorted().toList());
        INDArray x = GuideFixtures.csv(sample);
        long[] shape = new long[net.inputShape().size() + 1];
        shape[0] = x.rows();
        for (int i = 0; i < net.inputShape().size(); i++) {
            shape[i + 1] = net.inputShape().get(i);
        }
        Map<String, INDArray> acts = net.activations(x.reshape('c', shape), taps);
        for (String tap : taps) {
            double d = GuideFixtures.maxDiff(acts.get(tap), GuideFixtures.csv(refDir.resolve(tap + ".csv")));
            assertTrue(d <= TOLERANCE, tap + ": " + d);
        }
        assertFalse(Files.exists(dir.resolve(".guide.sdz.converting.sdz")), "no temporary file left");
    }

    @Test
    void theKerasFixturesSmallCnnMatchesPyTorch() throws Exception {
        convertsAndMatches(onnx("cnn-sequential.onnx"), GuideFixtures.file("inputs.csv"), GuideFixtures.file("ref-cnn-sequential"),
                List.of("conv1", "bn1", "relu1", "conv2", "relu2", "pool", "conv3", "gap", "logits"));
    }

    @Test
    void aBatchNormResidualNetworkMatchesPyTorch() throws Exception {
        convertsAndMatches(onnx("resnet.onnx"), onnx("resnet-input.csv"), onnx("resnet-ref"),
                List.of("stem", "block1", "block2", "gate", "avgpool", "fc"));
    }

    /** x @ W + b (MatMul), Tanh, nn.Linear (Gemm with its bias) and Sigmoid: the importer's op faults, fixed. */
    @Test
    void aDenseNetworkWithMatMulGemmTanhAndSigmoidMatchesPyTorch() throws Exception {
        convertsAndMatches(onnx("matmul.onnx"), GuideFixtures.file("inputs.csv"), onnx("matmul-ref"),
                List.of("matmul", "tanh", "fc", "sigmoid"));
    }

    @Test
    void withoutTheImporterItSaysHowToGetIt() {
        String before = System.getProperty(OnnxConversion.ARGS_PROPERTY);
        System.setProperty(OnnxConversion.ARGS_PROPERTY, dir.resolve("missing.args").toString());
        try {
            String m = OnnxRefusalsTest.refused(() -> OnnxConversion.run(new OnnxConversion.Request(onnx("resnet.onnx"),
                    onnx("resnet-input.csv"), onnx("resnet-ref"), dir.resolve("x.sdz"), TOLERANCE)));
            assertTrue(m.contains("not part of this installation") && m.contains("./mvnw"), m);
        } finally {
            if (before == null) {
                System.clearProperty(OnnxConversion.ARGS_PROPERTY);
            } else {
                System.setProperty(OnnxConversion.ARGS_PROPERTY, before);
            }
        }
        assertFalse(Files.exists(dir.resolve("x.sdz")));
    }

    @Test
    void anOnnxFileOpenedAsAGuideIsSentToGuideConvert() {
        GuideImportException e = assertThrows(GuideImportException.class, () -> GuideFiles.open(onnx("resnet.onnx"), null));
        assertTrue(e.getMessage().contains("guide convert"), e.getMessage());
    }
}
