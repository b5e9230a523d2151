package org.guidancelab.ui.run;

import java.util.ArrayDeque;
import org.guidancelab.platform.BackgroundPriority;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.guidancelab.engine.train.RunStatus;

/**
 * The app's training queue: runs one {@link TrainingTask} at a time on a single daemon thread, the rest wait in order.
 * Pause, Resume, Stop and the guide switch act on the current run. Call it from the FX thread only; its properties
 * change on the FX thread.
 */
public final class TrainingService {
    private final RunSettings settings;
    /** At a lower priority than the dashboard's threads (see BackgroundPriority). */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            r -> BackgroundPriority.loweredDaemon("guidance-lab-training", r));
    private final Deque<RunJob> queue = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<TrainingTask> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper guidanceEnabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<RunOutcome> lastOutcome = new ReadOnlyObjectWrapper<>();
    private final java.util.List<Consumer<RunOutcome>> onFinished = new java.util.ArrayList<>();

    public TrainingService(RunSettings settings) {
        this.settings = settings;
    }

    public RunSettings settings() {
        return settings;
    }

    /** Runs the job now, or after the runs already queued. */
    public void submit(RunJob job) {
        queue.addLast(job);
        queued.set(queue.size());
        if (current.get() == null) {
            startNext();
        }
    }

    /** Called on the FX thread after each run ends (the dashboard and the history update themselves here). */
    public void addOnFinished(Consumer<RunOutcome> handler) {
        onFinished.add(handler);
    }

    public void pause() {
        TrainingTask t = current.get();
        if (t != null && !t.isStopRequested()) {
            t.gate().pause();
            paused.set(true);
        }
    }

    public void resume() {
        TrainingTask t = current.get();
        if (t != null) {
            t.gate().resume();
        }
        paused.set(false);
    }

    /** Stops the current run before its next step; queued runs then start in turn. */
    public void stop() {
        TrainingTask t = current.get();
        if (t != null) {
            t.stopRun();
        }
        paused.set(false);
    }

    public void setGuidanceEnabled(boolean on) {
        guidanceEnabled.set(on);
        TrainingTask t = current.get();
        if (t != null) {
            t.setGuidanceEnabled(on);
        }
    }

    /** Forgets the queued runs (not the current one). */
    public void clearQueue() {
        queue.clear();
        queued.set(0);
    }

    /**
     * Stops everything and waits for the current run to write its last step and checkpoint (closing the window).
     *
     * @return true if training ended within the time given
     */
    public boolean stopAllAndWait(long timeout, TimeUnit unit) {
        clearQueue();
        TrainingTask t = current.get();
        if (t == null) {
            return true;
        }
        t.stopRun();
        try {
            t.get(timeout, unit);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    /** Ends the training thread (Application.stop()); a run still going is stopped first. */
    public void shutdown() {
        stopAllAndWait(30, TimeUnit.SECONDS);
        executor.shutdownNow();
    }

    public boolean isRunning() {
        return current.get() != null;
    }

    public ReadOnlyObjectProperty<TrainingTask> currentProperty() {
        return current.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty guidanceEnabledProperty() {
        return guidanceEnabled.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RunOutcome> lastOutcomeProperty() {
        return lastOutcome.getReadOnlyProperty();
    }

    private void startNext() {
        RunJob job = queue.pollFirst();
        queued.set(queue.size());
        if (job == null) {
            current.set(null);
            return;
        }
        TrainingTask task = new TrainingTask(job, settings);
        task.setGuidanceEnabled(true);
        guidanceEnabled.set(true);
        paused.set(false);
        task.setOnSucceeded(e -> finished(task, task.getValue()));
        task.setOnFailed(e -> finished(task, new RunOutcome(job, task.runDir(), RunStatus.FAILED,
                describe(task.getException()))));
        task.setOnCancelled(e -> finished(task, new RunOutcome(job, task.runDir(), RunStatus.STOPPED, "cancelled")));
        current.set(task);
        executor.execute(task);
    }

    private void finished(TrainingTask task, RunOutcome outcome) {
        if (current.get() == task) {
            current.set(null);
        }
        paused.set(false);
        lastOutcome.set(outcome);
        onFinished.forEach(h -> h.accept(outcome));
        startNext();
    }

    private static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
