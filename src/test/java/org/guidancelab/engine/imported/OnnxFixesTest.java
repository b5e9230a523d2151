package org.guidancelab.engine.imported;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each rewrite of the ONNX graph is needed: with it switched off (a test-only property of the child) the importer
 * fails, or imports a wrong graph that the verification refuses, naming the tap. So the fixes are not decoration, and
 * the verification catches what the importer gets silently wrong.
 */
class OnnxFixesTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "without {0}: {4}")
    @CsvSource(delimiter = '|', value = {
        // fix left out | model       | sample                | references       | expected in the message
        "matmul_alpha   | matmul.onnx | inputs.csv            | onnx/matmul-ref  | verification failed at tap 'matmul'",
        "gemm_bias      | matmul.onnx | inputs.csv            | onnx/matmul-ref  | verification failed at tap 'fc'",
        "rename         | resnet.onnx | onnx/resnet-input.csv | onnx/resnet-ref  | No variable name found for onnx::Conv_",
    })
    void withoutTheFixTheConversionIsRefused(String fix, String model, String sample, String ref, String expected) {
        Path out = dir.resolve("x.sdz");
        GuideImportException e = assertThrows(GuideImportException.class, () -> OnnxConversion.run(
                new OnnxConversion.Request(OnnxConversionTest.onnx(model), GuideFixtures.file(sample), GuideFixtures.file(ref),
                        out, OnnxConversionTest.TOLERANCE), List.of("-Dguidancelab.onnx.skipFixesForTest=" + fix)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(Files.exists(out));
    }
}
