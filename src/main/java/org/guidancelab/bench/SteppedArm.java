package org.guidancelab.bench;

import java.util.concurrent.Semaphore;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * One bench mode's trainer on a thread of its own, run a block of task steps at a time: after each block its step
 * listener waits until the next block is asked for, so two modes can alternate in one process with only one of them
 * computing at any moment. A block's time runs from the end of the step before it to the end of its last step, as
 * seen on the training thread (the hand-over between threads is not in it); the first block also carries the arm's
 * start (models, guide cache, the "before" heatmap), so it belongs in the warm-up.
 */
final class SteppedArm implements AutoCloseable {
    private final Trainer trainer;
    private final Thread thread;
    private final Semaphore go = new Semaphore(0);
    private final Semaphore done = new Semaphore(0);
    private volatile int remaining;
    private volatile long blockStart;
    private volatile long blockEnd;
    private volatile String failure;
    private volatile boolean ended;

    SteppedArm(String name, ExperimentSpec spec, TaskData data, TrainerOptions options) {
        this.trainer = new Trainer(spec, data, options);
        trainer.addListener(e -> {
            if (e instanceof TrainingEvent.Step s && s.phase() == Phase.TASK) {
                if (--remaining == 0) {
                    blockEnd = System.nanoTime();
                    done.release();
                    go.acquireUninterruptibly();
                    blockStart = System.nanoTime();
                }
            } else if (e instanceof TrainingEvent.ArmFailed f) {
                failure = f.message();
            }
        });
        this.thread = new Thread(() -> {
            try {
                go.acquireUninterruptibly();
                blockStart = System.nanoTime();
                trainer.run();
            } catch (RuntimeException | Error e) {
                failure = String.valueOf(e);
            } finally {
                ended = true;
                done.release();
            }
        }, "bench-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs the next {@code steps} task steps (at least 1) and returns their wall time in seconds. */
    double advance(int steps) {
        if (steps < 1) {
            throw new IllegalArgumentException("a block needs at least one step");
        }
        if (ended) {
            throw new IllegalStateException(failure != null ? failure : "the bench arm has ended");
        }
        remaining = steps;
        go.release();
        done.acquireUninterruptibly();
        if (ended) {
            throw new IllegalStateException(failure != null ? failure : "the bench arm ended before its block did");
        }
        return (blockEnd - blockStart) / 1e9;
    }

    /** Stops the trainer at its next step and waits for its thread. */
    @Override
    public void close() {
        trainer.cancel();
        remaining = Integer.MAX_VALUE;
        go.release();
        try {
            thread.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
