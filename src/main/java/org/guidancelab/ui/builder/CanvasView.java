package org.guidancelab.ui.builder;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.ui.model.DragPayload;
import org.guidancelab.ui.model.Edits;
import org.guidancelab.ui.model.Lane;

/**
 * The centre of the builder, after the paper's overview figure: the guide lane above, the target lane below, and
 * a line from each guide tap to the target tap it is aligned with. Clicking a line selects it; the selected line
 * shows handles at both ends that can be dragged onto another tap of the same lane; Delete removes it.
 */
final class CanvasView extends ScrollPane {
    private static final double PAD = 16;
    private static final double LANE_GAP = 90;
    private static final double END_GAP = 9;

    private final BuilderContext ctx;
    private final LaneView guide;
    private final LaneView target;
    private final Group lines = new Group();
    private final Content content = new Content();

    CanvasView(BuilderContext ctx, FileDrops fileDrops) {
        this.ctx = ctx;
        this.guide = new LaneView(ctx, Lane.GUIDE, fileDrops);
        this.target = new LaneView(ctx, Lane.TARGET, fileDrops);
        setId("canvas");
        getStyleClass().add(Styles.CANVAS);
        content.getStyleClass().add(Styles.CANVAS);
        content.getChildren().addAll(guide, target, lines);
        setContent(content);
        // a click on the empty canvas (not on a block or a line, which consume theirs) clears the selection
        content.setOnMouseClicked(e -> {
            ctx.document().selectionProperty().set(null);
            ctx.document().selectedPairProperty().set(null);
        });
        setFitToHeight(true);
        setPannable(false);
        ctx.document().specProperty().addListener((o, a, b) -> content.requestLayout());
        ctx.document().selectedPairProperty().addListener((o, a, b) -> content.requestLayout());
        widthProperty().addListener((o, a, b) -> content.requestLayout());
        ctx.document().selectionProperty().addListener((o, a, b) -> {
            if (b != null) {
                javafx.application.Platform.runLater(() -> scrollTo(b));
            }
        });
    }

    /** Brings a selected block into view (chosen from the problems list, pasted, or dropped at the far end). */
    private void scrollTo(org.guidancelab.ui.model.BlockRef ref) {
        List<BlockView> blocks = lane(ref.lane()).blocks();
        if (ref.index() >= blocks.size()) {
            return;
        }
        javafx.geometry.Bounds b = content.sceneToLocal(blocks.get(ref.index()).localToScene(blocks.get(ref.index()).getBoundsInLocal()));
        double viewW = getViewportBounds().getWidth();
        double extra = content.getWidth() - viewW;
        if (extra <= 0) {
            return;
        }
        double left = getHvalue() * extra;
        if (b.getMinX() < left) {
            setHvalue(Math.max(0, (b.getMinX() - PAD) / extra));
        } else if (b.getMaxX() > left + viewW) {
            setHvalue(Math.min(1, (b.getMaxX() + PAD - viewW) / extra));
        }
    }

    LaneView lane(Lane lane) {
        return lane == Lane.GUIDE ? guide : target;
    }

    /** The line drawn for {@code pair}, if it is on the canvas (tests and the keyboard use it). */
    Line lineOf(TapPair pair) {
        for (javafx.scene.Node n : lines.getChildren()) {
            if (n instanceof Line l && pair.equals(l.getUserData())) {
                return l;
            }
        }
        return null;
    }

    /** Lays the lanes out, then draws the lines between tap markers whose positions are now known. */
    private final class Content extends Pane {
        @Override
        protected void layoutChildren() {
            double w = Math.max(getViewportBounds().getWidth() - 2 * PAD,
                    Math.max(guide.prefWidth(-1), target.prefWidth(-1)));
            double gh = guide.prefHeight(w);
            double th = target.prefHeight(w);
            guide.resizeRelocate(PAD, PAD, w, gh);
            target.resizeRelocate(PAD, PAD + gh + LANE_GAP, w, th);
            guide.layout();
            target.layout();
            drawLines();
        }

        @Override
        protected double computePrefWidth(double height) {
            return 2 * PAD + Math.max(guide.prefWidth(-1), target.prefWidth(-1));
        }

        @Override
        protected double computePrefHeight(double width) {
            return 2 * PAD + guide.prefHeight(-1) + LANE_GAP + target.prefHeight(-1);
        }
    }

    private void drawLines() {
        lines.getChildren().clear();
        List<TapPair> pairs = ctx.document().getSpec().resolvedPairs();
        TapPair selected = ctx.document().selectedPairProperty().get();
        for (TapPair p : pairs) {
            Point2D ga = tapCentre(guide, p.guideTap());
            Point2D tb = tapCentre(target, p.targetTap());
            if (ga == null || tb == null) {
                continue;
            }
            // Stop short of the tap markers so they stay clickable and draggable under the line's ends.
            Point2D dir = tb.subtract(ga).normalize().multiply(END_GAP);
            Point2D a = ga.add(dir);
            Point2D b = tb.subtract(dir);
            Line line = new Line(a.getX(), a.getY(), b.getX(), b.getY());
            line.setUserData(p);
            line.setId("pair-" + p.guideTap() + "-" + p.targetTap());
            line.getStyleClass().add(Styles.PAIR_LINE);
            Tooltip.install(line, new Tooltip("Aligns guide '" + p.guideTap() + "' with target '" + p.targetTap()
                    + "' (CKA). Click to select, then drag an end to another tap or press Delete."));
            line.setOnMouseClicked(e -> {
                ctx.document().selectedPairProperty().set(p);
                e.consume();
            });
            line.setOnContextMenuRequested(e -> {
                MenuItem remove = new MenuItem("Remove pair");
                remove.setOnAction(x -> ctx.perform(() -> Edits.removePair(ctx.document().getSpec(), p)));
                new ContextMenu(remove).show(line, e.getScreenX(), e.getScreenY());
            });
            lines.getChildren().add(line);
            if (p.equals(selected)) {
                line.getStyleClass().add(Styles.PAIR_LINE_SELECTED);
                lines.getChildren().addAll(handle(p, Lane.GUIDE, a), handle(p, Lane.TARGET, b));
            }
        }
        // Lines are made during layout, after this pulse's CSS pass: style them now or they stay unstyled.
        lines.applyCss();
    }

    /** A draggable end of the selected line. */
    private Circle handle(TapPair p, Lane end, Point2D at) {
        Circle c = new Circle(at.getX(), at.getY(), 7);
        c.getStyleClass().add(Styles.PAIR_HANDLE);
        c.setId("pair-handle-" + end.name().toLowerCase());
        Tooltip.install(c, new Tooltip("Drag onto another " + end.label().toLowerCase() + " tap to move this end."));
        c.setOnDragDetected(e -> {
            DnD.put(c.startDragAndDrop(TransferMode.ANY), DragPayload.pairEnd(end, p.guideTap(), p.targetTap()), p.toString());
            e.consume();
        });
        return c;
    }

    private Point2D tapCentre(LaneView lane, String layer) {
        Circle c = lane.tapMarker(layer); // an imported guide's read-only blocks have tap markers too
        if (c != null) {
            return content.sceneToLocal(c.localToScene(c.getCenterX(), c.getCenterY()));
        }
        return null;
    }
}
