package org.guidancelab.ui.builder;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors for {@link SheetItem}s. Text commits on Enter or when focus leaves, not per keystroke (ControlsFX's
 * numeric editor commits on every key, which would put "1", "12", "128" on the undo stack and reject the "-" of a
 * number being typed). Every editor shows a refused value as refused until it is fixed, or reverted with Escape.
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
        field.setEditable(item.isEditable());
        Runnable showInForce = () -> field.setText(text(item.getValue()));
        Runnable commit = () -> {
            if (!field.getText().equals(text(item.shown()))) {
                item.setValue(field.getText());
                if (!item.holdsRefusedValue()) {
                    showInForce.run(); // "0128" entered shows as the 128 in force
                }
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && field.getScene() != null) {
                commit.run();
            }
        });
        prepare(field, item, showInForce, () -> !field.getText().equals(text(item.getValue())));
        return editor(field, v -> field.setText(text(item.shown())), field::getText);
    }

    private static PropertyEditor<Object> checkBox(SheetItem item) {
        CheckBox box = new CheckBox();
        box.setOnAction(e -> item.setValue(box.isSelected()));
        prepare(box, item, () -> box.setSelected(Boolean.TRUE.equals(item.getValue())),
                () -> box.isSelected() != Boolean.TRUE.equals(item.getValue()));
        return editor(box, v -> box.setSelected(Boolean.TRUE.equals(item.shown())), box::isSelected);
    }

    private static PropertyEditor<Object> choice(SheetItem item) {
        ComboBox<Object> combo = new ComboBox<>();
        combo.getItems().setAll(item.choices());
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setOnAction(e -> {
            Object v = combo.getValue();
            if (v != null && !v.equals(item.shown())) {
                item.setValue(v);
            }
        });
        prepare(combo, item, () -> combo.setValue(item.getValue()), () -> !Objects.equals(combo.getValue(), item.getValue()));
        return editor(combo, v -> combo.setValue(item.shown()), combo::getValue);
    }

    /** The id, the mark that follows the field's problems, and Escape back to the value in force. */
    private static void prepare(Control editor, SheetItem item, Runnable showInForce, BooleanSupplier edited) {
        editor.setId(item.id());
        FieldMark.follow(editor, item);
        // a filter, since a text field's own Escape handling would otherwise see the key first
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && (item.holdsRefusedValue() || edited.getAsBoolean())) {
                item.revert();
                showInForce.run();
                e.consume();
            }
        });
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static PropertyEditor<Object> editor(Node node, Consumer<Object> set, Supplier<Object> get) {
        return new PropertyEditor<>() {
            @Override public Node getEditor() { return node; }
            @Override public Object getValue() { return get.get(); }
            @Override public void setValue(Object value) { set.accept(value); }
        };
    }
}
