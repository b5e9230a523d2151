package org.guidancelab.ui.dashboard;

import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.guidancelab.engine.train.Phase;
import org.guidancelab.session.Progress;
import org.guidancelab.ui.run.TrainingService;

/**
 * Pause / Resume / Stop, the live guide switch and the progress line (arm, step, steps per second, time left, runs
 * waiting). Buttons act on the training service; the progress line is updated by the dashboard once per frame.
 */
public final class RunControls extends HBox {
    final Button pause = new Button("Pause");
    final Button resume = new Button("Resume");
    final Button stop = new Button("Stop");
    final ToggleButton guide = new ToggleButton("Disconnect guide");
    final ProgressBar bar = new ProgressBar(0);
    final Label progress = new Label("Idle");
    final Label queued = new Label();

    public RunControls(TrainingService service) {
        setSpacing(8);
        setPadding(new Insets(6, 8, 6, 8));
        setAlignment(Pos.CENTER_LEFT);
        pause.setId("run-pause");
        resume.setId("run-resume");
        stop.setId("run-stop");
        guide.setId("run-guide");
        bar.setId("run-progress");
        progress.setId("run-progress-text");
        queued.setId("run-queued");
        bar.setPrefWidth(220);
        // A long progress line must shrink itself, never the buttons.
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {pause, resume, stop, guide, bar}) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setMinWidth(0);
        // ...by wrapping onto a second line rather than ending in "2.6 steps..." (the time left is its last words).
        progress.setWrapText(true);
        progress.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        var running = service.currentProperty().isNotNull();
        pause.disableProperty().bind(running.not().or(service.pausedProperty()));
        resume.disableProperty().bind(running.not().or(service.pausedProperty().not()));
        stop.disableProperty().bind(running.not());
        guide.disableProperty().bind(running.not());
        pause.setOnAction(e -> service.pause());
        resume.setOnAction(e -> service.resume());
        stop.setOnAction(e -> service.stop());
        guide.setOnAction(e -> service.setGuidanceEnabled(!guide.isSelected()));
        service.guidanceEnabledProperty().addListener((o, a, on) -> {
            guide.setSelected(!on);
            guide.setText(on ? "Disconnect guide" : "Reconnect guide");
        });
        guide.setTooltip(new javafx.scene.control.Tooltip(
                "Switch the guidance term of guided arms off or on from the next step (marked on the curves)"));
        queued.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> service.queuedProperty().get() == 0 ? "" : service.queuedProperty().get() + " queued", service.queuedProperty()));
        getChildren().addAll(pause, resume, stop, guide, bar, progress, queued);
    }

    /** Shows where training stands. */
    public void show(String job, Progress p, boolean paused) {
        if (p.arms() == 0) {
            bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
            progress.setText(job + ": loading data…");
            return;
        }
        bar.setProgress(p.fraction());
        String phase = p.phase() == Phase.GUIDE_TRAINING ? "training the guide, step " + p.step()
                : p.phase() == Phase.NOISE_PREPHASE ? "noise pre-phase, step " + p.step()
                : "step " + p.step() + " / " + p.steps();
        String rate = Double.isFinite(p.stepsPerSecond())
                ? String.format(Locale.ROOT, ", %.1f steps/s", p.stepsPerSecond()) : "";
        // Arms taking turns all move at once: naming the one that reported last would flicker between them.
        String which = p.running() > 1 ? p.running() + " arms side by side, "
                : "arm " + (p.armIndex() + 1) + "/" + p.arms() + " '" + p.arm() + "', ";
        progress.setText((paused ? "Paused — " : "") + job + " — " + which + phase + rate + timeLeft(p.secondsLeft()));
    }

    public void idle(String text) {
        bar.setProgress(0);
        progress.setText(text);
    }

    static String timeLeft(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "";
        }
        long s = Math.round(seconds);
        return s >= 60 ? String.format(Locale.ROOT, ", %d min %02d s left", s / 60, s % 60)
                : String.format(Locale.ROOT, ", %d s left", s);
    }

    public Label progressText() {
        return progress;
    }
}
