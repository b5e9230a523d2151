package org.guidancelab.ui.builder;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.guidancelab.ui.model.ExperimentDocument;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** File, edit, pair, theme and About buttons, and the Run button with the reason it is disabled. */
final class MainToolBar extends HBox {
    final Button run;
    final Label runReason = new Label();

    MainToolBar(MainWindow w) {
        ExperimentDocument doc = w.context().document();
        Button newB = button("new", "New", Material2AL.INSERT_DRIVE_FILE, "New experiment (Ctrl+N)", w.files()::newExperiment);
        Button open = button("open", "Open", Material2AL.FOLDER_OPEN, "Open an experiment file (Ctrl+O)", w.files()::open);
        Button save = button("save", "Save", Material2MZ.SAVE, "Save the experiment (Ctrl+S)", w.files()::save);
        Button saveAs = button("save-as", "Save As", Material2MZ.SAVE_ALT, "Save the experiment under another name (Ctrl+Shift+S)", w.files()::saveAs);
        Button gallery = button("gallery", "Presets", Material2AL.COLLECTIONS, "Start from one of the paper's settings", w::showGallery);
        Button undo = button("undo", null, Material2MZ.UNDO, "Undo (Ctrl+Z)", doc::undo);
        undo.disableProperty().bind(doc.canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip("Undo " + doc.undoLabelProperty().get() + " (Ctrl+Z)"), doc.undoLabelProperty()));
        Button redo = button("redo", null, Material2MZ.REDO, "Redo (Ctrl+Shift+Z)", doc::redo);
        redo.disableProperty().bind(doc.canRedoProperty().not());
        redo.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip("Redo " + doc.redoLabelProperty().get() + " (Ctrl+Shift+Z)"), doc.redoLabelProperty()));
        Button dup = button("duplicate", null, Material2AL.CONTROL_POINT_DUPLICATE, "Duplicate the selected block (Ctrl+D)", w.edits()::duplicate);
        Button copy = button("copy", null, Material2AL.CONTENT_COPY, "Copy the selected block (Ctrl+C)", w.edits()::copy);
        Button paste = button("paste", null, Material2AL.CONTENT_PASTE, "Paste after the selected block (Ctrl+V)", w.edits()::paste);
        Button delete = button("delete", null, Material2AL.DELETE, "Delete the selected block or pair (Delete)", w.edits()::delete);
        Button resetPairs = button("reset-pairs", "Pairs: rule", Material2AL.LINEAR_SCALE,
                "Reset the pairs to the paper's rule: guide tap i to target tap round(i (nT-1)/(nG-1))", w.edits()::resetPairs);
        resetPairs.textProperty().bind(Bindings.createStringBinding(
                () -> doc.getSpec().pairing().mode() == org.guidancelab.experiment.Pairing.Mode.RULE ? "Pairs: rule" : "Reset pairs",
                doc.specProperty()));
        resetPairs.disableProperty().bind(Bindings.createBooleanBinding(
                () -> doc.getSpec().pairing().mode() == org.guidancelab.experiment.Pairing.Mode.RULE, doc.specProperty()));
        Button theme = button("theme", null, Material2AL.BRIGHTNESS_6, "Switch between light and dark theme", w::toggleTheme);
        Button about = button("about", null, Material2AL.INFO, "About Guidance Lab: version, Java, backend, where files go", w::showAbout);
        run = button("run", "Run", Material2MZ.PLAY_ARROW, "Train every arm of the experiment", w::run);
        run.getStyleClass().addAll(Styles.RUN_BUTTON, "accent");
        run.disableProperty().bind(doc.canRunProperty().not());
        // a long reason must shorten itself, never squeeze Run to "..."
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        theme.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runReason.setId("run-reason");
        runReason.getStyleClass().add(Styles.ERROR_TEXT);
        runReason.setMaxWidth(360);
        runReason.setMinWidth(0);
        runReason.textProperty().bind(doc.runBlockedReasonProperty());
        runReason.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> new Tooltip(doc.getRunBlockedReason()), doc.runBlockedReasonProperty()));
        runReason.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        ToolBar tools = new ToolBar(newB, open, save, saveAs, gallery, new Separator(), undo, redo, new Separator(),
                dup, copy, paste, delete, new Separator(), resetPairs);
        HBox.setHgrow(tools, Priority.ALWAYS);
        // Run and its reason sit outside the tool bar, which would hide them in its overflow menu on narrow windows.
        HBox runBox = new HBox(8, runReason, run, theme, about);
        runBox.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        runBox.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        runBox.getStyleClass().add("tool-bar");
        setFillHeight(true);
        getChildren().addAll(tools, runBox);
    }

    private static Button button(String id, String text, Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id + "-button");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }
}
