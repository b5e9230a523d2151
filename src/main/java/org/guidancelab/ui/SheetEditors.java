package org.guidancelab.ui;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors for {@link SheetItem}s. Text commits on Enter or when focus leaves, not per keystroke (ControlsFX's
 * numeric editor commits on every key, which would put "1", "12", "128" on the undo stack and reject the "-" of a
 * number being typed).
 */
final class SheetEditors {
    private SheetEditors() {
    }

    static PropertyEditor<?> create(PropertySheet.Item raw) {
        SheetItem item = (SheetItem) raw;
        switch (item.editor()) {
            case BOOL: return checkBox(item);
            case CHOICE: return choice(item);
            default: return text(item);
        }
    }

    private static PropertyEditor<Object> text(SheetItem item) {
        TextField field = new TextField();
        field.setId(item.id());
        field.setTooltip(new Tooltip(item.getDescription()));
        field.setEditable(item.isEditable());
        Runnable commit = () -> {
            Object now = item.getValue();
            if (!field.getText().equals(now == null ? "" : now.toString())) {
                item.setValue(field.getText());
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && field.getScene() != null) {
                commit.run();
            }
        });
        return editor(field, v -> field.setText(v == null ? "" : v.toString()), field::getText);
    }

    private static PropertyEditor<Object> checkBox(SheetItem item) {
        CheckBox box = new CheckBox();
        box.setId(item.id());
        box.setTooltip(new Tooltip(item.getDescription()));
        box.setOnAction(e -> item.setValue(box.isSelected()));
        return editor(box, v -> box.setSelected(Boolean.TRUE.equals(v)), box::isSelected);
    }

    private static PropertyEditor<Object> choice(SheetItem item) {
        ComboBox<Object> combo = new ComboBox<>();
        combo.setId(item.id());
        combo.getItems().setAll(item.choices());
        combo.setTooltip(new Tooltip(item.getDescription()));
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setOnAction(e -> {
            Object v = combo.getValue();
            if (v != null && !v.equals(item.getValue())) {
                item.setValue(v);
            }
        });
        return editor(combo, combo::setValue, combo::getValue);
    }

    private static PropertyEditor<Object> editor(Node node, java.util.function.Consumer<Object> set,
                                                 java.util.function.Supplier<Object> get) {
        return new PropertyEditor<>() {
            @Override public Node getEditor() { return node; }
            @Override public Object getValue() { return get.get(); }
            @Override public void setValue(Object value) { set.accept(value); }
        };
    }
}
