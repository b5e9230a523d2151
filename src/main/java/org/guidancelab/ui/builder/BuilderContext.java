package org.guidancelab.ui.builder;

import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.ui.model.Command;
import org.guidancelab.ui.model.DropPlanner;
import org.guidancelab.ui.model.ExperimentDocument;

/**
 * What the builder's views share: the document they edit, the drop planner, the layer clipboard and a message
 * line for edits that were refused (shown in the status bar, so a refused drop is never silent).
 */
public final class BuilderContext {
    private final ExperimentDocument document;
    private final DropPlanner planner;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private LayerSpec clipboard;

    public BuilderContext(ExperimentDocument document, DropPlanner planner) {
        this.document = document;
        this.planner = planner;
    }

    public ExperimentDocument document() {
        return document;
    }

    public DropPlanner planner() {
        return planner;
    }

    /** Runs an edit built by {@code edit}; a refused edit (IllegalArgumentException) becomes the message. */
    public boolean perform(java.util.function.Supplier<Optional<Command>> edit) {
        try {
            Optional<Command> c = edit.get();
            c.ifPresent(document::execute);
            message.set(c.map(x -> x.label()).orElse(""));
            return true;
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return false;
        }
    }

    public void say(String text) {
        message.set(text);
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public Optional<LayerSpec> clipboard() {
        return Optional.ofNullable(clipboard);
    }

    public void copy(LayerSpec layer) {
        clipboard = layer;
    }
}
