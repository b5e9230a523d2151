package org.guidancelab.ui.run;

import java.io.IOException;
import java.nio.file.Path;
import javafx.concurrent.Task;
import org.guidancelab.platform.BackgroundPriority;
import org.guidancelab.platform.NativeLoadGate;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.TaskData;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainingEvent;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.MetricRow;
import org.guidancelab.runs.RunReader;
import org.guidancelab.runs.RunRecord;
import org.guidancelab.runs.RunResumer;
import org.guidancelab.runs.RunWriter;

/**
 * One queued run on the training thread: loads the data, opens the run folder and runs the trainer with the run
 * writer, the live feed and the pause gate as listeners (in that order, so a paused step is already on disk). A
 * dataset that cannot be loaded or an experiment the trainer refuses still leaves a run folder, marked failed with
 * the reason, so the history shows what was tried.
 */
public final class TrainingTask extends Task<RunOutcome> {
    private final RunJob job;
    private final RunSettings settings;
    private final LiveFeed feed = new LiveFeed();
    private final PauseGate gate = new PauseGate();
    private volatile Trainer trainer;
    private volatile boolean stopRequested;
    private volatile boolean guidanceEnabled = true;
    private volatile Path runDir;
    private volatile ExperimentSpec experiment;

    public TrainingTask(RunJob job, RunSettings settings) {
        this.job = job;
        this.settings = settings;
        this.experiment = job.experiment();
    }

    /** The experiment being run (for a resume: once its run folder has been read; null before). */
    public ExperimentSpec experiment() {
        return experiment;
    }

    public RunJob job() {
        return job;
    }

    public LiveFeed feed() {
        return feed;
    }

    public PauseGate gate() {
        return gate;
    }

    /** The run folder, once created (null before). */
    public Path runDir() {
        return runDir;
    }

    /** Stops before the next step (the arm checkpoints); also opens the pause gate so a paused run can stop. */
    public void stopRun() {
        stopRequested = true;
        Trainer t = trainer;
        if (t != null) {
            t.cancel();
        }
        gate.release();
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    /** Connects or disconnects the guide of guided arms from the next step on. */
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

    @Override
    protected RunOutcome call() throws IOException {
        NativeLoadGate.await(); // a run started as the window opens must not load ND4J while JavaFX loads libraries
        ComputeThreads.set(settings.threads());
        return job.isResume() ? resume() : fresh();
    }

    private RunOutcome fresh() throws IOException {
        ExperimentSpec spec = job.experiment();
        RunWriter writer = RunWriter.create(settings.runsDir(), spec);
        runDir = writer.directory();
        try {
            TaskData data;
            Trainer t;
            try {
                data = DatasetFactory.create(spec.dataset().name(), spec.dataset().params());
                t = new Trainer(spec, data, settings.options());
            } catch (DataFormatException | IllegalArgumentException e) {
                return failBeforeTraining(writer, datasetMessage(spec.dataset(), e));
            }
            t.addListener(writer);
            return train(t, t::run, writer);
        } finally {
            writer.close();
        }
    }

    private RunOutcome resume() throws IOException {
        Path dir = job.resumeDir();
        runDir = dir;
        RunRecord before = RunReader.read(dir);
        experiment = before.experiment();
        DatasetSpec ds = before.experiment().dataset();
        TaskData data;
        try {
            data = DatasetFactory.create(ds.name(), ds.params());
        } catch (DataFormatException e) {
            String msg = datasetMessage(ds, e);
            feed.onEvent(new TrainingEvent.RunFinished(RunStatus.FAILED, msg));
            return new RunOutcome(job, dir, RunStatus.FAILED, msg);
        }
        RunResumer resumer = RunResumer.open(dir, data, settings.options());
        replayKept(dir);
        return train(resumer.trainer(), resumer::run, null);
    }

    /** Shows what the run folder kept (after the resumer trimmed it) before training continues. */
    private void replayKept(Path dir) throws IOException {
        RunRecord kept = RunReader.read(dir);
        feed.onEvent(new TrainingEvent.RunStarted(kept.experiment().arms().stream().map(a -> a.name()).toList(),
                kept.experiment().training().steps(), kept.experiment().resolvedPairs().size()));
        for (MetricRow r : kept.metrics()) {
            feed.onEvent(new TrainingEvent.Step(r.arm(), r.phase(), r.step(), r.metrics()));
        }
        kept.cka().forEach(c -> feed.onEvent(new TrainingEvent.CkaMatrices(c.arm(), c.step(), c.targetGuide(),
                c.targetTarget())));
    }

    private RunOutcome train(Trainer t, java.util.function.Supplier<RunStatus> body, RunWriter writer) {
        t.addListener(feed);
        t.addListener(gate);
        t.setGuidanceEnabled(guidanceEnabled);
        trainer = t;
        if (stopRequested) {
            t.cancel();
        }
        FinalMessage last = new FinalMessage();
        t.addListener(last);
        t.addListener(new LowerJvmWorkersOnFirstStep());
        try {
            RunStatus status = body.get();
            return new RunOutcome(job, runDir, status, last.message);
        } catch (RuntimeException e) {
            // Arms catch their own errors; this is a listener or the trainer itself failing between arms.
            String msg = "training stopped on an error: " + (e.getMessage() == null ? e : e.getMessage());
            TrainingEvent.RunFinished end = new TrainingEvent.RunFinished(RunStatus.FAILED, msg);
            if (writer != null) {
                writer.onEvent(end);
            }
            feed.onEvent(end);
            return new RunOutcome(job, runDir, RunStatus.FAILED, msg);
        }
    }

    private RunOutcome failBeforeTraining(RunWriter writer, String message) {
        TrainingEvent.RunFinished end = new TrainingEvent.RunFinished(RunStatus.FAILED, message);
        writer.onEvent(end);
        feed.onEvent(end);
        return new RunOutcome(job, runDir, RunStatus.FAILED, message);
    }

    private static String datasetMessage(DatasetSpec ds, Exception e) {
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        return e instanceof DataFormatException ? "dataset '" + ds.name() + "' could not be loaded: " + msg : msg;
    }

    /**
     * Lowers the JVM threads that work for training (BackgroundPriority.lowerJvmWorkers: cleanup and the C2
     * compiler) at the first training step, when ND4J and JavaCPP have started theirs.
     */
    private static final class LowerJvmWorkersOnFirstStep implements org.guidancelab.engine.train.TrainingListener {
        private boolean done;

        @Override
        public void onEvent(TrainingEvent event) {
            if (!done && event instanceof TrainingEvent.Step) {
                done = true;
                BackgroundPriority.lowerJvmWorkers();
            }
        }
    }

    /** Remembers the run's closing message (failed arms, where it stopped). */
    private static final class FinalMessage implements org.guidancelab.engine.train.TrainingListener {
        private volatile String message = "";

        @Override
        public void onEvent(TrainingEvent event) {
            if (event instanceof TrainingEvent.RunFinished r) {
                message = r.message();
            }
        }
    }
}
