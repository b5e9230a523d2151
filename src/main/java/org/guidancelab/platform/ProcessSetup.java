package org.guidancelab.platform;

/**
 * The process set-up every entry point runs: {@code Main}, the test launcher and a worker in another JVM (which never
 * runs {@code Main}). JavaCPP and ND4J read their settings once, when their native libraries load, so
 * {@link #prepare()} must come first; {@link #startNative} loads them, after {@code prepare()} and through the
 * {@link NativeLoadGate}, so code that starts ND4J here cannot get the order wrong.
 *
 * <pre>{@code
 * ProcessSetup.prepare();                               // first thing in main(), before any ND4J class loads
 * BackendInfo backend = ProcessSetup.startNative(1);    // loads ND4J with one compute thread
 * }</pre>
 */
public final class ProcessSetup {
    private static boolean prepared;

    private ProcessSetup() {
    }

    /**
     * Bounds JavaCPP's native memory and chooses the native build of ND4J; once per process (later calls return at
     * once).
     *
     * @throws IllegalStateException when ND4J's or JavaCPP's native libraries are already loaded, since neither
     *                               setting could take effect any more
     */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        NativeLibraries.requireNotLoaded();
        NativeMemoryLimit.applyDefault();
        NativeBuild.applyDefault();
        prepared = true;
    }

    /** Whether {@link #prepare()} ran in this process. */
    public static synchronized boolean isPrepared() {
        return prepared;
    }

    /**
     * Loads ND4J (prepared first, and once the native-load gate is open) and sets its compute threads for the process
     * and the calling thread.
     *
     * @throws BackendUnavailableException when ND4J's backend cannot start, with advice in words
     */
    public static BackendInfo startNative(int threads) {
        startNative();
        ComputeThreads.set(threads);
        return Backends.detect();
    }

    /** Loads ND4J (prepared first, and once the native-load gate is open), keeping its thread settings. */
    public static BackendInfo startNative() {
        prepare();
        NativeLoadGate.await();
        return Backends.detect();
    }

    /** Java2D without a display, for drawing figures from the command line; unless the user chose otherwise. */
    public static void headlessGraphics() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
