package org.guidancelab.engine.model.samediff;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Finite-difference check of {@link Model#backward}: for a random linear functional
 * f = sum(logits * R) + sum_k sum(tap_k * R_k), backward(R, R_k) must equal the central differences of f.
 */
final class GradientChecks {
    private GradientChecks() {
    }

    /** The largest relative error over up to {@code maxChecks} parameters (all when fewer). */
    static double maxRelativeError(Model model, INDArray input, long seed, int maxChecks) {
        Random rng = new Random(seed);
        Model.Forward f0 = model.forward(input, true);
        INDArray r = Nd4j.randn(rng.nextLong(), f0.logits().shape()).castTo(f0.logits().dataType());
        Map<String, INDArray> rTaps = new LinkedHashMap<>();
        f0.taps().forEach((name, tap) -> rTaps.put(name, Nd4j.randn(rng.nextLong(), tap.shape()).castTo(tap.dataType())));
        model.backward(r, rTaps);
        INDArray analytic = model.gradients().dup();

        INDArray params = model.params();
        long p = params.length();
        double eps = 1e-5;
        double worst = 0;
        for (int c = 0; c < Math.min(p, maxChecks); c++) {
            long i = p <= maxChecks ? c : (long) (rng.nextDouble() * p);
            double original = params.getDouble(0, i);
            params.putScalar(0, i, original + eps);
            double plus = functional(model.forward(input, true), r, rTaps);
            params.putScalar(0, i, original - eps);
            double minus = functional(model.forward(input, true), r, rTaps);
            params.putScalar(0, i, original);
            double numeric = (plus - minus) / (2 * eps);
            double a = analytic.getDouble(0, i);
            double scale = Math.max(Math.max(Math.abs(a), Math.abs(numeric)), 1e-5);
            worst = Math.max(worst, Math.abs(a - numeric) / scale);
        }
        return worst;
    }

    static double functional(Model.Forward f, INDArray r, Map<String, INDArray> rTaps) {
        double s = f.logits().mul(r).sumNumber().doubleValue();
        for (Map.Entry<String, INDArray> e : f.taps().entrySet()) {
            s += e.getValue().mul(rTaps.get(e.getKey())).sumNumber().doubleValue();
        }
        return s;
    }
}
