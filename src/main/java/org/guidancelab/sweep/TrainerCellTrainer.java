package org.guidancelab.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;
import org.guidancelab.data.TaskData;
import org.guidancelab.engine.train.RunStatus;
import org.guidancelab.engine.train.Trainer;
import org.guidancelab.engine.train.TrainerOptions;
import org.guidancelab.engine.train.TrainingListener;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.runs.RunFiles;
import org.guidancelab.runs.RunResumer;
import org.guidancelab.runs.RunWriter;

/**
 * {@link CellTrainer} over today's machinery, the path of the {@code run} and {@code resume} commands: a fresh cell is
 * a {@link Trainer} with a {@link RunWriter} listening ({@link RunWriter#createIn}), a cell whose folder holds a run
 * is continued by {@link RunResumer}. Datasets are built once and shared by the cells that use the same one (they are
 * read-only), a few at a time.
 */
public final class TrainerCellTrainer implements CellTrainer {
    private static final int DATASETS_KEPT = 4;

    private final TrainerOptions options;
    private final Map<DatasetSpec, TaskData> datasets = new LinkedHashMap<>(8, 0.75f, true);

    public TrainerCellTrainer(TrainerOptions options) {
        this.options = options;
    }

    /** The engine's defaults with the guide tap cache within a job's memory bound ({@link LocalExecutor#memoryPerJob}). */
    public static TrainerCellTrainer forJobs(int jobs) {
        long cache = Math.min(TrainerOptions.DEFAULT_GUIDE_CACHE_BYTES, LocalExecutor.memoryPerJob(jobs) / 4);
        return new TrainerCellTrainer(TrainerOptions.defaults().withGuideCacheBytes(cache));
    }

    @Override
    public CellResult train(SweepCell cell, Path folder, CancelSignal cancel, TrainingListener listener) {
        ExperimentSpec exp = cell.experiment();
        TaskData data;
        try {
            data = dataset(exp.dataset());
        } catch (DataFormatException e) {
            return CellResult.failed(e.getMessage());
        }
        Trainer trainer;
        java.util.function.Supplier<RunStatus> body;
        java.util.function.Supplier<List<String>> failures;
        List<String> notes = new ArrayList<>();
        boolean resumed = Files.isRegularFile(folder.resolve(RunFiles.METRICS));
        RunWriter writer = null;
        try {
            if (resumed) {
                RunResumer resumer = RunResumer.open(folder, data, options);
                notes.addAll(resumer.notes());
                trainer = resumer.trainer();
                body = resumer::run;
                failures = resumer::failures;
            } else {
                writer = RunWriter.createIn(folder, exp);
                trainer = new Trainer(exp, data, options);
                trainer.addListener(writer);
                RunWriter w = writer;
                body = trainer::run;
                failures = w::failures;
            }
        } catch (IOException | RuntimeException e) {
            return CellResult.failed(String.valueOf(e.getMessage()));
        }
        trainer.addListener(listener);
        String[] ended = {""};
        trainer.addListener(e -> {
            if (e instanceof org.guidancelab.engine.train.TrainingEvent.RunFinished f) {
                ended[0] = f.message();
            }
        });
        RunStatus status;
        try (CancelSignal.Registration r = cancel.onCancel(trainer::cancel)) {
            status = body.get();
        } catch (RuntimeException e) {
            return new CellResult(CellStatus.FAILED, String.valueOf(e.getMessage()), resumed, notes);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        List<String> failed = failures.get().stream().distinct().toList();
        if (!failed.isEmpty()) {
            return new CellResult(CellStatus.FAILED, String.join("; ", failed), resumed, notes);
        }
        switch (status) {
            case FINISHED:
                return new CellResult(CellStatus.FINISHED, "", resumed, notes);
            case STOPPED:
                return new CellResult(CellStatus.STOPPED, "stopped", resumed, notes);
            default:
                return new CellResult(CellStatus.FAILED, ended[0].isBlank() ? "an arm failed" : ended[0], resumed, notes);
        }
    }

    private TaskData dataset(DatasetSpec spec) throws DataFormatException {
        synchronized (datasets) {
            TaskData d = datasets.get(spec);
            if (d != null) {
                return d;
            }
        }
        TaskData d = DatasetFactory.create(spec.name(), spec.params());
        synchronized (datasets) {
            datasets.put(spec, d);
            while (datasets.size() > DATASETS_KEPT) {
                datasets.remove(datasets.keySet().iterator().next());
            }
        }
        return d;
    }
}
