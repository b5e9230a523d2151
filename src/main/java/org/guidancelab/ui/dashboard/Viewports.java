package org.guidancelab.ui.dashboard;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * ScrollPane's skin caches its viewport as a bitmap (it sets {@code cache=true} on the ".viewport" node), so any change
 * inside it, such as a new heatmap image, makes the render thread re-render the whole viewport into that bitmap
 * first, which in software rendering takes several frames for a panel the size of the dashboard's side panel.
 * Content that changes while a run streams needs the cache off.
 */
final class Viewports {
    private Viewports() {
    }

    /** {@code pane}, with its viewport drawn directly (now if its skin exists, else as soon as it does). */
    static ScrollPane uncached(ScrollPane pane) {
        pane.skinProperty().addListener((o, old, skin) -> uncache(pane));
        uncache(pane);
        return pane;
    }

    private static void uncache(ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        if (viewport != null) {
            viewport.setCache(false);
        }
    }

    /** Whether the pane's viewport (once skinned) is drawn directly. */
    static boolean isUncached(ScrollPane pane) {
        Node viewport = pane.lookup(".viewport");
        return viewport != null && !viewport.isCache();
    }
}
