package org.guidancelab.platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds back the first loading of ND4J's native libraries until the window has drawn its first frames.
 *
 * <p>Why: JavaCPP's {@code Loader.addressof} calls {@code dlclose} from inside a {@code dl_iterate_phdr} callback, so
 * it holds glibc's loader write lock while it asks for the loader lock; a thread in {@code dlopen} takes the two the
 * other way round. JavaFX opens libraries lazily while it draws its first frames (fonts, the graphics pipeline), on its
 * render thread. If ND4J loads at that moment (the status bar's backend detection, or a run started at once) both
 * threads wait for each other forever and the whole JVM hangs (docs/decisions/0016). Once the first frames are drawn
 * JavaFX has its libraries.
 *
 * <p>The gate is open unless the app closed it ({@link #closeUntilOpened}); code about to load ND4J calls
 * {@link #await} first. A gate never opened lets waiters through after {@link #MAX_WAIT_SECONDS}.
 */
public final class NativeLoadGate {
    static final long MAX_WAIT_SECONDS = 10;
    private static volatile CountDownLatch latch = new CountDownLatch(0);

    private NativeLoadGate() {
    }

    /** Closes the gate (before the window is built); {@link #open} lets the waiting loaders through. */
    public static void closeUntilOpened() {
        latch = new CountDownLatch(1);
    }

    /** Opens the gate (once the window's first frames are drawn). */
    public static void open() {
        latch.countDown();
    }

    /** Waits until the gate is open (or {@link #MAX_WAIT_SECONDS} passed); true if it opened. */
    public static boolean await() {
        try {
            return latch.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** True if loaders would pass now. */
    public static boolean isOpen() {
        return latch.getCount() == 0;
    }
}
