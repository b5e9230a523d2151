package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Conventional seeded initialisation, read back from params() at the offsets of the flat layout. */
class SameDiffInitTest {
    private static double[] slice(SameDiffModel m, int from, int length) {
        double[] all = m.params().toDoubleVector();
        double[] s = new double[length];
        System.arraycopy(all, from, s, 0, length);
        return s;
    }

    private static double std(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / v.length);
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    @Test
    void heBeforeReluXavierOtherwiseAndZeroBiases() {
        NetworkSpec spec = new NetworkSpec("init", List.of(Layers.Input.real("x", 200),
                Layers.Dense.of("relu", 300, ActivationFn.RELU),
                Layers.Dense.of("linearThenRelu", 100, ActivationFn.IDENTITY),
                new Layers.BatchNorm("bn", 0.1, 1e-5, false), new Layers.Activation("a", ActivationFn.RELU, false),
                Layers.Dense.of("tanh", 100, ActivationFn.TANH), new Layers.Output("out", 10, false)));
        try (SameDiffModel m = new SameDiffModel(spec, 9, DataType.DOUBLE)) {
            int off = 0;
            assertEquals(Math.sqrt(2.0 / 200), std(slice(m, off, 200 * 300)), 0.02 * Math.sqrt(2.0 / 200));
            off += 200 * 300;
            assertEquals(0, maxAbs(slice(m, off, 300)), 0.0, "bias");
            off += 300;
            assertEquals(Math.sqrt(2.0 / 300), std(slice(m, off, 300 * 100)), 0.03 * Math.sqrt(2.0 / 300),
                    "He through BatchNorm to the ReLU");
            off += 300 * 100 + 100 + 2 * 100;
            assertEquals(Math.sqrt(2.0 / 200), std(slice(m, off, 100 * 100)), 0.04 * Math.sqrt(2.0 / 200), "Xavier");
        }
    }

    @Test
    void recurrentUniformEmbeddingsNormalAndPositionsSmall() {
        int units = 25;
        NetworkSpec spec = new NetworkSpec("init-seq", List.of(Layers.Input.tokens("x", 4, 50),
                new Layers.Embedding("e", 50, 40, false), new Layers.PositionalEmbedding("p", 50, false),
                new Layers.SimpleRNN("rnn", units, true), new Layers.Output("out", 3, true)));
        try (SameDiffModel m = new SameDiffModel(spec, 9, DataType.DOUBLE)) {
            assertEquals(1.0, std(slice(m, 0, 50 * 40)), 0.05);
            assertEquals(0.02, std(slice(m, 50 * 40, 50 * 40)), 0.001);
            double[] rec = slice(m, 2 * 50 * 40, 40 * units + units * units);
            double bound = 1 / Math.sqrt(units);
            assertTrue(maxAbs(rec) <= bound && maxAbs(rec) > 0.95 * bound, "U(-1/sqrt(units), 1/sqrt(units))");
            assertEquals(bound / Math.sqrt(3), std(rec), 0.05 * bound);
        }
    }
}
