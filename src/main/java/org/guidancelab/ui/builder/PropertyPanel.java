package org.guidancelab.ui.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PropertySheet;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.ui.model.BlockRef;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.FieldEdit;
import org.guidancelab.ui.model.FieldHelp;
import org.guidancelab.ui.model.FieldKey;
import org.guidancelab.ui.model.Lane;
import org.guidancelab.ui.model.LayerField;
import org.guidancelab.ui.model.Problem;

/**
 * The property editor of the selected block: every field of its layer record, edited in place. A refused value
 * (negative units, a kernel larger than its input) leaves the experiment unchanged; its field stays marked and
 * the reasons for this block's fields show under the sheet until it is fixed or reverted.
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
        doc.selectionProperty().addListener((o, a, b) -> rebuild());
        doc.specProperty().addListener((o, a, b) -> rebuild());
        doc.problems().addListener((ListChangeListener<Problem>) c -> showReasons());
        rebuild();
    }

    /** The problems of the selected block (among them values refused in its fields). */
    private void showReasons() {
        BlockRef ref = ctx.document().selectionProperty().get();
        error.setText(ref == null ? "" : ctx.document().problemsAbout(ref.lane(), ref.index()).stream()
                .map(Problem::message).collect(Collectors.joining("\n")));
    }

    private void rebuild() {
        BlockRef ref = ctx.document().selectionProperty().get();
        if (ref == null) {
            heading.setText("No block selected");
            explanation.setText("Click a block to edit it; drag layers from the palette into a lane.");
            sheet.getItems().clear();
            showReasons();
            return;
        }
        LayerSpec layer = ref.lane().network(ctx.document().getSpec()).layer(ref.index());
        LayerType type = LayerType.of(layer);
        heading.setText(type.jsonName() + " '" + layer.name() + "' in the " + ref.lane().label().toLowerCase());
        explanation.setText(type.explanation());
        List<PropertySheet.Item> items = new ArrayList<>();
        for (LayerField f : LayerField.of(layer)) {
            items.add(item(ref.lane(), layer, f));
        }
        sheet.getItems().setAll(items);
        showReasons();
    }

    private SheetItem item(Lane lane, LayerSpec layer, LayerField f) {
        SheetItem.Editor editor;
        List<?> choices = null;
        switch (f.kind()) {
            case BOOL: editor = SheetItem.Editor.BOOL; break;
            case ENUM: editor = SheetItem.Editor.CHOICE; choices = List.of(f.type().getEnumConstants()); break;
            case BLOCK: editor = SheetItem.Editor.READ_ONLY; break;
            default: editor = SheetItem.Editor.TEXT;
        }
        String name = f.name();
        FieldKey key = FieldKey.layer(lane, layer.name(), name);
        // the edit finds the block by name in the spec it is given, so a refused value can be retried after a move
        FieldEdit edit = (spec, v) -> Edits.editField(spec, key.block(spec).orElseThrow(
                () -> new IllegalArgumentException(lane.label().toLowerCase() + " has no layer '" + layer.name() + "'")), name, v);
        return new SheetItem("prop-" + name, name, FieldHelp.of(name), editor, choices,
                () -> f.kind() == LayerField.Kind.BOOL || f.kind() == LayerField.Kind.ENUM ? f.get(layer) : f.display(layer),
                key, edit, ctx.document());
    }
}
