package org.guidancelab.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.ui.model.BlockRef;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.FieldHelp;
import org.guidancelab.ui.model.LayerField;

/**
 * The property editor of the selected block: every field of its layer record, edited in place. A refused value
 * (negative units, a kernel larger than its input) leaves the experiment unchanged and shows the reason under
 * the sheet.
 */
final class PropertyPanel extends VBox {
    private final BuilderContext ctx;
    private final Label heading = new Label("No block selected");
    private final Label explanation = new Label("Click a block to edit it; drag layers from the palette into a lane.");
    private final Label error = new Label();
    private final PropertySheet sheet = new PropertySheet();

    PropertyPanel(BuilderContext ctx) {
        this.ctx = ctx;
        setId("property-panel");
        setSpacing(4);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        explanation.setWrapText(true);
        explanation.getStyleClass().add(Styles.HINT_TEXT);
        error.setId("property-error");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.ERROR_TEXT);
        sheet.setModeSwitcherVisible(false);
        sheet.setSearchBoxVisible(false);
        sheet.setMode(PropertySheet.Mode.NAME);
        sheet.setPropertyEditorFactory(SheetEditors::create);
        getChildren().addAll(heading, explanation, sheet, error);
        ExperimentDocument doc = ctx.document();
        doc.selectionProperty().addListener((o, a, b) -> {
            error.setText("");
            rebuild();
        });
        // any edit redraws the fields from the spec, so a message about a refused value no longer applies
        doc.specProperty().addListener((o, a, b) -> {
            error.setText("");
            rebuild();
        });
        rebuild();
    }

    private void rebuild() {
        BlockRef ref = ctx.document().selectionProperty().get();
        if (ref == null) {
            heading.setText("No block selected");
            explanation.setText("Click a block to edit it; drag layers from the palette into a lane.");
            sheet.getItems().clear();
            return;
        }
        LayerSpec layer = ref.lane().network(ctx.document().getSpec()).layer(ref.index());
        LayerType type = LayerType.of(layer);
        heading.setText(type.jsonName() + " '" + layer.name() + "' in the " + ref.lane().label().toLowerCase());
        explanation.setText(type.explanation());
        List<PropertySheet.Item> items = new ArrayList<>();
        for (LayerField f : LayerField.of(layer)) {
            items.add(item(ref, layer, f));
        }
        sheet.getItems().setAll(items);
    }

    private SheetItem item(BlockRef ref, LayerSpec layer, LayerField f) {
        SheetItem.Editor editor;
        List<?> choices = null;
        switch (f.kind()) {
            case BOOL: editor = SheetItem.Editor.BOOL; break;
            case ENUM: editor = SheetItem.Editor.CHOICE; choices = List.of(f.type().getEnumConstants()); break;
            case BLOCK: editor = SheetItem.Editor.READ_ONLY; break;
            default: editor = SheetItem.Editor.TEXT;
        }
        String name = f.name();
        return new SheetItem("prop-" + name, name, "Layer", FieldHelp.of(name), editor, choices,
                () -> f.kind() == LayerField.Kind.BOOL || f.kind() == LayerField.Kind.ENUM ? f.get(layer) : f.display(layer),
                v -> ctx.document().execute(Edits.editField(ctx.document().getSpec(), ref, name, v)),
                error::setText);
    }
}
