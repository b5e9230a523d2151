package org.guidancelab.engine.optim;

import java.nio.FloatBuffer;
import java.util.List;

/** SGD with (PyTorch-style) momentum: {@code buf = mu * buf + g; p -= lr * buf}; mu = 0 is plain SGD. */
public final class Sgd implements Optimizer {
    private final double lr;
    private final double momentum;
    private final float[] buf;
    /** Heap copies of parameters and gradients: bulk copies instead of 3 x P direct-buffer calls (as Adam). */
    private final float[] pScratch;
    private final float[] gScratch;
    private long t;

    public Sgd(int size, double learningRate, double momentum) {
        this.lr = learningRate;
        this.momentum = momentum;
        this.buf = new float[size];
        this.pScratch = new float[size];
        this.gScratch = new float[size];
    }

    @Override
    public void step(FloatBuffer params, FloatBuffer grads) {
        float mu = (float) momentum;
        float rate = (float) lr;
        boolean first = t == 0;
        float[] ps = pScratch;
        float[] gs = gScratch;
        grads.get(0, gs);
        params.get(0, ps);
        for (int i = 0; i < buf.length; i++) {
            float g = gs[i];
            // PyTorch initialises the buffer with the first gradient rather than decaying zeros into it.
            float b = first ? g : mu * buf[i] + g;
            buf[i] = b;
            ps[i] -= rate * b;
        }
        params.put(0, ps);
        t++;
    }

    @Override
    public int size() {
        return buf.length;
    }

    @Override
    public OptimizerState exportState() {
        return new OptimizerState("sgd", t, List.of(buf));
    }

    @Override
    public void importState(OptimizerState state) {
        Optimizers.checkState(state, "sgd", 1, buf.length);
        System.arraycopy(state.slots().get(0), 0, buf, 0, buf.length);
        t = state.updates();
    }
}
