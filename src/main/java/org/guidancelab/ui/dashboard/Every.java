package org.guidancelab.ui.dashboard;

/**
 * "At most once every N nanoseconds", for work done from the per-frame timer. Each change a frame makes to the
 * scene costs a render, and with software rendering on Linux every rendered frame is uploaded whole to the X
 * server: a status line rewritten at every frame alone kept the render thread and the X server busy 60 times a
 * second while a run streamed.
 */
final class Every {
    private final long intervalNanos;
    private long last;
    private boolean started;

    Every(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive, was " + intervalNanos);
        }
        this.intervalNanos = intervalNanos;
    }

    /** True (and counts it as done now) if the interval has passed since the last time it was due; true at first. */
    boolean due(long nowNanos) {
        if (started && nowNanos - last < intervalNanos) {
            return false;
        }
        started = true;
        last = nowNanos;
        return true;
    }

    /** The next {@link #due} is true whatever the time (e.g. after a pause or a new run). */
    void reset() {
        started = false;
    }
}
