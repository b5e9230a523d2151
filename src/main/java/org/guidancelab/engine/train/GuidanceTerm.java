package org.guidancelab.engine.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.cka.CkaGradient;
import org.guidancelab.experiment.TapPair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The guidance loss {@code alpha * sum over pairs (1 - CKA(target tap, guide tap))} and its gradient on the target
 * taps. Pairs sharing a target tap (more guide taps than target taps) add their gradients into one buffer. The guide
 * side is a constant: no gradient is formed for it.
 */
final class GuidanceTerm {
    private final List<TapPair> pairs;
    private final double alpha;
    private final List<CkaGradient> ckas = new ArrayList<>();
    private final Map<String, INDArray> dTaps = new LinkedHashMap<>();
    private final double[] values;
    private final java.util.Set<String> written = new java.util.HashSet<>();

    GuidanceTerm(List<TapPair> pairs, List<String> targetTaps, List<String> guideTaps, double alpha) {
        for (int i = 0; i < pairs.size(); i++) {
            TapPair p = pairs.get(i);
            if (!targetTaps.contains(p.targetTap())) {
                throw new IllegalArgumentException("pair " + i + ": '" + p.targetTap() + "' is not a tapped layer of the target (taps: " + targetTaps + ")");
            }
            if (!guideTaps.contains(p.guideTap())) {
                throw new IllegalArgumentException("pair " + i + ": '" + p.guideTap() + "' is not a tapped layer of the guide (taps: " + guideTaps + ")");
            }
            ckas.add(new CkaGradient());
        }
        this.pairs = List.copyOf(pairs);
        this.alpha = alpha;
        this.values = new double[pairs.size()];
    }

    int size() {
        return pairs.size();
    }

    /** CKA of each pair from the last {@link #compute} call. */
    double value(int pair) {
        return values[pair];
    }

    /**
     * Computes every pair's CKA and returns the guidance loss; gradients on the target taps are then in
     * {@link #tapGradients()} (overwritten on each call).
     */
    double compute(Map<String, INDArray> targetTaps, Map<String, INDArray> guideTaps) {
        written.clear();
        double loss = 0;
        for (int i = 0; i < pairs.size(); i++) {
            TapPair p = pairs.get(i);
            INDArray x = targetTaps.get(p.targetTap());
            INDArray y = guideTaps.get(p.guideTap());
            if (y.dataType() != x.dataType()) {
                y = y.castTo(x.dataType());
            }
            INDArray acc = dTaps.get(p.targetTap());
            if (acc == null || !java.util.Arrays.equals(acc.shape(), x.shape())) {
                acc = Nd4j.create(x.dataType(), x.shape());
                dTaps.put(p.targetTap(), acc);
            }
            // d(alpha (1 - CKA))/dX = -alpha dCKA/dX, written by the first pair of a tap and added by the others.
            values[i] = ckas.get(i).compute(x, y, acc, -alpha, !written.add(p.targetTap()));
            loss += alpha * (1 - values[i]);
        }
        return loss;
    }

    Map<String, INDArray> tapGradients() {
        return dTaps;
    }
}
