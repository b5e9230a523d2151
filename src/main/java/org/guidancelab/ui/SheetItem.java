package org.guidancelab.ui;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * A row of a property sheet that reads its value from the current spec and writes by running an edit. The edit
 * may refuse the value (IllegalArgumentException); the message then goes to {@code onRefused}, so the sheet shows
 * why in place and the experiment stays as it was.
 */
final class SheetItem implements PropertySheet.Item {
    /** How the value is edited. */
    enum Editor { TEXT, BOOL, CHOICE, READ_ONLY }

    private final String id;
    private final String name;
    private final String category;
    private final String description;
    private final Editor editor;
    private final List<?> choices;
    private final Supplier<Object> getter;
    private final Consumer<Object> setter;
    private final Consumer<String> onRefused;

    SheetItem(String id, String name, String category, String description, Editor editor, List<?> choices,
              Supplier<Object> getter, Consumer<Object> setter, Consumer<String> onRefused) {
        this.id = id;
        this.name = name;
        this.category = category;
        this.description = description;
        this.editor = editor;
        this.choices = choices == null ? List.of() : choices;
        this.getter = getter;
        this.setter = setter;
        this.onRefused = onRefused;
    }

    /** A stable node id for the editor ("prop-units"), so tests and screen readers can find it. */
    String id() {
        return id;
    }

    Editor editor() {
        return editor;
    }

    List<?> choices() {
        return choices;
    }

    @Override public Class<?> getType() { return editor == Editor.BOOL ? Boolean.class : Object.class; }
    @Override public String getCategory() { return category; }
    @Override public String getName() { return name; }
    @Override public String getDescription() { return description; }
    @Override public Object getValue() { return getter.get(); }
    @Override public boolean isEditable() { return editor != Editor.READ_ONLY; }
    @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }

    @Override
    public void setValue(Object value) {
        try {
            setter.accept(value);
            onRefused.accept("");
        } catch (IllegalArgumentException e) {
            onRefused.accept(e.getMessage());
        }
    }
}
