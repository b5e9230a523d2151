package org.guidancelab.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.guidancelab.ui.model.BlockSummary;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Lane;

/**
 * The bottom line: the last edit or refusal, parameter totals, and where training will run (the ND4J backend
 * and BLAS threads; read from the environment without loading ND4J, which takes seconds).
 */
final class StatusBar extends HBox {
    StatusBar(BuilderContext ctx) {
        getStyleClass().add(Styles.STATUS_BAR);
        setId("status-bar");
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(ctx.messageProperty());
        Label totals = new Label();
        ExperimentDocument doc = ctx.document();
        Runnable update = () -> totals.setText("guide " + BlockSummary.count(doc.analysis(Lane.GUIDE).totalParams())
                + " params · target " + BlockSummary.count(doc.analysis(Lane.TARGET).totalParams()) + " params");
        doc.specProperty().addListener((o, a, b) -> update.run());
        update.run();
        Label backend = new Label("Backend: CPU (nd4j-native) · threads: " + threads());
        backend.setTooltip(new Tooltip("Training runs on the CPU; OMP_NUM_THREADS=1 is often fastest for small networks."));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, spacer, totals, backend);
    }

    static String threads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        return omp != null && !omp.isBlank() ? omp + " (OMP_NUM_THREADS)" : Runtime.getRuntime().availableProcessors() + " cores";
    }
}
