package org.guidancelab.ui.app;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.guidancelab.ui.builder.MainWindow;
import org.guidancelab.ui.dashboard.Dashboard;
import org.guidancelab.ui.dashboard.HistoryView;
import org.guidancelab.ui.sweep.FxSweepDialogs;
import org.guidancelab.ui.sweep.SweepView;
import org.guidancelab.ui.dashboard.RunDialogs;
import org.guidancelab.ui.run.RunJob;
import org.guidancelab.ui.run.TrainingService;

/**
 * The main window's layout: Builder | Dashboard | History | Sweep. Run in the builder queues the experiment as it is at that
 * moment (later edits apply to the next run) and shows the dashboard; the builder stays usable while training runs.
 */
public final class LabShell extends TabPane {
    static final long STOP_WAIT_SECONDS = 60;

    private final MainWindow builder;
    private final TrainingService service;
    private final RunDialogs dialogs;
    private final Dashboard dashboard;
    private final HistoryView history;
    private final Tab dashboardTab;
    private final Tab historyTab;
    private final Tab sweepTab;
    private final SweepView sweeps;

    public LabShell(MainWindow builder, TrainingService service, RunDialogs dialogs) {
        this.builder = builder;
        this.service = service;
        this.dialogs = dialogs;
        this.dashboard = new Dashboard(service, dialogs);
        this.history = new HistoryView(service, dialogs);
        this.sweeps = new SweepView(() -> builder.document().getSpec(), sweepsDir(service),
                new FxSweepDialogs(this, sweepsDir(service)), this::openRun);
        Tab builderTab = new Tab("Builder", builder);
        dashboardTab = new Tab("Dashboard", dashboard);
        historyTab = new Tab("History", history);
        builderTab.setId("tab-builder");
        dashboardTab.setId("tab-dashboard");
        historyTab.setId("tab-history");
        sweepTab = new Tab("Sweep", sweeps);
        sweepTab.setId("tab-sweep");
        for (Tab t : new Tab[] {builderTab, dashboardTab, historyTab, sweepTab}) {
            t.setClosable(false);
        }
        getTabs().addAll(builderTab, dashboardTab, historyTab, sweepTab);
        // The first visit to the tab starts from the experiment open in the builder.
        sweepTab.setOnSelectionChanged(e -> {
            if (sweepTab.isSelected() && sweeps.axisRows().isEmpty() && sweeps.shown() == null) {
                sweeps.useOpenExperiment();
            }
        });
        history.setOnOpenSweep(dir -> {
            getSelectionModel().select(sweepTab);
            sweeps.follow(dir);
        });
        setId("lab-shell");
        builder.setOnRun(r -> {
            service.submit(RunJob.fresh(r.experiment()));
            getSelectionModel().select(dashboardTab);
        });
        history.setOnResume(() -> getSelectionModel().select(dashboardTab));
        guardBuilderKeys(dashboard);
        guardBuilderKeys(history);
        guardBuilderKeys(sweeps);
    }

    /** Sweeps started in the app go beside its runs folder. */
    private static java.nio.file.Path sweepsDir(TrainingService service) {
        return service.settings().sweepsDir();
    }

    /** A sweep cell's run, opened in History (followed as it trains when it is under way). */
    private void openRun(java.nio.file.Path dir) {
        getSelectionModel().select(historyTab);
        history.open(dir);
    }

    /**
     * The builder listens for its editing keys on the whole scene; on the other tabs those keys (Delete, undo, copy,
     * paste...) must not edit a network the user cannot see, so they stop here once the focused control is done.
     */
    private static void guardBuilderKeys(javafx.scene.Node view) {
        view.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            javafx.scene.input.KeyCode k = e.getCode();
            boolean edit = k == javafx.scene.input.KeyCode.DELETE || k == javafx.scene.input.KeyCode.BACK_SPACE
                    || e.isShortcutDown() && (k == javafx.scene.input.KeyCode.Z || k == javafx.scene.input.KeyCode.Y
                    || k == javafx.scene.input.KeyCode.C || k == javafx.scene.input.KeyCode.V
                    || k == javafx.scene.input.KeyCode.D);
            if (edit) {
                e.consume();
            }
        });
    }

    /**
     * Asks before closing: a run in progress is stopped (its finished steps and a checkpoint stay on disk, so it can be
     * resumed), unsaved builder changes may be saved. False when the user chose to keep the window open.
     */
    public boolean confirmClose() {
        if (service.isRunning() && !dialogs.confirm("Training in progress",
                "Stop training and close? Every finished step stays on disk; the run can be resumed from History.")) {
            return false;
        }
        if (!builder.confirmClose()) {
            return false;
        }
        if (!service.stopAllAndWait(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            dialogs.showError("Training in progress", "Training did not stop within " + STOP_WAIT_SECONDS
                    + " s; the last steps may be missing from the run folder.");
        }
        return true;
    }

    /** Stops the frame timer and the training thread (Application.stop()). */
    public void shutdown() {
        dashboard.dispose();
        sweeps.shutdown();
        service.shutdown();
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    public HistoryView history() {
        return history;
    }

    public SweepView sweeps() {
        return sweeps;
    }

    public void showTab(String id) {
        getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> getSelectionModel().select(t));
    }
}
