package org.guidancelab.ui.builder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.guidancelab.arch.LayerInfo;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.imported.GuideCatalog;
import org.guidancelab.experiment.DatasetShape;
import org.guidancelab.experiment.DatasetShapes;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.ui.model.BlockRef;
import org.guidancelab.ui.model.BlockSummary;
import org.guidancelab.ui.model.DragPayload;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.FieldKey;
import org.guidancelab.ui.model.Lane;

/**
 * One network as a horizontal chain of blocks. It is the drop target for palette entries, moved blocks and
 * architecture cards: while dragging, an insertion marker shows the gap the drop will land in. Network and
 * experiment files dropped from the file manager are handed to {@link FileDrops}.
 */
final class LaneView extends VBox {
    private static final double GAP = 10;

    private final BuilderContext ctx;
    private final Lane lane;
    private final Label title = new Label();
    private final Label summary = new Label();
    private final HBox row = new HBox(GAP);
    private final Region marker = new Region();
    private final List<BlockView> blocks = new ArrayList<>();
    private final FileDrops fileDrops;

    LaneView(BuilderContext ctx, Lane lane, FileDrops fileDrops) {
        this.ctx = ctx;
        this.lane = lane;
        this.fileDrops = fileDrops;
        setId(lane.name().toLowerCase() + "-lane");
        getStyleClass().add(Styles.LANE);
        title.setText(lane.label());
        title.getStyleClass().add(Styles.LANE_TITLE);
        Tooltip.install(title, new Tooltip(lane.explanation()));
        summary.getStyleClass().add(Styles.HINT_TEXT);
        HBox header = new HBox(title, summary);
        header.getStyleClass().add(Styles.LANE_HEADER);
        marker.getStyleClass().add(Styles.INSERT_MARKER);
        marker.setManaged(false);
        marker.setVisible(false);
        marker.setId(getId() + "-marker");
        Pane holder = new Pane(row, marker);
        VBox.setVgrow(holder, Priority.ALWAYS);
        getChildren().addAll(header, holder);
        wireDrops();
        ExperimentDocument doc = ctx.document();
        doc.specProperty().addListener((o, a, b) -> rebuild());
        doc.selectionProperty().addListener((o, a, b) -> rebuild());
        // a value refused in a block's field marks the block without changing the spec
        doc.rejectedFields().addListener((ListChangeListener<FieldKey>) c -> rebuild());
        rebuild();
    }

    Lane lane() {
        return lane;
    }

    List<BlockView> blocks() {
        return blocks;
    }

    /** The tap marker of layer {@code name}: a block's, or an imported guide's read-only block's; null if none. */
    Circle tapMarker(String name) {
        for (BlockView b : blocks) {
            if (b.layer().name().equals(name)) {
                return b.tapMarker();
            }
        }
        return (Circle) row.lookup("#imported-" + name + "-tap");
    }

    private void rebuild() {
        ExperimentDocument doc = ctx.document();
        ExperimentSpec spec = doc.getSpec();
        NetworkSpec net = lane.network(spec);
        if (net.isImported()) {
            rebuildImported(spec, net);
            return;
        }
        NetworkAnalysis analysis = doc.analysis(lane);
        blocks.clear();
        for (int i = 0; i < net.size(); i++) {
            LayerInfo info = i < analysis.layers().size() ? analysis.layers().get(i) : null;
            BlockRef ref = new BlockRef(lane, i);
            blocks.add(new BlockView(ctx, ref, net.layer(i), info, doc.problemsAbout(lane, i), ref.equals(doc.selectionProperty().get())));
        }
        row.getChildren().setAll(blocks);
        summary.setText(net.name() + "  ·  " + net.size() + " layers  ·  " + BlockSummary.count(analysis.totalParams())
                + " parameters  ·  " + net.tapNames().size() + " taps");
    }

    /** A guide read from a file: its layers as a read-only chain (listed once per file version). */
    private void rebuildImported(ExperimentSpec spec, NetworkSpec net) {
        blocks.clear();
        List<Integer> data = null;
        try {
            DatasetShape d = DatasetShapes.of(spec.dataset());
            data = d.tokens() ? null : d.inputShape();
        } catch (DatasetShapes.ParamProblem p) {
            // the dataset's own problem is listed under Problems; the file is still shown
        }
        GuideCatalog.Entry e = GuideCatalog.describe(net.imported().path(), data);
        row.getChildren().setAll(ImportedChain.blocks(net, e));
        summary.setText(net.name() + "  ·  read from " + net.imported().path().getFileName() + "  ·  "
                + (e.ok() ? e.layers().size() + " layers  ·  " + BlockSummary.count(e.layers().stream().mapToLong(l -> l.params()).sum())
                + " parameters  ·  " : "") + net.tapNames().size() + " taps  ·  frozen, read-only");
    }

    /** The gap a drop at {@code x} (in this lane's coordinates) lands in: the number of block centres left of it. */
    int gapAt(double x) {
        double rowX = row.sceneToLocal(localToScene(x, 0)).getX();
        int gap = 0;
        for (BlockView b : blocks) {
            if (b.getBoundsInParent().getCenterX() < rowX) {
                gap++;
            }
        }
        return gap;
    }

    private void showMarker(int gap) {
        double x;
        if (blocks.isEmpty()) {
            x = 0;
        } else if (gap >= blocks.size()) {
            x = blocks.get(blocks.size() - 1).getBoundsInParent().getMaxX() + GAP / 2;
        } else {
            x = blocks.get(gap).getBoundsInParent().getMinX() - GAP / 2;
        }
        marker.resizeRelocate(x - 2, 0, 4, Math.max(row.getHeight(), 60));
        marker.setVisible(true);
    }

    private void wireDrops() {
        setOnDragOver(e -> {
            Optional<DragPayload> p = DnD.read(e.getDragboard());
            boolean readOnly = lane.network(ctx.document().getSpec()).isImported()
                    && p.isPresent() && p.get().kind() != DragPayload.Kind.ARCHITECTURE; // a whole network may replace it
            if (p.isPresent() && !readOnly && ctx.planner().acceptsOnLane(p.get())) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                if (p.get().kind() == DragPayload.Kind.ARCHITECTURE) {
                    highlight(true);
                } else {
                    showMarker(gapAt(e.getX()));
                }
                e.consume();
            } else if (p.isEmpty() && e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
                highlight(true);
                e.consume();
            }
        });
        setOnDragExited(e -> clearFeedback());
        setOnDragDropped(this::dropped);
    }

    private void dropped(DragEvent e) {
        clearFeedback();
        Optional<DragPayload> p = DnD.read(e.getDragboard());
        if (p.isPresent()) {
            int gap = gapAt(e.getX());
            boolean ok = ctx.perform(() -> ctx.planner().dropOnLane(ctx.document().getSpec(), p.get(), lane, gap));
            e.setDropCompleted(ok);
            e.consume();
        } else if (e.getDragboard().hasFiles()) {
            e.setDropCompleted(fileDrops.dropOnLane(e.getDragboard().getFiles(), lane));
            e.consume();
        }
    }

    private void highlight(boolean on) {
        getStyleClass().remove(Styles.LANE_DROP);
        if (on) {
            getStyleClass().add(Styles.LANE_DROP);
        }
    }

    private void clearFeedback() {
        marker.setVisible(false);
        highlight(false);
    }
}
