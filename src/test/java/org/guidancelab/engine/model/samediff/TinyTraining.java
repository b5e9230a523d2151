package org.guidancelab.engine.model.samediff;

import java.util.Random;
import org.guidancelab.engine.model.Model;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A softmax cross-entropy task and plain Adam written over params()/gradients(), to show that a model trains. */
final class TinyTraining {
    private TinyTraining() {
    }

    /**
     * Labels for a tiny task: random classes per example (memorisation), or per token the current token id
     * modulo the classes (learnable by any sequence model, causal or not).
     */
    static int[] labels(TinyNets.Case c, INDArray inputs, long seed) {
        int n = (int) inputs.size(0);
        if (c.perToken()) {
            int t = (int) inputs.size(1);
            int[] y = new int[n * t];
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < t; s++) {
                    y[i * t + s] = (int) inputs.getDouble(i, s) % c.classes();
                }
            }
            return y;
        }
        Random rng = new Random(seed);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextInt(c.classes());
        }
        return y;
    }

    /** Mean cross-entropy of the logits; writes its gradient with respect to the logits into {@code dLogits}. */
    static double crossEntropy(INDArray logits, int[] labels, double[][] dLogits) {
        int rows = (int) logits.size(0);
        int classes = (int) logits.size(1);
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, logits.getDouble(r, k));
            }
            double z = 0;
            for (int k = 0; k < classes; k++) {
                z += Math.exp(logits.getDouble(r, k) - max);
            }
            for (int k = 0; k < classes; k++) {
                double prob = Math.exp(logits.getDouble(r, k) - max) / z;
                dLogits[r][k] = (prob - (k == labels[r] ? 1 : 0)) / rows;
            }
            loss -= logits.getDouble(r, labels[r]) - max - Math.log(z);
        }
        return loss / rows;
    }

    /** Runs {@code steps} Adam steps on the whole batch; returns the loss before each step. */
    static double[] train(Model model, INDArray inputs, int[] labels, int steps, double lr) {
        long p = model.params().length();
        double[] m = new double[(int) p];
        double[] v = new double[(int) p];
        double[] losses = new double[steps];
        for (int step = 0; step < steps; step++) {
            Model.Forward f = model.forward(inputs, true);
            double[][] dl = new double[(int) f.logits().size(0)][(int) f.logits().size(1)];
            losses[step] = crossEntropy(f.logits(), labels, dl);
            model.backward(Nd4j.create(dl).castTo(f.logits().dataType()), null);
            double[] g = model.gradients().toDoubleVector();
            double[] w = model.params().toDoubleVector();
            double c1 = 1 - Math.pow(0.9, step + 1);
            double c2 = 1 - Math.pow(0.999, step + 1);
            for (int i = 0; i < p; i++) {
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
            }
            // In place, as an optimizer does: the model must see the new values on its next forward pass.
            model.params().assign(Nd4j.create(w, new long[] {1, p}, model.params().dataType()));
        }
        return losses;
    }
}
