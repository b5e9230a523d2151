package org.guidancelab.engine.optim;

import java.nio.FloatBuffer;
import java.util.List;

/** SGD with (PyTorch-style) momentum: {@code buf = mu * buf + g; p -= lr * buf}; mu = 0 is plain SGD. */
public final class Sgd implements Optimizer {
    private final double lr;
    private final double momentum;
    private final float[] buf;
    private long t;

    public Sgd(int size, double learningRate, double momentum) {
        this.lr = learningRate;
        this.momentum = momentum;
        this.buf = new float[size];
    }

    @Override
    public void step(FloatBuffer params, FloatBuffer grads) {
        float mu = (float) momentum;
        float rate = (float) lr;
        boolean first = t == 0;
        for (int i = 0; i < buf.length; i++) {
            float g = grads.get(i);
            // PyTorch initialises the buffer with the first gradient rather than decaying zeros into it.
            float b = first ? g : mu * buf[i] + g;
            buf[i] = b;
            params.put(i, params.get(i) - rate * b);
        }
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
