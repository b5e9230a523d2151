package org.guidancelab.engine.train;

/**
 * Receives training events on the training thread. Keep it quick: copy what you keep and hand heavy work to another
 * thread (the UI buffers and draws once per frame). An exception thrown here fails the current arm.
 */
@FunctionalInterface
public interface TrainingListener {
    void onEvent(TrainingEvent event);
}
