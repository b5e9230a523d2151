package org.guidancelab.ui.builder;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.guidancelab.arch.LayerType;
import org.guidancelab.ui.model.DragPayload;

/** The layer types, each draggable into a lane; the tooltip explains the type in a sentence. */
final class PaletteView extends VBox {
    PaletteView() {
        setSpacing(1);
        setId("palette");
        Label title = new Label("Layers");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        getChildren().add(title);
        for (LayerType t : LayerType.values()) {
            getChildren().add(item(t));
        }
    }

    static String itemId(LayerType t) {
        return "palette-" + t.jsonName();
    }

    private static Label item(LayerType t) {
        Label l = new Label(t.jsonName(), LayerIcons.icon(t, 16));
        l.setId(itemId(t));
        l.getStyleClass().addAll(Styles.PALETTE_ITEM, Styles.kindClass(t));
        l.setMaxWidth(Double.MAX_VALUE);
        Tooltip tip = new Tooltip(t.explanation() + "\nDrag it into the guide or the target.");
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        l.setTooltip(tip);
        l.setOnDragDetected(e -> {
            DnD.put(l.startDragAndDrop(TransferMode.COPY), DragPayload.palette(t), t.jsonName());
            e.consume();
        });
        return l;
    }
}
