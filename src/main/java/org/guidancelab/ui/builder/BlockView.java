package org.guidancelab.ui.builder;

import java.util.List;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.guidancelab.arch.LayerInfo;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.LayerType;
import org.guidancelab.ui.model.BlockRef;
import org.guidancelab.ui.model.BlockSummary;
import org.guidancelab.ui.model.DragPayload;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.Lane;
import org.guidancelab.ui.model.Problem;

/**
 * One layer on the canvas: a coloured strip and icon for its kind, its name, key hyper-parameters, output shape
 * and parameter count, and a tap marker (filled when tapped) facing the other lane, where pair lines attach.
 * Blocks are rebuilt on every edit, so a block is a plain picture of one state.
 */
final class BlockView extends VBox {
    static final double WIDTH = 128;

    private final BlockRef ref;
    private final LayerSpec layer;
    private final Circle tap = new Circle(6);

    BlockView(BuilderContext ctx, BlockRef ref, LayerSpec layer, LayerInfo info, List<Problem> problems, boolean selected) {
        this.ref = ref;
        this.layer = layer;
        LayerType type = LayerType.of(layer);
        setId(blockId(ref.lane(), layer.name()));
        getStyleClass().addAll(Styles.BLOCK, Styles.kindClass(type));
        setPrefWidth(WIDTH);
        setMinWidth(WIDTH);
        setMaxWidth(WIDTH);
        Region strip = new Region();
        strip.getStyleClass().add(Styles.BLOCK_STRIP);
        Label typeLabel = new Label(type.jsonName(), LayerIcons.icon(type, 14));
        typeLabel.getStyleClass().add(Styles.BLOCK_TYPE);
        Label name = new Label(layer.name());
        name.getStyleClass().add(Styles.BLOCK_NAME);
        Label detail = new Label(BlockSummary.of(layer));
        detail.getStyleClass().add(Styles.BLOCK_DETAIL);
        Label shapeLabel = new Label(info == null ? "?" : info.shapeText());
        shapeLabel.setId(getId() + "-shape");
        shapeLabel.getStyleClass().add(Styles.BLOCK_SHAPE);
        Label paramsLabel = new Label(info == null ? "" : BlockSummary.count(info.params()) + " params");
        paramsLabel.setId(getId() + "-params");
        paramsLabel.getStyleClass().add(Styles.BLOCK_SHAPE);
        HBox tapRow = new HBox(tap);
        tapRow.setAlignment(Pos.CENTER);
        tap.getStyleClass().add(Styles.TAP);
        tap.setId(getId() + "-tap");
        if (layer.tap()) {
            tap.getStyleClass().add(Styles.TAP_ON);
        }
        if (ref.lane() == Lane.GUIDE) {
            getChildren().addAll(strip, typeLabel, name, detail, shapeLabel, paramsLabel, tapRow);
        } else {
            getChildren().addAll(tapRow, strip, typeLabel, name, detail, shapeLabel, paramsLabel);
        }
        if (selected) {
            getStyleClass().add(Styles.BLOCK_SELECTED);
        }
        String tip = type.jsonName() + ": " + type.explanation();
        if (!problems.isEmpty()) {
            getStyleClass().add(Styles.BLOCK_ERROR);
            tip = problems.stream().map(Problem::message).collect(Collectors.joining("\n")) + "\n\n" + tip;
        }
        Tooltip.install(this, new Tooltip(tip));
        Tooltip.install(tap, new Tooltip(layer.tap()
                ? "Tapped: this output takes part in alignment. Click to untap; drag to a tap of the other lane to pair."
                : "Not tapped. Click to tap this output for alignment."));
        wireSelection(ctx);
        wireDrag(ctx);
        wireTap(ctx);
        setOnContextMenuRequested(e -> {
            ctx.document().selectionProperty().set(ref);
            contextMenu(ctx).show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private javafx.scene.control.ContextMenu contextMenu(BuilderContext ctx) {
        EditActions edits = new EditActions(ctx);
        javafx.scene.control.MenuItem dup = new javafx.scene.control.MenuItem("Duplicate");
        dup.setOnAction(e -> edits.duplicate());
        javafx.scene.control.MenuItem copy = new javafx.scene.control.MenuItem("Copy");
        copy.setOnAction(e -> edits.copy());
        javafx.scene.control.MenuItem tapItem = new javafx.scene.control.MenuItem(layer.tap() ? "Untap" : "Tap for alignment");
        tapItem.setOnAction(e -> ctx.perform(() -> Edits.toggleTap(ctx.document().getSpec(), ref)));
        tapItem.setDisable(layer.withTap(!layer.tap()).equals(layer));
        javafx.scene.control.MenuItem delete = new javafx.scene.control.MenuItem("Delete");
        delete.setOnAction(e -> edits.delete());
        return new javafx.scene.control.ContextMenu(dup, copy, tapItem, delete);
    }

    static String blockId(Lane lane, String layerName) {
        return lane.name().toLowerCase() + "-" + layerName;
    }

    LayerSpec layer() {
        return layer;
    }

    Circle tapMarker() {
        return tap;
    }

    private void wireSelection(BuilderContext ctx) {
        setOnMouseClicked(e -> {
            ctx.document().selectedPairProperty().set(null);
            ctx.document().selectionProperty().set(ref);
            requestFocus();
            e.consume();
        });
    }

    private void wireDrag(BuilderContext ctx) {
        setOnDragDetected(e -> {
            DnD.put(startDragAndDrop(TransferMode.MOVE), DragPayload.block(ref), layer.name());
            e.consume();
        });
        // A new pair or a moved line end may land anywhere on a tapped block of the right lane.
        setOnDragOver(e -> DnD.read(e.getDragboard()).ifPresent(p -> {
            if (isPairDrag(p) && ctx.planner().acceptsOnTap(ctx.document().getSpec(), p, ref.lane(), layer.name())) {
                e.acceptTransferModes(TransferMode.ANY);
                tap.getStyleClass().add(Styles.TAP_DROP);
                e.consume();
            }
        }));
        setOnDragExited(e -> tap.getStyleClass().remove(Styles.TAP_DROP));
        setOnDragDropped(e -> DnD.read(e.getDragboard()).ifPresent(p -> {
            if (isPairDrag(p)) {
                boolean ok = ctx.perform(() -> ctx.planner().dropOnTap(ctx.document().getSpec(), p, ref.lane(), layer.name()));
                e.setDropCompleted(ok);
                e.consume();
            }
        }));
    }

    private static boolean isPairDrag(DragPayload p) {
        return p.kind() == DragPayload.Kind.TAP || p.kind() == DragPayload.Kind.PAIR_END;
    }

    private void wireTap(BuilderContext ctx) {
        tap.setOnMouseClicked(e -> {
            ctx.perform(() -> Edits.toggleTap(ctx.document().getSpec(), ref));
            e.consume();
        });
        tap.setOnDragDetected(e -> {
            if (layer.tap()) {
                DnD.put(tap.startDragAndDrop(TransferMode.ANY), DragPayload.tap(ref.lane(), layer.name()), layer.name());
            }
            e.consume();
        });
    }
}
