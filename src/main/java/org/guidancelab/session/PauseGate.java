package org.guidancelab.session;

import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;

/**
 * Pauses training between steps without touching the engine: registered as the last listener, it holds the training
 * thread inside the Step event while paused, so the step has already been written to the run folder and the next one
 * has not begun. {@link #release()} lets a held thread go for good (Stop, window closing), so a cancelled run is never
 * left waiting on a gate nobody will open.
 */
final class PauseGate implements TrainingListener {
    private boolean paused;
    private boolean released;
    private boolean holding;

    synchronized void pause() {
        if (!released) {
            paused = true;
        }
    }

    synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Opens the gate permanently: pause() has no effect afterwards. */
    synchronized void release() {
        released = true;
        paused = false;
        notifyAll();
    }

    synchronized boolean isPaused() {
        return paused;
    }

    /** Whether the training thread is waiting at the gate right now. */
    synchronized boolean isHolding() {
        return holding;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Step) {
            awaitOpen();
        }
    }

    synchronized void awaitOpen() {
        holding = paused;
        try {
            while (paused) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            holding = false;
        }
    }
}
