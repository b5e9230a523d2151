package org.guidancelab.engine.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.guidancelab.data.TaskData;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * Runs the arms of an experiment one after another on the calling thread, on the same data order and from the same
 * seed, reporting typed events to listeners. The UI runs it in a background task, the CLI and tests directly.
 * {@link #cancel()} and {@link #setGuidanceEnabled(boolean)} may be called from any thread and take effect at the
 * next step. Same seed on CPU gives identical metrics (timings aside).
 */
public final class Trainer {
    private final ExperimentSpec spec;
    private final TaskData data;
    private final TrainerOptions options;
    private final TrainerControl control = new TrainerControl();
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();

    public Trainer(ExperimentSpec spec, TaskData data) {
        this(spec, data, TrainerOptions.defaults());
    }

    public Trainer(ExperimentSpec spec, TaskData data, TrainerOptions options) {
        this.spec = spec;
        this.data = data;
        this.options = options;
        Set<String> names = new HashSet<>();
        for (ArmSpec a : spec.arms()) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two arms are called '" + a.name() + "': arm names must be unique");
            }
        }
        if (spec.training().steps() < 0) {
            throw new IllegalArgumentException("training.steps must not be negative, got " + spec.training().steps());
        }
    }

    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    /** Switches the guidance term on or off for guided arms from the next step on (recorded as train/guidance_on). */
    public void setGuidanceEnabled(boolean enabled) {
        control.setGuidanceEnabled(enabled);
    }

    public boolean isGuidanceEnabled() {
        return control.guidanceEnabled();
    }

    /** Asks training to stop before its next step; the current arm checkpoints and the run ends as STOPPED. */
    public void cancel() {
        control.cancel();
    }

    public boolean isCancelled() {
        return control.cancelled();
    }

    /** Runs every arm from the start. */
    public RunStatus run() {
        return run(Map.of(), Set.of());
    }

    /**
     * Runs the arms, skipping those in {@code done} and continuing those in {@code resume} from their checkpoint.
     */
    public RunStatus run(Map<String, ArmState> resume, Set<String> done) {
        List<String> names = spec.arms().stream().map(ArmSpec::name).toList();
        emit(new TrainingEvent.RunStarted(names, spec.training().steps(), spec.resolvedPairs().size()));
        ArmRunner runner = new ArmRunner(spec, data, options, control, this::emit, this::emitToAll);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < spec.arms().size(); i++) {
            ArmSpec arm = spec.arms().get(i);
            if (done.contains(arm.name())) {
                continue;
            }
            ArmRunner.Outcome outcome = runner.run(i, arm, resume.get(arm.name()));
            if (outcome == ArmRunner.Outcome.STOPPED) {
                emitToAll(new TrainingEvent.RunFinished(RunStatus.STOPPED, "stopped during arm '" + arm.name() + "'"));
                return RunStatus.STOPPED;
            }
            if (outcome == ArmRunner.Outcome.ABORTED) {
                // The run's record cannot be written: later arms could not be kept either, so the run ends here.
                emitToAll(new TrainingEvent.RunFinished(RunStatus.FAILED, "the run stopped during arm '" + arm.name()
                        + "': " + runner.lastFailure()));
                return RunStatus.FAILED;
            }
            if (outcome == ArmRunner.Outcome.FAILED) {
                failures.add(arm.name());
            }
        }
        RunStatus status = failures.isEmpty() ? RunStatus.FINISHED : RunStatus.FAILED;
        emitToAll(new TrainingEvent.RunFinished(status, failures.isEmpty() ? "" : "failed arms: " + String.join(", ", failures)));
        return status;
    }

    /** Delivers an event in turn; a listener's exception stops the delivery and fails the current arm. */
    private void emit(TrainingEvent e) {
        for (TrainingListener l : listeners) {
            l.onEvent(e);
        }
    }

    /**
     * Delivers an ending event (an arm failed, the run finished) to every listener even when one of them fails, so the
     * progress line and the UI still hear of it when the run folder cannot record it. A recorder's failure is its own
     * to report (see {@link RecordingFailedException}); any other listener's exception is rethrown after delivery.
     */
    private void emitToAll(TrainingEvent e) {
        RuntimeException first = null;
        for (TrainingListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RecordingFailedException ex) {
                // already known to the recorder that threw it, which reports it at the run's end
            } catch (RuntimeException ex) {
                if (first == null) {
                    first = ex;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
