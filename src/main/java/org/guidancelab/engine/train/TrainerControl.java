package org.guidancelab.engine.train;

/** Flags other threads set and the training thread reads at every step. */
final class TrainerControl {
    private volatile boolean cancelled;
    private volatile boolean guidanceEnabled = true;

    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
    }

    boolean guidanceEnabled() {
        return guidanceEnabled;
    }

    void setGuidanceEnabled(boolean on) {
        guidanceEnabled = on;
    }
}
