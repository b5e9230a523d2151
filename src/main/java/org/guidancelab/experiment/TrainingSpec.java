package org.guidancelab.experiment;

import java.util.Objects;

/**
 * Hyper-parameters shared by every arm.
 *
 * @param alpha        weight of the guidance term: L = L_task + alpha * sum over pairs (1 - CKA)
 * @param optimizer    Adam, AdamW or SGD (with {@code momentum})
 * @param weightDecay  AdamW's decoupled weight decay (ignored by the others)
 * @param gradClip     clip the global gradient norm to this (0 = off)
 * @param evalInterval validation loss/accuracy and CKA matrices every this many steps
 * @param checkpointInterval a checkpoint per arm every this many steps (0 = only at the end and at a stop); also
 *                           applies to the steps of a guide's training and of the noise pre-phase
 */
public record TrainingSpec(double alpha, OptimizerKind optimizer, double learningRate, double momentum,
                           double weightDecay, double gradClip, int batchSize, int steps, int evalInterval,
                           int checkpointInterval, long seed) {
    public TrainingSpec {
        Objects.requireNonNull(optimizer, "optimizer");
    }

    public static TrainingSpec defaults() {
        return new TrainingSpec(1.0, OptimizerKind.ADAM, 1e-3, 0.9, 0.01, 0.0, 128, 1000, 50, 0, 42L);
    }

    public TrainingSpec withSteps(int s) {
        return new TrainingSpec(alpha, optimizer, learningRate, momentum, weightDecay, gradClip, batchSize, s, evalInterval, checkpointInterval, seed);
    }

    public TrainingSpec withSeed(long s) {
        return new TrainingSpec(alpha, optimizer, learningRate, momentum, weightDecay, gradClip, batchSize, steps, evalInterval, checkpointInterval, s);
    }

    public TrainingSpec withAlpha(double a) {
        return new TrainingSpec(a, optimizer, learningRate, momentum, weightDecay, gradClip, batchSize, steps, evalInterval, checkpointInterval, seed);
    }

    public TrainingSpec withLearningRate(double lr) {
        return new TrainingSpec(alpha, optimizer, lr, momentum, weightDecay, gradClip, batchSize, steps, evalInterval, checkpointInterval, seed);
    }

    public TrainingSpec withBatchSize(int b) {
        return new TrainingSpec(alpha, optimizer, learningRate, momentum, weightDecay, gradClip, b, steps, evalInterval, checkpointInterval, seed);
    }

    public TrainingSpec withOptimizer(OptimizerKind o) {
        return new TrainingSpec(alpha, o, learningRate, momentum, weightDecay, gradClip, batchSize, steps, evalInterval, checkpointInterval, seed);
    }

    public TrainingSpec withEvalInterval(int e) {
        return new TrainingSpec(alpha, optimizer, learningRate, momentum, weightDecay, gradClip, batchSize, steps, e, checkpointInterval, seed);
    }
}
