package org.guidancelab.ui.builder;

import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.guidancelab.ui.model.GalleryItem;

/** The preset gallery: a card per experiment preset (title, description, the two networks in miniature). */
final class PresetGallery extends Dialog<GalleryItem> {
    private GalleryItem chosen;

    PresetGallery(Window owner, List<GalleryItem> presets) {
        initOwner(owner);
        setTitle("Start from a preset");
        setHeaderText("Each preset is one of the paper's settings at lab scale. Double-click to open.");
        FlowPane cards = new FlowPane(12, 12);
        cards.setPrefWrapLength(780);
        for (int i = 0; i < presets.size(); i++) {
            VBox card = card(presets.get(i));
            card.setId("preset-" + i);
            cards.getChildren().add(card);
        }
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        scroll.setPrefSize(800, 520);
        getDialogPane().setContent(scroll);
        getDialogPane().getStylesheets().add(getClass().getResource(Styles.STYLESHEET).toExternalForm());
        getDialogPane().setPrefSize(840, 640);
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        setResultConverter(b -> b == ButtonType.OK ? chosen : null);
        getDialogPane().lookupButton(ButtonType.OK).disableProperty().set(presets.isEmpty());
    }

    private VBox card(GalleryItem p) {
        Label title = new Label(p.title());
        title.getStyleClass().add(Styles.CARD_TITLE);
        title.setWrapText(true);
        title.setMaxWidth(220);
        Label desc = new Label(p.description());
        desc.setWrapText(true);
        desc.setMaxWidth(220);
        desc.getStyleClass().add(Styles.CARD_TEXT);
        Label g = new Label("guide: " + p.experiment().guide().name());
        g.getStyleClass().add(Styles.CARD_TEXT);
        Label t = new Label("target: " + p.experiment().target().name());
        t.getStyleClass().add(Styles.CARD_TEXT);
        VBox box = new VBox(4, title, g, new NetworkThumbnail(p.experiment().guide(), 220, 14),
                t, new NetworkThumbnail(p.experiment().target(), 220, 14), desc);
        box.getStyleClass().add(Styles.CARD);
        box.setPrefWidth(240);
        Tooltip.install(box, new Tooltip(p.label()));
        box.setOnMouseClicked(e -> {
            chosen = p;
            box.getParent().getChildrenUnmodifiable().forEach(n -> n.getStyleClass().remove(Styles.BLOCK_SELECTED));
            box.getStyleClass().add(Styles.BLOCK_SELECTED);
            if (e.getClickCount() == 2) {
                setResult(p);
                close();
            }
        });
        return box;
    }

    static Optional<GalleryItem> choose(Window owner, List<GalleryItem> presets) {
        return new PresetGallery(owner, presets).showAndWait();
    }
}
