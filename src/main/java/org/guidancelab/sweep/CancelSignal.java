package org.guidancelab.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks work under way to stop between steps (Ctrl-C, a Stop button, a cluster cancelling a task). Work registers what
 * stops it ({@link #onCancel}); cancelling runs every registered action once, and an action registered after the
 * cancel runs at once. Thread-safe.
 */
public final class CancelSignal {
    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            run = new ArrayList<>(actions);
        }
        run.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} when cancelled (now, if already); closing the handle unregisters it. */
    public Registration onCancel(Runnable action) {
        boolean now;
        synchronized (this) {
            now = cancelled;
            if (!now) {
                actions.add(action);
            }
        }
        if (now) {
            action.run();
        }
        return () -> {
            synchronized (this) {
                actions.remove(action);
            }
        };
    }

    /** An action registered with {@link #onCancel}. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
