package org.guidancelab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.cka.CkaGradient;
import org.guidancelab.experiment.TapPair;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The guidance loss and its tap gradients against per-pair CKA gradients summed by hand. */
class GuidanceTermTest {
    @Test
    void pairsSharingATargetTapSumTheirScaledGradientsOnEveryCall() {
        Nd4j.getRandom().setSeed(21);
        // Two guide taps on target tap "a" (one in each CKA form: 8 features vs 300 > n), one on "b".
        Map<String, INDArray> target = new LinkedHashMap<>();
        target.put("a", Nd4j.randn(DataType.FLOAT, 24, 10));
        target.put("b", Nd4j.randn(DataType.FLOAT, 24, 5));
        Map<String, INDArray> guide = new LinkedHashMap<>();
        guide.put("g0", Nd4j.randn(DataType.FLOAT, 24, 8));
        guide.put("g1", Nd4j.randn(DataType.FLOAT, 24, 300));
        guide.put("g2", Nd4j.randn(DataType.FLOAT, 24, 6));
        List<TapPair> pairs = List.of(new TapPair("g0", "a"), new TapPair("g1", "a"), new TapPair("g2", "b"));
        double alpha = 0.7;
        GuidanceTerm term = new GuidanceTerm(pairs, List.of("a", "b"), List.of("g0", "g1", "g2"), alpha);

        double[] cka = new double[3];
        INDArray[] grads = new INDArray[3];
        for (int i = 0; i < 3; i++) {
            INDArray x = target.get(pairs.get(i).targetTap());
            grads[i] = Nd4j.create(DataType.FLOAT, x.shape());
            cka[i] = new CkaGradient().compute(x, guide.get(pairs.get(i).guideTap()), grads[i]);
        }
        INDArray expectA = grads[0].add(grads[1]).muli(-alpha);
        INDArray expectB = grads[2].mul(-alpha);
        double expectLoss = alpha * (3 - cka[0] - cka[1] - cka[2]);
        for (int call = 0; call < 2; call++) {   // the second call must overwrite, not add to, the first's gradients
            assertEquals(expectLoss, term.compute(target, guide), 1e-6);
            for (int i = 0; i < 3; i++) {
                assertEquals(cka[i], term.value(i), 1e-6);
            }
            assertClose(expectA, term.tapGradients().get("a"));
            assertClose(expectB, term.tapGradients().get("b"));
        }
    }

    private static void assertClose(INDArray expected, INDArray actual) {
        double err = expected.sub(actual).norm2Number().doubleValue();
        assertEquals(0.0, err, 1e-5 * expected.norm2Number().doubleValue() + 1e-9);
    }
}
