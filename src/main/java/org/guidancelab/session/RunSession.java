package org.guidancelab.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.ExperimentJson;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.platform.ProcessSetup;
import org.guidancelab.runs.CkaSnapshot;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.ResumePlan;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.runs.RunWriter;

/**
 * One run of an experiment, from loading its data to its summary, on the calling thread: what the app, {@code run},
 * {@code resume}, {@code reproduce} and a sweep's worker each run. A session checks its input before anything is
 * written (the experiment, the data, the trainer's consent), loads ND4J ({@link ProcessSetup}), creates or reopens
 * the run folder, trains with the folder's writer listening and returns a {@link RunSummary}; a failure before
 * training ends in the summary too ({@link RunSummary#setupFailure()}), never as an exception.
 *
 * <p>Listeners see one event stream: a resumed run first replays what its folder kept (one {@code RunStarted}, the
 * kept steps and heatmaps), then the trainer's events; a run that cannot start ends with a {@code RunFinished}.
 * {@link #cancel()}, {@link #setPaused}, {@link #setGuidanceEnabled} may be called from any thread and take effect
 * before the next step; a paused step is already on disk.
 *
 * <pre>{@code
 * RunSession session = RunSession.fresh(spec, RunFolder.under(Path.of("runs")), SessionOptions.defaults().withThreads(1));
 * session.addListener(e -> { if (e instanceof TrainingEvent.ArmFinished f) log(f.arm() + " done"); });
 * RunSummary summary = session.run();     // another thread may call session.cancel()
 * double acc = summary.arms().get("guided").last(Metrics.VAL_ACCURACY);
 * }</pre>
 */
public final class RunSession {
    private final ExperimentSpec requested;
    private final RunFolder folder;
    private final Path existing;
    private final SessionOptions options;
    private final List<TrainingListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> onFolderReady = new CopyOnWriteArrayList<>();
    private final SummaryCollector collector = new SummaryCollector();
    private final PauseGate gate = new PauseGate();
    private final AtomicBoolean begun = new AtomicBoolean();
    private volatile LiveFeed feed;
    private volatile Trainer trainer;
    private volatile boolean cancelled;
    private volatile boolean guidanceEnabled = true;
    private volatile ExperimentSpec experiment;
    private volatile Path dir;
    private volatile List<String> notes = List.of();

    private RunSession(ExperimentSpec requested, RunFolder folder, Path existing, SessionOptions options) {
        this.requested = requested;
        this.folder = folder;
        this.existing = existing;
        this.options = options;
        this.experiment = requested;
        collector.experiment(requested);
    }

    /** A new run of {@code spec}, recorded in a new folder under a folder of runs or in exactly the one given. */
    public static RunSession fresh(ExperimentSpec spec, RunFolder folder, SessionOptions options) {
        return new RunSession(spec, folder, null, options);
    }

    /** Continues the stopped or crashed run in {@code dir} from its checkpoints (its experiment is the folder's). */
    public static RunSession resume(Path dir, SessionOptions options) {
        return new RunSession(null, null, dir, options);
    }

    /**
     * Runs {@code spec} in exactly {@code dir}: continues the run there if the folder holds this experiment unfinished,
     * reports it without training if finished, starts it if the folder holds no run; refuses another experiment's
     * folder. What a sweep cell or a retried cluster task runs.
     */
    public static RunSession startOrResume(ExperimentSpec spec, Path dir, SessionOptions options) {
        return new RunSession(spec, RunFolder.exactly(dir), dir, options);
    }

    /**
     * The checks a fresh run of {@code spec} passes before training (the experiment, the data through
     * {@code options.data()}, the trainer's consent); empty when it would start. Loads nothing native.
     */
    public static Optional<SetupFailure> check(ExperimentSpec spec, SessionOptions options) {
        try {
            Preflight.validate(spec);
            Preflight.trainer(spec, Preflight.data(spec.dataset(), options.data()), options.trainer());
            return Optional.empty();
        } catch (Preflight.Refused r) {
            return Optional.of(r.failure());
        }
    }

    /** Hears every event of the stream on the training thread (see {@link TrainingListener}); any time. */
    public void addListener(TrainingListener l) {
        listeners.add(l);
    }

    /** Runs once the folder is created or reopened and before training starts (the CLI prints it there). */
    public void onFolderReady(Runnable action) {
        onFolderReady.add(action);
    }

    /** The hand-over of the stream to a UI thread: bounded buffers drained once per frame, created on first use. */
    public synchronized LiveFeed feed() {
        if (feed == null) {
            feed = new LiveFeed();
            listeners.add(feed);
        }
        return feed;
    }

    /**
     * Trains on the calling thread until the run finishes, fails or is cancelled; once per session.
     *
     * @throws org.guidancelab.platform.BackendUnavailableException when ND4J cannot start (no run folder is touched)
     */
    public RunSummary run() {
        if (!begun.compareAndSet(false, true)) {
            throw new IllegalStateException("a session runs once");
        }
        if (cancelled) {
            emit(new TrainingEvent.RunFinished(RunStatus.STOPPED, "stopped before it started"));
            return summary(null, List.of());
        }
        if (existing != null && (requested == null || Files.exists(existing.resolve(RunFiles.EXPERIMENT)))) {
            return resumeRun(existing);
        }
        return freshRun(requested, folder);
    }

    private RunSummary freshRun(ExperimentSpec spec, RunFolder where) {
        Trainer t;
        try {
            Preflight.validate(spec);
            t = Preflight.trainer(spec, Preflight.data(spec.dataset(), options.data()), options.trainer());
        } catch (Preflight.Refused r) {
            return refused(r.failure(), options.recordSetupFailures() ? where : null);
        }
        startNative();
        RunWriter writer;
        try {
            writer = where.create(spec);
        } catch (IOException e) {
            return refused(SetupFailure.of(SetupFailure.Kind.FOLDER, e), null);
        }
        try {
            dir = writer.directory();
            folderReady();
            return train(t, writer, t::run, false);
        } finally {
            writer.close();
        }
    }

    private RunSummary resumeRun(Path runDir) {
        dir = runDir;
        RunRecord record;
        ResumePlan plan;
        try {
            record = RunReader.read(runDir);
            if (requested != null && !ExperimentJson.write(record.experiment()).equals(ExperimentJson.write(requested))) {
                throw new IOException(runDir + " holds a different experiment");
            }
            useExperiment(record.experiment());
            if (requested != null && record.status().status() == RunStatus.FINISHED) {
                return alreadyFinished(record);
            }
            plan = ResumePlan.of(record);
        } catch (IOException e) {
            return refused(SetupFailure.of(SetupFailure.Kind.NOT_RESUMABLE, e), null);
        }
        Trainer t;
        try {
            TaskData data = Preflight.data(plan.experiment().dataset(), options.data());
            t = Preflight.trainer(plan.experiment(), data, options.trainer());
        } catch (Preflight.Refused r) {
            return refused(r.failure(), null);
        }
        startNative();
        RunWriter writer;
        try {
            writer = plan.apply();
        } catch (IOException e) {
            return refused(SetupFailure.of(SetupFailure.Kind.FOLDER, e), null);
        }
        try {
            notes = plan.notes();
            plan.done().forEach(collector::finishedBefore);
            folderReady();
            replay(plan.keptRows(), record.cka());
            return train(t, writer, () -> t.run(plan.resume(), plan.done()), true);
        } finally {
            writer.close();
        }
    }

    /** A finished run asked for again (a sweep cell done before): its record, replayed, is the summary. */
    private RunSummary alreadyFinished(RunRecord record) {
        record.experiment().arms().forEach(a -> collector.finishedBefore(a.name()));
        folderReady();
        replay(record.metrics(), record.cka());
        emit(new TrainingEvent.RunFinished(RunStatus.FINISHED, record.status().message()));
        return summary(null, List.of());
    }

    private void useExperiment(ExperimentSpec spec) {
        experiment = spec;
        collector.experiment(spec);
    }

    /** ND4J, after the checks: a run that cannot start never waits for it. */
    private void startNative() {
        if (options.threads() > 0) {
            ProcessSetup.startNative(options.threads());
        } else {
            ProcessSetup.startNative();
        }
    }

    private void folderReady() {
        onFolderReady.forEach(Runnable::run);
    }

    /** Announces the run and what its folder kept, as the trainer reported it the first time. */
    private void replay(List<MetricRow> rows, List<CkaSnapshot> heatmaps) {
        ExperimentSpec spec = experiment;
        emit(new TrainingEvent.RunStarted(spec.arms().stream().map(a -> a.name()).toList(), spec.training().steps(),
                spec.resolvedPairs().size()));
        for (MetricRow r : rows) {
            emit(new TrainingEvent.Step(r.arm(), r.phase(), r.step(), r.metrics()));
        }
        for (CkaSnapshot c : heatmaps) {
            emit(new TrainingEvent.CkaMatrices(c.arm(), c.step(), c.targetGuide(), c.targetTarget()));
        }
    }

    /**
     * Trains with the writer first (a step is on disk before anyone else hears of it), then the stream, then the pause
     * gate (so a paused step has been shown too).
     */
    private RunSummary train(Trainer t, RunWriter writer, Supplier<RunStatus> body, boolean replayed) {
        t.addListener(writer);
        t.addListener(new Relay(replayed));
        t.addListener(gate);
        t.setGuidanceEnabled(guidanceEnabled);
        trainer = t;
        if (cancelled) {
            t.cancel();
        }
        try {
            body.get();
        } catch (RuntimeException e) {
            // Arms catch their own errors; this is a listener or the trainer itself failing between arms.
            TrainingEvent.RunFinished end = new TrainingEvent.RunFinished(RunStatus.FAILED,
                    "training stopped on an error: " + (e.getMessage() == null ? e : e.getMessage()));
            try {
                writer.onEvent(end);
            } catch (RuntimeException unrecorded) {
                // the writer keeps its failure for the summary
            }
            emit(end);
        }
        return summary(null, writer.failures());
    }

    /** Ends a run that did not start training; a fresh one is recorded as failed when the options ask for it. */
    private RunSummary refused(SetupFailure failure, RunFolder recordIn) {
        TrainingEvent.RunFinished end = new TrainingEvent.RunFinished(RunStatus.FAILED, failure.message());
        if (recordIn != null) {
            try (RunWriter w = recordIn.create(experiment)) {
                dir = w.directory();
                w.onEvent(end);
            } catch (IOException | RuntimeException e) {
                // nothing more can be kept; the summary still says why the run did not start
            }
        }
        emit(end);
        return summary(failure, List.of());
    }

    private RunSummary summary(SetupFailure failure, List<String> recordFailures) {
        return collector.summary(dir, failure, recordFailures, notes);
    }

    /** Delivers a session event to the collector and every listener; the first exception is rethrown after all. */
    private void emit(TrainingEvent e) {
        RuntimeException first = null;
        for (TrainingListener l : streamListeners()) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) {
                first = first == null ? ex : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<TrainingListener> streamListeners() {
        List<TrainingListener> all = new java.util.ArrayList<>(listeners.size() + 1);
        all.add(collector);
        all.addAll(listeners);
        return all;
    }

    /** The trainer's events to the stream; after a replay its own start is not announced again. */
    private final class Relay implements TrainingListener {
        private boolean dropStart;

        Relay(boolean replayed) {
            this.dropStart = replayed;
        }

        @Override
        public void onEvent(TrainingEvent e) {
            if (dropStart && e instanceof TrainingEvent.RunStarted) {
                dropStart = false;
                return;
            }
            emit(e);
        }
    }

    /** Stops before the next step (the arm checkpoints); a paused run is let go to stop. */
    public void cancel() {
        cancelled = true;
        Trainer t = trainer;
        if (t != null) {
            t.cancel();
        }
        gate.release();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Holds training after its current step (true) or lets it go on (false); a cancelled run is never held. */
    public void setPaused(boolean paused) {
        if (paused) {
            gate.pause();
        } else {
            gate.resume();
        }
    }

    public boolean isPaused() {
        return gate.isPaused();
    }

    /** Whether the training thread is held at the pause right now. */
    public boolean isHeldAtPause() {
        return gate.isHolding();
    }

    /** Connects or disconnects the guide of guided arms from the next step on (also before training starts). */
    public void setGuidanceEnabled(boolean on) {
        guidanceEnabled = on;
        Trainer t = trainer;
        if (t != null) {
            t.setGuidanceEnabled(on);
        }
    }

    public boolean isGuidanceEnabled() {
        return guidanceEnabled;
    }

    /** The experiment being run; for a resume null until its folder has been read. */
    public ExperimentSpec experiment() {
        return experiment;
    }

    /** The run folder once created or found; null before. */
    public Path directory() {
        return dir;
    }

    /** Whether this session continues a run folder (known before it runs, unlike {@link #experiment()}). */
    public boolean isResume() {
        return requested == null;
    }

    /** What a resume does, one line each (see {@link ResumePlan#notes()}); empty otherwise or before it opened. */
    public List<String> notes() {
        return notes;
    }
}
