package org.guidancelab.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.Layers.*;
import org.junit.jupiter.api.Test;

class ShapeInferenceTest {
    private static final ActivationFn RELU = ActivationFn.RELU;

    private static NetworkAnalysis analyze(LayerSpec... layers) {
        return ShapeInference.analyze(new NetworkSpec("n", List.of(layers)));
    }

    private static Output out10() {
        return new Output("out", 10, false);
    }

    private static List<Diagnostic> errors(NetworkAnalysis a) {
        return a.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList();
    }

    private static Diagnostic onlyError(NetworkAnalysis a) {
        List<Diagnostic> e = errors(a);
        assertEquals(1, e.size(), () -> "expected one error, got " + e);
        return e.get(0);
    }

    @Test
    void mlpShapesParamsAndFlops() {
        NetworkAnalysis a = analyze(Input.real("in", 784), Dense.of("fc1", 128, RELU), out10());
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics()::toString);
        assertEquals(List.of(784), a.layers().get(0).outputShape());
        assertEquals(List.of(128), a.layers().get(1).outputShape());
        assertEquals(128 * 785, a.layers().get(1).params());
        assertEquals(2L * 784 * 128, a.layers().get(1).flops());
        assertEquals(List.of(10), a.layers().get(2).outputShape());
        assertEquals(10 * 129, a.layers().get(2).params());
        assertEquals(128 * 785 + 10 * 129, a.totalParams());
        assertTrue(a.valid());
    }

    @Test
    void denseWithoutBiasAndOnSequences() {
        NetworkAnalysis a = analyze(Input.real("in", 5, 8), new Dense("d", 4, RELU, false, true), new Output("o", 3, true));
        assertEquals(List.of(5, 4), a.layers().get(1).outputShape());
        assertEquals(4 * 8, a.layers().get(1).params());
        assertEquals(5L * 2 * 8 * 4, a.layers().get(1).flops());
        assertEquals(List.of(5, 3), a.layers().get(2).outputShape());
        assertTrue(a.valid());
    }

    @Test
    void convNetWithPoolingFlattenAndGlobalPool() {
        NetworkAnalysis a = analyze(Input.real("in", 1, 28, 28),
                Conv2D.same("c1", 16, 3, RELU),
                new MaxPool2D("p1", 2, 2, false),
                new Conv2D("c2", 32, 3, 2, 0, RELU, true),
                new AvgPool2D("p2", 2, 1, false),
                new GlobalAvgPool("gap", true),
                out10());
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics()::toString);
        assertEquals(List.of(16, 28, 28), a.layers().get(1).outputShape());
        assertEquals(16 * (9 + 1), a.layers().get(1).params());
        assertEquals(2L * 1 * 9 * 16 * 28 * 28, a.layers().get(1).flops());
        assertEquals(List.of(16, 14, 14), a.layers().get(2).outputShape());
        assertEquals(0, a.layers().get(2).params());
        assertEquals(List.of(32, 6, 6), a.layers().get(3).outputShape());
        assertEquals(32 * (16 * 9 + 1), a.layers().get(3).params());
        assertEquals(List.of(32, 5, 5), a.layers().get(4).outputShape());
        assertEquals(List.of(32), a.layers().get(5).outputShape());
        assertEquals(330, a.layers().get(6).params());
    }

    @Test
    void flattenReshapeNormsDropoutActivation() {
        NetworkAnalysis a = analyze(Input.real("in", 784),
                new Reshape("r", List.of(1, 28, 28), false),
                BatchNorm.of("bn"),
                new Flatten("f", false),
                new Dense("fc", 64, RELU, true, true),
                BatchNorm.of("bn2"),
                new LayerNorm("ln", 1e-5, false),
                new Dropout("drop", 0.5, false),
                new Activation("act", ActivationFn.TANH, false),
                out10());
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics()::toString);
        assertEquals(List.of(1, 28, 28), a.layers().get(1).outputShape());
        assertEquals(2, a.layers().get(2).params());
        assertEquals(List.of(784), a.layers().get(3).outputShape());
        assertEquals(128, a.layers().get(5).params());
        assertEquals(128, a.layers().get(6).params());
        assertEquals(List.of(64), a.layers().get(8).outputShape());
        assertEquals(0, a.layers().get(7).params() + a.layers().get(8).params());
    }

    @Test
    void reshapeMustKeepTheElementCount() {
        Diagnostic d = onlyError(analyze(Input.real("in", 784), new Reshape("r", List.of(1, 28, 27), false), new Flatten("f", false),
                Dense.of("fc", 8, RELU), out10()));
        assertEquals(1, d.layerIndex());
        assertEquals("shape", d.field());
        assertEquals("Reshape 'r' cannot turn [784] (784 values) into [1, 28, 27] (756 values): the number of values must stay the same", d.message());
    }

    @Test
    void convOnAVectorExplainsTheFix() {
        Diagnostic d = onlyError(analyze(Input.real("in", 256), Conv2D.same("conv3", 8, 3, RELU), out10()));
        assertEquals("Conv2D 'conv3' needs a [C,H,W] input but gets a vector [256]: add a Reshape or start with Conv layers", d.message());
        assertEquals(1, d.layerIndex());
        assertEquals("conv3", d.layerName());
    }

    @Test
    void kernelLargerThanItsInput() {
        Diagnostic d = onlyError(analyze(Input.real("in", 1, 4, 4), new Conv2D("c", 4, 5, 1, 0, RELU, true), new Flatten("f", false), out10()));
        assertEquals("kernel", d.field());
        assertTrue(d.message().contains("kernel of 5, larger than its input 4x4"), d.message());
        Diagnostic pool = onlyError(analyze(Input.real("in", 1, 3, 3), new MaxPool2D("p", 4, 4, false), new Flatten("f", true), out10()));
        assertEquals("size", pool.field());
        Diagnostic padded = onlyError(analyze(Input.real("in", 1, 2, 2), new Conv2D("c", 4, 5, 1, 1, RELU, true), new Flatten("f", false), out10()));
        assertTrue(padded.message().contains("larger than its padded input 4x4"), padded.message());
    }

    @Test
    void nonPositiveSizesAreErrorsNamingTheField() {
        Diagnostic d = onlyError(analyze(Input.real("in", 4), Dense.of("fc", 0, RELU), out10()));
        assertEquals("units", d.field());
        assertEquals("Dense 'fc' has units = 0: it must be at least 1", d.message());
        Diagnostic s = onlyError(analyze(Input.real("in", 1, 8, 8), new Conv2D("c", 4, 3, 0, 1, RELU, true), new Flatten("f", false), out10()));
        assertEquals("stride", s.field());
        Diagnostic p = onlyError(analyze(Input.real("in", 1, 8, 8), new Conv2D("c", 4, 3, 1, -1, RELU, true), new Flatten("f", false), out10()));
        assertEquals("padding", p.field());
        Diagnostic in = onlyError(analyze(Input.real("in", 1, 0, 8), new Flatten("f", true), out10()));
        assertEquals("shape", in.field());
        assertEquals(0, in.layerIndex());
    }

    @Test
    void batchNormOnASequenceAndDropoutRate() {
        Diagnostic bn = onlyError(analyze(Input.real("in", 4, 8), BatchNorm.of("bn"), new SimpleRNN("r", 4, true), new Output("o", 2, true)));
        assertTrue(bn.message().startsWith("BatchNorm 'bn' needs a vector [D] or an image [C,H,W] but gets a sequence [4, 8]"), bn.message());
        Diagnostic dr = onlyError(analyze(Input.real("in", 4), Dense.of("d", 3, RELU), new Dropout("drop", 1.0, false), out10()));
        assertEquals("rate", dr.field());
        assertEquals("Dropout 'drop' has rate = 1.0: it must be from 0 up to (not including) 1", dr.message());
        Diagnostic mom = onlyError(analyze(Input.real("in", 4), new BatchNorm("bn", 1.5, 1e-5, false), Dense.of("d", 3, RELU), out10()));
        assertEquals("momentum", mom.field());
        Diagnostic eps = onlyError(analyze(Input.real("in", 4), new LayerNorm("ln", 0, false), Dense.of("d", 3, RELU), out10()));
        assertEquals("epsilon", eps.field());
        Diagnostic tdrop = onlyError(analyze(Input.real("in", 4, 8), new TransformerBlock("t", 8, 2, 16, false, -0.1, true), new Output("o", 2, true)));
        assertEquals("dropout", tdrop.field());
    }

    @Test
    void residualIdentityKeepsShapeAndCountsInnerParams() {
        Residual res = new Residual("res1", List.of(Conv2D.same("a", 16, 3, RELU), BatchNorm.of("b"), Conv2D.same("c", 16, 3, ActivationFn.IDENTITY)),
                Skip.IDENTITY, RELU, true);
        NetworkAnalysis a = analyze(Input.real("in", 16, 28, 28), res, new GlobalAvgPool("g", true), out10());
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics()::toString);
        assertEquals(List.of(16, 28, 28), a.layers().get(1).outputShape());
        assertEquals(2 * 16 * (16 * 9 + 1) + 32, a.layers().get(1).params());
    }

    @Test
    void residualProjectionIsAStridedOneByOneConv() {
        List<LayerSpec> block = List.of(new Conv2D("a", 32, 3, 2, 1, RELU, false), Conv2D.same("b", 32, 3, ActivationFn.IDENTITY));
        NetworkAnalysis a = analyze(Input.real("in", 16, 28, 28), new Residual("res2", block, Skip.PROJECTION, RELU, true),
                new GlobalAvgPool("g", true), out10());
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics()::toString);
        assertEquals(List.of(32, 14, 14), a.layers().get(1).outputShape());
        assertEquals(32 * (16 * 9 + 1) + 32 * (32 * 9 + 1) + 32 * (16 + 1), a.layers().get(1).params());

        Diagnostic d = onlyError(analyze(Input.real("in", 16, 28, 28), new Residual("res2", block, Skip.IDENTITY, RELU, true),
                new GlobalAvgPool("g", true), out10()));
        assertEquals("skip", d.field());
        assertTrue(d.message().startsWith("Residual 'res2' adds its input [16, 28, 28] to its block's output [32, 14, 14]"), d.message());
    }

    @Test
    void residualDenseProjection() {
        NetworkAnalysis a = analyze(Input.real("in", 8), new Residual("r", List.of(Dense.of("d", 4, RELU)), Skip.PROJECTION, null, true), out10());
        assertTrue(a.valid(), a.diagnostics()::toString);
        assertEquals(4 * 9 + 4 * 9, a.layers().get(1).params());
    }

    @Test
    void diagnosticsInsideAResidualNameTheInnerLayer() {
        Residual res = new Residual("res2", List.of(new Conv2D("c1", 8, 9, 1, 0, RELU, false)), Skip.IDENTITY, RELU, true);
        Diagnostic d = onlyError(analyze(Input.real("in", 8, 4, 4), res, new GlobalAvgPool("g", true), out10()));
        assertTrue(d.message().startsWith("Residual 'res2' > Conv2D 'c1' has a kernel of 9"), d.message());
        assertEquals("block[0].kernel", d.field());
        assertEquals(1, d.layerIndex());
        Diagnostic empty = onlyError(analyze(Input.real("in", 8), new Residual("r", List.of(), Skip.IDENTITY, null, true), out10()));
        assertEquals("block", empty.field());
    }

    @Test
    void sequenceLayers() {
        NetworkAnalysis a = analyze(Input.tokens("in", 12, 12),
                new Embedding("emb", 12, 16, false),
                new PositionalEmbedding("pos", 20, false),
                new TransformerBlock("t1", 16, 4, 32, false, 0.0, true),
                new SimpleRNN("rnn", 32, true),
                new LSTM("lstm", 32, true),
                new SequencePool("pool", PoolMode.MEAN, true),
                out10());
        assertTrue(a.diagnostics().isEmpty(), a.diagnostics()::toString);
        assertEquals(List.of(12), a.layers().get(0).outputShape());
        assertEquals(List.of(12, 16), a.layers().get(1).outputShape());
        assertEquals(12 * 16, a.layers().get(1).params());
        assertEquals(20 * 16, a.layers().get(2).params());
        assertEquals(List.of(12, 16), a.layers().get(3).outputShape());
        assertEquals(4 * (16 * 16 + 16) + 4 * 16 + (16 * 32 + 32) + (32 * 16 + 16), a.layers().get(3).params());
        assertEquals(List.of(12, 32), a.layers().get(4).outputShape());
        assertEquals(32 * (16 + 32 + 1), a.layers().get(4).params());
        assertEquals(4 * 32 * (32 + 32 + 1), a.layers().get(5).params());
        assertEquals(List.of(32), a.layers().get(6).outputShape());
        assertTrue(a.layers().get(3).flops() > 4L * 2 * 12 * 16 * 16, "attention FLOPs include the projections");
    }

    @Test
    void perTokenOutput() {
        NetworkAnalysis a = analyze(Input.tokens("in", 17, 12), new Embedding("e", 12, 8, false), new SimpleRNN("r", 16, true),
                new Output("o", 10, true));
        assertTrue(a.valid());
        assertEquals(List.of(17, 10), a.layers().get(3).outputShape());
        assertEquals(10 * 17, a.layers().get(3).params());
        Diagnostic d = onlyError(analyze(Input.tokens("in", 17, 12), new Embedding("e", 12, 8, false), new SimpleRNN("r", 16, true), out10()));
        assertTrue(d.message().contains("add a SequencePool before it, or set perToken to true"), d.message());
        Diagnostic v = onlyError(analyze(Input.real("in", 4), Dense.of("d", 4, RELU), new Output("o", 2, true)));
        assertTrue(v.message().startsWith("Output 'o' predicts one class per token"), v.message());
    }

    @Test
    void sequenceMistakes() {
        Diagnostic vocab = onlyError(analyze(Input.tokens("in", 8, 12), new Embedding("e", 10, 8, false), new SimpleRNN("r", 4, true), new Output("o", 2, true)));
        assertEquals("vocabSize", vocab.field());
        assertTrue(vocab.message().contains("set vocabSize to at least 12"), vocab.message());
        Diagnostic pos = onlyError(analyze(Input.tokens("in", 30, 3), new Embedding("e", 3, 8, false), new PositionalEmbedding("p", 16, false),
                new SimpleRNN("r", 4, true), new Output("o", 2, true)));
        assertEquals("maxLength", pos.field());
        Diagnostic heads = onlyError(analyze(Input.tokens("in", 8, 3), new Embedding("e", 3, 16, false),
                new TransformerBlock("t", 16, 3, 32, false, 0, true), new Output("o", 2, true)));
        assertEquals("heads", heads.field());
        Diagnostic dm = onlyError(analyze(Input.tokens("in", 8, 3), new Embedding("e", 3, 32, false),
                new TransformerBlock("t", 16, 4, 32, false, 0, true), new Output("o", 2, true)));
        assertEquals("dModel", dm.field());
        assertTrue(dm.message().contains("make the layer before it output 16 features"), dm.message());
        Diagnostic tokens = onlyError(analyze(Input.tokens("in", 8, 3), new SimpleRNN("r", 4, true), new Output("o", 2, true)));
        assertTrue(tokens.message().contains("start with an Embedding"), tokens.message());
        Diagnostic embOnReal = onlyError(analyze(Input.real("in", 8, 4), new Embedding("e", 3, 4, false), new SimpleRNN("r", 4, true), new Output("o", 2, true)));
        assertTrue(embOnReal.message().startsWith("Embedding 'e' needs token ids"), embOnReal.message());
        Diagnostic rnnOnImage = onlyError(analyze(Input.real("in", 1, 8, 8), new LSTM("l", 4, true), new Output("o", 2, true)));
        assertEquals(1, rnnOnImage.layerIndex());
    }

    @Test
    void networkLevelChecks() {
        Diagnostic noInput = errors(analyze(Dense.of("fc", 4, RELU), out10())).get(0);
        assertEquals(0, noInput.layerIndex());
        assertTrue(noInput.message().contains("must start with an Input"), noInput.message());

        Diagnostic second = onlyError(analyze(Input.real("in", 4), Input.real("in2", 4), Dense.of("d", 3, RELU), out10()));
        assertEquals(1, second.layerIndex());
        assertTrue(second.message().contains("only the first layer can be an Input"));

        Diagnostic noOutput = onlyError(analyze(Input.real("in", 4), Dense.of("d", 3, RELU)));
        assertEquals(1, noOutput.layerIndex());
        assertTrue(noOutput.message().contains("must end with an Output"));

        Diagnostic early = errors(analyze(Input.real("in", 4), out10(), Dense.of("d", 3, RELU))).get(0);
        assertTrue(early.message().contains("must be the last layer"), early.message());

        Diagnostic dup = onlyError(analyze(Input.real("in", 4), Dense.of("fc", 3, RELU), Dense.of("fc", 3, RELU), out10()));
        assertEquals(2, dup.layerIndex());
        assertEquals("name", dup.field());
        assertTrue(dup.message().contains("same name as layer 1"));

        Diagnostic blank = onlyError(analyze(Input.real("in", 4), Dense.of(" ", 3, RELU), out10()));
        assertEquals("name", blank.field());

        NetworkAnalysis empty = ShapeInference.analyze(new NetworkSpec("e", List.of()));
        assertFalse(empty.valid());
        assertEquals(-1, empty.diagnostics().get(0).layerIndex());
    }

    @Test
    void noTapsIsAWarningNotAnError() {
        NetworkAnalysis a = analyze(Input.real("in", 4), new Dense("d", 3, RELU, true, false), out10());
        assertTrue(a.valid());
        assertEquals(1, a.diagnostics().size());
        assertEquals(Diagnostic.Severity.WARNING, a.diagnostics().get(0).severity());
        assertTrue(a.diagnostics().get(0).message().contains("guidance is impossible"));
    }

    @Test
    void errorsDoNotCascadeAndLaterShapesAreUnknown() {
        List<LayerSpec> layers = new ArrayList<>(List.of(Input.real("in", 256), Conv2D.same("c", 8, 3, RELU),
                new MaxPool2D("p", 2, 2, false), new Flatten("f", false), Dense.of("d", 4, RELU), out10()));
        NetworkAnalysis a = ShapeInference.analyze(new NetworkSpec("n", layers));
        assertEquals(1, errors(a).size());
        assertEquals("?", a.layers().get(4).shapeText());
        assertEquals(6, a.layers().size());
    }

    @Test
    void projectionStrideIsReadOffTheShapesLikeTheEngine() {
        // the smallest s with (in - 1) / s + 1 == out, checked against a brute-force search
        for (int in = 1; in <= 40; in++) {
            for (int out = 1; out <= 40; out++) {
                int expected = -1;
                for (int s = 1; s <= in; s++) {
                    if ((in - 1) / s + 1 == out) {
                        expected = s;
                        break;
                    }
                }
                assertEquals(expected, LayerRules.strideMapping(in, out), in + " -> " + out);
            }
        }
        // a kernel-2 stride-2 block on 7x7 gives 3x3, which a 1x1 projection reaches with stride 3
        Residual odd = new Residual("r", List.of(new Conv2D("c", 4, 2, 2, 0, RELU, false)), Skip.PROJECTION, null, true);
        NetworkAnalysis a = analyze(Input.real("in", 2, 7, 7), odd, new GlobalAvgPool("g", true), out10());
        assertTrue(a.valid(), a.diagnostics()::toString);
        Residual unpadded = new Residual("r", List.of(new Conv2D("c", 4, 3, 1, 0, RELU, false)), Skip.PROJECTION, null, true);
        Diagnostic d = onlyError(analyze(Input.real("in", 2, 28, 28), unpadded, new GlobalAvgPool("g", true), out10()));
        assertTrue(d.message().contains("cannot project its input [2, 28, 28] onto its block's output [4, 26, 26]"), d.message());
    }
}
