package org.guidancelab.ui.builder;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import org.controlsfx.control.PropertySheet;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.FieldEdit;
import org.guidancelab.ui.model.FieldKey;
import org.guidancelab.ui.model.Problem;

/**
 * A row of a property sheet: it reads the value in force from the current spec and hands what the user enters to
 * {@link ExperimentDocument#enter}, which puts it in force or keeps it as the field's refused value. Its editor
 * shows the refused value while there is one, and is marked while any problem names its field.
 */
final class SheetItem implements PropertySheet.Item {
    /** How the value is edited. */
    enum Editor { TEXT, BOOL, CHOICE, READ_ONLY }

    private final String id;
    private final String name;
    private final String description;
    private final Editor editor;
    private final List<?> choices;
    private final Supplier<Object> getter;
    private final FieldKey key;
    private final FieldEdit edit;
    private final ExperimentDocument doc;

    SheetItem(String id, String name, String description, Editor editor, List<?> choices, Supplier<Object> getter,
              FieldKey key, FieldEdit edit, ExperimentDocument doc) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.editor = editor;
        this.choices = choices == null ? List.of() : choices;
        this.getter = getter;
        this.key = key;
        this.edit = edit;
        this.doc = doc;
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

    /** What the editor shows: the refused value while there is one, else the value in force. */
    Object shown() {
        return doc.rejectedValue(key).orElseGet(getter);
    }

    boolean holdsRefusedValue() {
        return doc.rejectedValue(key).isPresent();
    }

    /** Back to the value in force (Escape). */
    void revert() {
        doc.revert(key);
    }

    /** The problems naming this field (a refused value, or the validator's about the value in force). */
    List<Problem> problems() {
        return doc.problemsAbout(key);
    }

    /** Every problem of the experiment, for editors that follow them. */
    ObservableList<Problem> allProblems() {
        return doc.problems();
    }

    @Override public Class<?> getType() { return editor == Editor.BOOL ? Boolean.class : Object.class; }
    @Override public String getCategory() { return key.isLayerField() ? "Layer" : key.owner(); }
    @Override public String getName() { return name; }
    @Override public String getDescription() { return description; }
    @Override public Object getValue() { return getter.get(); }
    @Override public boolean isEditable() { return editor != Editor.READ_ONLY; }
    @Override public Optional<ObservableValue<? extends Object>> getObservableValue() { return Optional.empty(); }

    @Override
    public void setValue(Object value) {
        doc.enter(key, value, edit);
    }
}
