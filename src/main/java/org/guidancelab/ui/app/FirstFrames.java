package org.guidancelab.ui.app;

import javafx.animation.AnimationTimer;
import org.guidancelab.platform.NativeLoadGate;

/**
 * Opens the {@link NativeLoadGate} once the shown window has drawn a few frames: each pulse waits for the previous
 * frame's rendering, so by then JavaFX has loaded what its first frames needed.
 */
public final class FirstFrames {
    /** About a fifth of a second at 60 frames a second. */
    static final int BEFORE_NATIVE_LOADING = 12;

    private FirstFrames() {
    }

    /** Starts counting frames (FX thread); the gate opens after {@link #BEFORE_NATIVE_LOADING} of them. */
    public static void openNativeLoading() {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames >= BEFORE_NATIVE_LOADING) {
                    stop();
                    NativeLoadGate.open();
                }
            }
        }.start();
    }
}
