package org.guidancelab.ui.builder;

import java.util.Optional;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import org.guidancelab.ui.model.DragPayload;

/** The app's own drag-and-drop format: drags inside the app carry a {@link DragPayload} under it. */
public final class DnD {
    /** Created once per JVM (JavaFX refuses a second DataFormat with the same id). */
    public static final DataFormat FORMAT = new DataFormat("application/x-guidancelab-drag");

    private DnD() {
    }

    public static void put(Dragboard db, DragPayload payload, String text) {
        ClipboardContent c = new ClipboardContent();
        c.put(FORMAT, payload.encode());
        c.putString(text);
        db.setContent(c);
    }

    public static Optional<DragPayload> read(Dragboard db) {
        return db.hasContent(FORMAT) ? DragPayload.decode(db.getContent(FORMAT)) : Optional.empty();
    }
}
