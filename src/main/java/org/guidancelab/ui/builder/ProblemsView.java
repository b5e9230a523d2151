package org.guidancelab.ui.builder;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Problem;

/** The list of problems that block running; clicking one selects the block it is about. */
final class ProblemsView extends ListView<Problem> {
    private static final double ROW = 26;

    ProblemsView(ExperimentDocument doc) {
        super(doc.problems());
        setId("problems");
        getStyleClass().add(Styles.PROBLEMS);
        // two rows, three when there are more problems, so a refused field's problem is not hidden behind a scroll bar
        setFixedCellSize(ROW);
        prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> (getItems().size() > 2 ? 3 : 2) * ROW + 4, getItems()));
        setPlaceholder(new javafx.scene.control.Label("No problems: the experiment is ready to run."));
        setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Problem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.describe());
            }
        });
        getSelectionModel().selectedItemProperty().addListener((o, a, p) -> {
            if (p != null && p.lane() != null && p.layerIndex() >= 0
                    && p.layerIndex() < p.lane().network(doc.getSpec()).size()) {
                doc.selectionProperty().set(new org.guidancelab.ui.model.BlockRef(p.lane(), p.layerIndex()));
            }
        });
    }
}
