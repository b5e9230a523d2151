package org.guidancelab.session;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (a JVM shutdown) runs {@code stop} (cancel the trainer: it stops between steps and the arm checkpoints), then
 * waits until {@link #close()} says the work has wound down, so run folders are never cut mid-write. Shared by the
 * {@code run}, {@code resume} and {@code reproduce} commands.
 */
public final class StopOnShutdown implements AutoCloseable {
    private static final long WAIT_SECONDS = 60;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    public StopOnShutdown(Runnable stop) {
        hook = new Thread(() -> {
            stop.run();
            try {
                done.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "guidance-lab-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is running and waits on 'done', which is now open
        }
    }
}
