package org.guidancelab.ui.builder;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.imported.GuideCatalog;
import org.guidancelab.engine.imported.GuideLayer;
import org.guidancelab.ui.model.BlockSummary;

/**
 * An imported guide on its lane: a read-only chain of the file's layers, each with its kind, output shape,
 * parameters and whether it is a tap. Nothing here edits the network: it is the file's, frozen as it came.
 */
final class ImportedChain {
    private ImportedChain() {
    }

    /** The blocks for {@code guide} read from {@code entry}; one block saying why when the file cannot be read. */
    static List<Node> blocks(NetworkSpec guide, GuideCatalog.Entry entry) {
        List<Node> out = new ArrayList<>();
        if (!entry.ok()) {
            Label why = new Label(entry.error());
            why.setWrapText(true);
            why.setMaxWidth(420);
            why.setId("guide-import-error");
            why.getStyleClass().add(Styles.HINT_TEXT);
            out.add(why);
            return out;
        }
        for (GuideLayer l : entry.layers()) {
            out.add(block(l, guide.tapNames().contains(l.name())));
        }
        return out;
    }

    private static VBox block(GuideLayer l, boolean tapped) {
        Region strip = new Region();
        strip.getStyleClass().add(Styles.BLOCK_STRIP);
        Label kind = new Label(l.kind());
        kind.getStyleClass().add(Styles.BLOCK_TYPE);
        Label name = new Label(l.name());
        name.getStyleClass().add(Styles.BLOCK_NAME);
        Label shape = new Label(l.shape().toString());
        shape.getStyleClass().add(Styles.BLOCK_SHAPE);
        Label params = new Label(BlockSummary.count(l.params()) + " params");
        params.getStyleClass().add(Styles.BLOCK_SHAPE);
        Circle tap = new Circle(6);
        tap.setId("imported-" + l.name() + "-tap");
        tap.getStyleClass().add(Styles.TAP);
        if (tapped) {
            tap.getStyleClass().add(Styles.TAP_ON);
        }
        HBox tapRow = new HBox(tap);
        tapRow.setAlignment(javafx.geometry.Pos.CENTER);
        VBox box = new VBox(strip, kind, name, shape, params, tapRow);
        box.setId("imported-" + l.name());
        box.getStyleClass().add(Styles.BLOCK);
        box.setPrefWidth(BlockView.WIDTH);
        box.setMinWidth(BlockView.WIDTH);
        box.setMaxWidth(BlockView.WIDTH);
        Tooltip.install(box, new Tooltip(l.name() + " (" + l.kind() + "): output " + l.shape() + ", " + l.params()
                + " parameters" + (tapped ? ", a tap" : "") + "\nRead from the guide's file: not editable here."));
        return box;
    }
}
