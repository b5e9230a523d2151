package org.guidancelab.ui.builder;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.guidancelab.ui.model.ArchitectureCard;
import org.guidancelab.ui.model.DragPayload;

/** The architecture library: whole networks as cards, dragged onto a lane to replace that network. */
final class LibraryView extends VBox {
    /** @param guideFromFile asks for a model file (Keras h5, DL4J zip, SameDiff sdz) and makes it the guide */
    LibraryView(List<ArchitectureCard> cards, Runnable guideFromFile) {
        setSpacing(6);
        setId("library");
        Label title = new Label("Architectures");
        title.getStyleClass().add(Styles.SECTION_TITLE);
        getChildren().add(title);
        Button fromFile = new Button("Guide from file...");
        fromFile.setId("guide-from-file");
        fromFile.setMaxWidth(Double.MAX_VALUE);
        fromFile.setOnAction(e -> guideFromFile.run());
        Tooltip.install(fromFile, new Tooltip("A network trained elsewhere (Keras .h5, DeepLearning4J .zip, SameDiff .sdz"
                + " converted from ONNX by `guide convert`) as the frozen"
                + " guide. Or drop the file on the guide lane."));
        getChildren().add(fromFile);
        if (cards.isEmpty()) {
            Label none = new Label("No architecture files found in presets/architectures.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.HINT_TEXT);
            getChildren().add(none);
        }
        for (ArchitectureCard c : cards) {
            getChildren().add(card(c));
        }
    }

    static String cardId(ArchitectureCard c) {
        return "arch-" + c.id();
    }

    private static VBox card(ArchitectureCard c) {
        Label t = new Label(c.title());
        t.getStyleClass().add(Styles.CARD_TITLE);
        Label d = new Label(c.network().size() + " layers · " + c.network().tapNames().size() + " taps");
        d.getStyleClass().add(Styles.CARD_TEXT);
        NetworkThumbnail thumb = new NetworkThumbnail(c.network(), 170, 14);
        VBox box = new VBox(t, d, thumb);
        box.setId(cardId(c));
        box.getStyleClass().add(Styles.CARD);
        Tooltip tip = new Tooltip((c.description().isEmpty() ? c.title() : c.description())
                + "\nDrag onto the guide or the target to replace that network.");
        tip.setWrapText(true);
        tip.setMaxWidth(320);
        Tooltip.install(box, tip);
        box.setOnDragDetected(e -> {
            DnD.put(box.startDragAndDrop(TransferMode.COPY), DragPayload.architecture(c.id()), c.title());
            e.consume();
        });
        return box;
    }
}
