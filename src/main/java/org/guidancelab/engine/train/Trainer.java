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
 * Runs the arms of an experiment on the calling thread, one after another or taking turns a step each
 * ({@link TrainerOptions#schedule()}), on the same data order and from the same seed, reporting typed events to
 * listeners. The UI runs it in a background task, the CLI and tests directly.
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

    /** Asks training to stop before its next step; the arms under way checkpoint and the run ends as STOPPED. */
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
     * Runs the arms, skipping those in {@code done} and continuing those in {@code resume} from their checkpoint, in
     * the options' {@link ArmSchedule}.
     */
    public RunStatus run(Map<String, ArmState> resume, Set<String> done) {
        List<String> names = spec.arms().stream().map(ArmSpec::name).toList();
        emit(new TrainingEvent.RunStarted(names, spec.training().steps(), spec.resolvedPairs().size()));
        List<ArmRunner> arms = new ArrayList<>();
        for (int i = 0; i < spec.arms().size(); i++) {
            ArmSpec arm = spec.arms().get(i);
            if (!done.contains(arm.name())) {
                arms.add(new ArmRunner(spec, data, options, control, this::emit, this::emitToAll, i, arm, resume.get(arm.name())));
            }
        }
        return options.schedule() == ArmSchedule.INTERLEAVED ? interleaved(arms) : sequential(arms);
    }

    /** Each arm to its end; a stop leaves the later arms unstarted. */
    private RunStatus sequential(List<ArmRunner> arms) {
        List<String> failures = new ArrayList<>();
        for (ArmRunner arm : arms) {
            RunStatus end = afterArm(arm, arm.run(), failures, List.of());
            if (end != null) {
                return end;
            }
        }
        return finish(failures);
    }

    /**
     * The arms take turns, a step each, until all have ended; a stop reaches each arm before its next step, so every
     * arm still going checkpoints where it is and the run resumes them all.
     */
    private RunStatus interleaved(List<ArmRunner> arms) {
        List<String> failures = new ArrayList<>();
        List<ArmRunner> going = new ArrayList<>(arms);
        List<ArmRunner> stopped = new ArrayList<>();
        while (!going.isEmpty()) {
            for (java.util.Iterator<ArmRunner> it = going.iterator(); it.hasNext(); ) {
                ArmRunner arm = it.next();
                ArmRunner.Outcome outcome = arm.advance();
                if (outcome == null) {
                    continue;
                }
                it.remove();
                if (outcome == ArmRunner.Outcome.STOPPED) {
                    stopped.add(arm); // the others still go on to their own stop (and checkpoint)
                    continue;
                }
                RunStatus end = afterArm(arm, outcome, failures, going);
                if (end != null) {
                    return end;
                }
            }
        }
        if (!stopped.isEmpty()) {
            String which = String.join("', '", stopped.stream().map(ArmRunner::name).toList());
            emitToAll(new TrainingEvent.RunFinished(RunStatus.STOPPED, "stopped during arm" + (stopped.size() > 1 ? "s" : "")
                    + " '" + which + "'"));
            return RunStatus.STOPPED;
        }
        return finish(failures);
    }

    /**
     * What an ended arm means for the run: null while it goes on (a failed arm is kept in {@code failures}), else
     * the run's end, announced ({@code others}, the arms still going, are let go).
     */
    private RunStatus afterArm(ArmRunner arm, ArmRunner.Outcome outcome, List<String> failures, List<ArmRunner> others) {
        if (outcome == ArmRunner.Outcome.STOPPED) {
            emitToAll(new TrainingEvent.RunFinished(RunStatus.STOPPED, "stopped during arm '" + arm.name() + "'"));
            return RunStatus.STOPPED;
        }
        if (outcome == ArmRunner.Outcome.ABORTED) {
            // The run's record cannot be written: no other arm could be kept either, so the run ends here.
            others.forEach(ArmRunner::abandon);
            emitToAll(new TrainingEvent.RunFinished(RunStatus.FAILED, "the run stopped during arm '" + arm.name()
                    + "': " + arm.lastFailure()));
            return RunStatus.FAILED;
        }
        if (outcome == ArmRunner.Outcome.FAILED) {
            failures.add(arm.name());
        }
        return null;
    }

    private RunStatus finish(List<String> failures) {
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
