package org.guidancelab.ui.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
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
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.platform.BackgroundPriority;
import org.guidancelab.session.RunFolder;
import org.guidancelab.session.RunSession;
import org.guidancelab.session.SessionOptions;

/**
 * The app's training queue: runs one {@link RunSession} at a time on a single lowered daemon thread (through a
 * {@link SessionService}), the rest wait in order. Pause, Resume, Stop and the guide switch act on the current run.
 * Call it from the FX thread only; its properties change on the FX thread.
 */
public final class TrainingService {
    private final RunSettings settings;
    /** At a lower priority than the dashboard's threads (see BackgroundPriority). */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            r -> BackgroundPriority.loweredDaemon("guidance-lab-training", r));
    private final SessionService runner = new SessionService(executor);
    private final Deque<RunJob> queue = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<ActiveRun> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper queued = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper guidanceEnabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<RunOutcome> lastOutcome = new ReadOnlyObjectWrapper<>();
    private final List<Consumer<RunOutcome>> onFinished = new ArrayList<>();

    public TrainingService(RunSettings settings) {
        this.settings = settings;
        runner.setOnSucceeded(e -> finished(runner.getValue()));
        runner.setOnFailed(e -> finished(new RunOutcome(current.get().job(), current.get().dir(), RunStatus.FAILED,
                describe(runner.getException()))));
        runner.setOnCancelled(e -> finished(new RunOutcome(current.get().job(), current.get().dir(), RunStatus.STOPPED,
                "cancelled")));
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
        ActiveRun r = current.get();
        if (r != null && !r.session().isCancelled()) {
            r.session().setPaused(true);
            paused.set(true);
        }
    }

    public void resume() {
        ActiveRun r = current.get();
        if (r != null) {
            r.session().setPaused(false);
        }
        paused.set(false);
    }

    /** Stops the current run before its next step; queued runs then start in turn. */
    public void stop() {
        ActiveRun r = current.get();
        if (r != null) {
            r.session().cancel();
        }
        paused.set(false);
    }

    public void setGuidanceEnabled(boolean on) {
        guidanceEnabled.set(on);
        ActiveRun r = current.get();
        if (r != null) {
            r.session().setGuidanceEnabled(on);
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
        ActiveRun r = current.get();
        if (r == null) {
            return true;
        }
        r.session().cancel();
        try {
            runner.currentTask().get(timeout, unit);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
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

    public ReadOnlyObjectProperty<ActiveRun> currentProperty() {
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
        SessionOptions options = SessionOptions.defaults().withTrainer(settings.options())
                .withThreads(settings.threads()).recordingSetupFailures();
        RunSession session = job.isResume() ? RunSession.resume(job.resumeDir(), options)
                : RunSession.fresh(job.experiment(), RunFolder.under(settings.runsDir()), options);
        session.feed(); // buffering from the first event, before the dashboard's first frame drains it
        session.addListener(new LowerJvmWorkersOnFirstStep());
        guidanceEnabled.set(true);
        paused.set(false);
        ActiveRun run = new ActiveRun(job, session);
        current.set(run);
        runner.start(run);
    }

    private void finished(RunOutcome outcome) {
        current.set(null);
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

    /**
     * Lowers the JVM threads that work for training (BackgroundPriority.lowerJvmWorkers: cleanup and the C2
     * compiler) at the first training step, when ND4J and JavaCPP have started theirs.
     */
    private static final class LowerJvmWorkersOnFirstStep implements TrainingListener {
        private boolean done;

        @Override
        public void onEvent(TrainingEvent event) {
            if (!done && event instanceof TrainingEvent.Step) {
                done = true;
                BackgroundPriority.lowerJvmWorkers();
            }
        }
    }
}
