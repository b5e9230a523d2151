package org.guidancelab.ui.builder;

import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.guidancelab.engine.imported.GuideCatalog;
import org.guidancelab.platform.BackendUnavailableException;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.ui.run.RunSettings;
import org.guidancelab.ui.model.BlockSummary;
import org.guidancelab.ui.model.ExperimentDocument;
import org.guidancelab.ui.model.Lane;

/**
 * The bottom line: the last edit or refusal, parameter totals, and where training will run (the ND4J backend
 * with its device and memory, detected off the FX thread since starting ND4J takes seconds).
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
        Label backend = new Label("Backend: starting ND4J…");
        backend.setId("status-backend");
        backend.setTooltip(new Tooltip("Where training runs. OMP_NUM_THREADS=1 is often fastest for small networks "
                + "on a CPU; build with -Pcuda to train on an NVIDIA GPU."));
        detectBackend(backend);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, spacer, totals, backend);
    }

    /** ND4J takes seconds to start: detect the backend on a daemon thread and show it when known. */
    private static void detectBackend(Label label) {
        Thread t = new Thread(() -> {
            String text;
            String tip = null;
            try {
                // waits for the window's first frames; shows the threads a run trains with, not OpenMP's default
                text = "Backend: " + ProcessSetup.startNative().withThreads(RunSettings.defaults().threads()).summary();
            } catch (BackendUnavailableException e) {
                text = "Backend unavailable: training cannot start";
                tip = e.getMessage();
            }
            String shown = text;
            String tooltip = tip;
            Platform.runLater(() -> {
                label.setText(shown);
                if (tooltip != null) {
                    label.getStyleClass().add(Styles.ERROR_TEXT);
                    label.setTooltip(new Tooltip(tooltip));
                }
            });
            if (tip == null) {
                GuideCatalog.warmUp(); // so a guide imported later does not load DeepLearning4J on the JavaFX thread
            }
        }, "backend-detection");
        t.setDaemon(true);
        t.start();
    }
}
