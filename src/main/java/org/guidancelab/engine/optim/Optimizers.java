package org.guidancelab.engine.optim;

import org.guidancelab.experiment.TrainingSpec;

/** Builds the optimizer a training spec names. */
public final class Optimizers {
    private Optimizers() {
    }

    public static Optimizer create(TrainingSpec training, int size) {
        switch (training.optimizer()) {
            case ADAM:
                return new Adam(size, training.learningRate(), 0.0);
            case ADAMW:
                return new Adam(size, training.learningRate(), training.weightDecay());
            case SGD:
                return new Sgd(size, training.learningRate(), training.momentum());
            default:
                throw new IllegalArgumentException("unknown optimizer " + training.optimizer());
        }
    }

    static void checkState(OptimizerState state, String kind, int slots, int size) {
        if (!state.kind().equals(kind) || state.slots().size() != slots) {
            throw new IllegalArgumentException("optimizer state of kind '" + state.kind() + "' with " + state.slots().size()
                    + " slots cannot be loaded into a '" + kind + "' optimizer");
        }
        for (float[] s : state.slots()) {
            if (s.length != size) {
                throw new IllegalArgumentException("optimizer state has " + s.length + " values per slot, the model has " + size + " parameters");
            }
        }
    }
}
