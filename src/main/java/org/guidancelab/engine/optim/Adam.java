package org.guidancelab.engine.optim;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Adam (Kingma and Ba) with bias correction, beta1 0.9, beta2 0.999, eps 1e-8 as in PyTorch; with a positive
 * {@code weightDecay} it is AdamW (Loshchilov and Hutter): the decay is applied to the parameters directly
 * ({@code p -= lr * wd * p}), decoupled from the adaptive step, not added to the gradient.
 */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double lr;
    private final double weightDecay;
    private final float[] m;
    private final float[] v;
    private final float[] p;
    private final float[] g;
    private long t;

    public Adam(int size, double learningRate, double weightDecay) {
        this.lr = learningRate;
        this.weightDecay = weightDecay;
        this.m = new float[size];
        this.v = new float[size];
        // Heap copies of the native buffers: one bulk copy each way lets the JIT run the loop at memory speed.
        this.p = new float[size];
        this.g = new float[size];
    }

    @Override
    public void step(FloatBuffer params, FloatBuffer grads) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        float stepSize = (float) (lr / c1);
        float sqrtC2 = (float) Math.sqrt(c2);
        float decay = (float) (1 - lr * weightDecay);
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float eps = (float) EPS;
        grads.get(0, g);
        params.get(0, p);
        if (weightDecay != 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] *= decay;
            }
        }
        // No branch inside: the JIT vectorises this loop (square root and divide included).
        for (int i = 0; i < m.length; i++) {
            float gi = g[i];
            float mi = b1 * m[i] + (1 - b1) * gi;
            float vi = b2 * v[i] + (1 - b2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            // p -= lr * m_hat / (sqrt(v_hat) + eps), with m_hat = m/c1, sqrt(v_hat) = sqrt(v)/sqrt(c2).
            p[i] = p[i] - stepSize * mi / ((float) Math.sqrt(vi) / sqrtC2 + eps);
        }
        params.put(0, p);
    }

    @Override
    public int size() {
        return m.length;
    }

    @Override
    public OptimizerState exportState() {
        return new OptimizerState(kind(), t, List.of(m, v));
    }

    @Override
    public void importState(OptimizerState state) {
        Optimizers.checkState(state, kind(), 2, m.length);
        List<float[]> s = state.slots();
        System.arraycopy(s.get(0), 0, m, 0, m.length);
        System.arraycopy(s.get(1), 0, v, 0, v.length);
        t = state.updates();
    }

    private String kind() {
        return weightDecay != 0 ? "adamw" : "adam";
    }
}
