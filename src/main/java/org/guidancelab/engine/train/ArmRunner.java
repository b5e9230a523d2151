package org.guidancelab.engine.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.guidancelab.data.BatchOrder;
import org.guidancelab.data.TaskData;
import org.guidancelab.platform.ComputeThreads;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.engine.cka.TapGrams;
import org.guidancelab.engine.loss.Accuracy;
import org.guidancelab.engine.loss.Distillation;
import org.guidancelab.engine.loss.LossValue;
import org.guidancelab.engine.loss.SoftmaxCrossEntropy;
import org.guidancelab.engine.model.Model;
import org.guidancelab.engine.imported.ImportedModel;
import org.guidancelab.engine.model.ModelFile;
import org.guidancelab.engine.model.StochasticModel;
import org.guidancelab.engine.optim.GradientClipping;
import org.guidancelab.engine.optim.Optimizer;
import org.guidancelab.engine.optim.Optimizers;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.experiment.TrainingSpec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One arm, run a step at a time: builds the target (seeded with the experiment's seed, so every arm starts from the
 * same weights) and the frozen guide, prepares the guide (trained, loaded or untrained), runs the noise pre-phase, then
 * the task steps with the arm's loss, evaluating and checkpointing on schedule. The guide is only ever run forward in
 * eval mode.
 *
 * <p>Each arm owns everything that carries state from one step to the next (its networks, optimizers, data and noise
 * buffers, evaluator, guide-tap caches), so the {@link Trainer} can advance several arms in turn on one thread and every
 * arm computes exactly what it would alone: the schedule of arms never reaches the numbers.
 */
final class ArmRunner {
    /** ABORTED: the run's record could not be written, so the whole run ends (see RecordingFailedException). */
    enum Outcome { FINISHED, STOPPED, FAILED, ABORTED }

    /** Where the arm is: what its next {@link #advance()} does. */
    private enum Stage { NEW, GUIDE_TRAINING, NOISE_PREPHASE, TASK_START, TASK, ENDED }

    private final ExperimentSpec spec;
    private final TrainingSpec training;
    private final TaskData data;
    private final TrainerOptions options;
    private final TrainerControl control;
    private final Consumer<TrainingEvent> emit;
    private final Consumer<TrainingEvent> emitToAll;
    private final List<TapPair> pairs;
    private final BatchOrder order;
    private final int[] indices;
    private final BatchLoader loader;
    private final NoiseInputs noise;
    private final Evaluator evaluator;
    private final int index;
    private final ArmSpec arm;
    private final ArmState resume;

    private Stage stage = Stage.NEW;
    private Outcome outcome;
    private int currentStep;
    private INDArray dLogits;
    private INDArray dStudent;
    private GuideTapCache guideCache;
    private GuideTapCache teacherCache;
    private String lastFailure = "";

    private Model target;
    private Model guide;
    private Optimizer opt;
    private Optimizer guideOpt;
    private GuidanceTerm term;
    /** The step of the current phase last done, and the last one checkpointed. */
    private int phaseStep;
    private int lastCheckpoint;
    private TapGrams guideGrams;
    private boolean guideGramsReady;
    private int taskStart;
    /** Time spent in this arm's own task steps: steps per second stay the arm's own speed when arms take turns. */
    private long taskNanos;

    /**
     * {@code emit} delivers an event (a listener's exception fails the arm); {@code emitToAll} delivers an ending
     * event to every listener whatever one of them throws. {@code resume} is the checkpoint to continue, or null.
     */
    ArmRunner(ExperimentSpec spec, TaskData data, TrainerOptions options, TrainerControl control, Consumer<TrainingEvent> emit,
              Consumer<TrainingEvent> emitToAll, int index, ArmSpec arm, ArmState resume) {
        this.spec = spec;
        this.training = spec.training();
        this.data = data;
        this.options = options;
        this.control = control;
        this.emit = emit;
        this.emitToAll = emitToAll;
        this.index = index;
        this.arm = arm;
        this.resume = resume;
        this.pairs = spec.resolvedPairs();
        if (training.batchSize() <= 0) {
            throw new IllegalArgumentException("training.batchSize must be positive, got " + training.batchSize());
        }
        // Full batches whenever the split allows (minibatch CKA then always sees the same number of examples).
        this.order = new BatchOrder(data.train().size(), training.batchSize(),
                data.train().size() >= training.batchSize(), training.seed());
        this.indices = new int[training.batchSize()];
        this.loader = new BatchLoader(data);
        this.noise = new NoiseInputs(data, training.seed());
        this.evaluator = new Evaluator(data, training.batchSize(), options.probeSize(), training.seed(), options.heatmapEstimator());
    }

    /** The guide's seed: derived from the experiment's, different from the target's. */
    static long guideSeed(long seed) {
        return seed + 1_000_003L;
    }

    String name() {
        return arm.name();
    }

    /** The message of the arm's failure (failed or aborted). */
    String lastFailure() {
        return lastFailure;
    }

    /** Runs the arm to its end on the calling thread. */
    Outcome run() {
        Outcome o;
        do {
            o = advance();
        } while (o == null);
        return o;
    }

    /**
     * Does the arm's next piece of work (its start, or one step of its current phase, with the evaluation and
     * checkpoint due after it); returns null while the arm goes on, its outcome once it has ended. A cancel is seen
     * before the next step: the arm checkpoints what it did since its last checkpoint and ends as STOPPED.
     */
    Outcome advance() {
        if (stage == Stage.ENDED) {
            return outcome;
        }
        try {
            switch (stage) {
                case NEW -> begin();
                case GUIDE_TRAINING -> guideTrainingStep();
                case NOISE_PREPHASE -> noisePrephaseStep();
                case TASK_START -> startTask();
                case TASK -> taskStepWithSchedule();
                default -> throw new IllegalStateException(stage.name());
            }
        } catch (RecordingFailedException e) {
            lastFailure = e.getMessage();
            end(Outcome.ABORTED);
            emitToAll.accept(new TrainingEvent.ArmFailed(arm.name(), currentStep, e.getMessage()));
        } catch (NonFiniteException e) {
            lastFailure = e.getMessage();
            end(Outcome.FAILED);
            emitToAll.accept(new TrainingEvent.ArmFailed(arm.name(), e.step(), e.getMessage()));
        } catch (IOException | RuntimeException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            lastFailure = "arm '" + arm.name() + "': " + msg;
            end(Outcome.FAILED);
            emitToAll.accept(new TrainingEvent.ArmFailed(arm.name(), currentStep, lastFailure));
        }
        return stage == Stage.ENDED ? outcome : null;
    }

    /** Ends the arm without another step (the run is over: another arm's record could not be written). */
    void abandon() {
        if (stage != Stage.ENDED) {
            end(Outcome.ABORTED);
        }
    }

    /** Marks the arm ended and frees its networks. */
    private void end(Outcome o) {
        outcome = o;
        stage = Stage.ENDED;
        guideCache = null;
        teacherCache = null;
        if (target != null) {
            target.close();
            target = null;
        }
        if (guide != null) {
            guide.close();
            guide = null;
        }
    }

    /** Builds the networks, restores a checkpoint and decides the first phase. */
    private void begin() throws IOException {
        // A checkpoint taken before the task steps (guide training, noise pre-phase) continues that phase first.
        Phase from = resume == null ? Phase.GUIDE_TRAINING : resume.phase();
        currentStep = resume == null || from != Phase.TASK ? 0 : resume.step();
        ComputeThreads.bindCurrentThread(); // this may be a new thread (service, reproduce job): OpenMP counts per thread
        emit.accept(new TrainingEvent.ArmStarted(arm.name(), index, arm.kind(), training.steps(), currentStep));
        target = options.models().create(spec.target(), training.seed());
        // A guide this arm does not train only ever runs forward in eval mode: the frozen fast path where it
        // fits (loaded or checkpointed guide weights are copied into its params() like into any model).
        guide = spec.guide().isImported()
                ? ImportedModel.open(spec.guide(), Arrays.stream(data.inputShape()).boxed().toList())
                : guideTrainedHere()
                ? options.models().create(spec.guide(), guideSeed(training.seed()))
                : options.models().createFrozen(spec.guide(), guideSeed(training.seed()));
        opt = Optimizers.create(training, (int) target.params().length());
        term = arm.usesGuidance() ? new GuidanceTerm(pairs, target.tapNames(), guide.tapNames(), training.alpha()) : null;
        if (resume != null) {
            restore(resume, target, guide, from == Phase.TASK || from == Phase.NOISE_PREPHASE ? opt : null);
        }
        if (from == Phase.GUIDE_TRAINING) {
            prepareGuide();
        } else if (from == Phase.NOISE_PREPHASE) {
            enterNoisePrephase(resume.step());
        } else {
            enterTask();
        }
    }

    /**
     * Trains, loads or leaves the guide as the arm asks. Training continues a guide-training checkpoint after its
     * step; a stop checkpoints the guide's training (so resume continues it rather than starting over), as does every
     * checkpoint interval on the way.
     */
    private void prepareGuide() throws IOException {
        if (arm.kind() != ArmKind.GUIDED_TRAINED && arm.kind() != ArmKind.DISTILLATION) {
            enterNoisePrephase(0);
            return;
        }
        if (arm.guideModel() != null && !arm.guideModel().isBlank()) {
            ModelFile.load(guide, Path.of(arm.guideModel()));
            enterNoisePrephase(0);
            return;
        }
        guideOpt = Optimizers.create(training, (int) guide.params().length());
        phaseStep = 0;
        if (resume != null && resume.phase() == Phase.GUIDE_TRAINING) {
            guideOpt.importState(resume.optimizer());
            phaseStep = resume.step();
        }
        lastCheckpoint = phaseStep;
        stage = Stage.GUIDE_TRAINING;
    }

    private void guideTrainingStep() {
        int k = phaseStep + 1;
        if (k > arm.guideTrainSteps()) {
            guideOpt = null;
            enterNoisePrephase(0);
            return;
        }
        if (control.cancelled()) {
            if (k - 1 > lastCheckpoint) {
                emit.accept(new TrainingEvent.Checkpoint(arm.name(), snapshot(Phase.GUIDE_TRAINING, k - 1, guideOpt)));
            }
            stopBeforeTask();
            return;
        }
        Batch b = trainingBatch(k - 1);
        Model.Forward f = guide.forward(b.x(), true);
        INDArray dz = logitGradient(f.logits());
        LossValue task = SoftmaxCrossEntropy.compute(f.logits(), b.labels(), dz);
        NonFiniteException.check(Phase.GUIDE_TRAINING, k, "the guide's task loss", task.value());
        double norm = update(Phase.GUIDE_TRAINING, k, guide, guideOpt, dz, null);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.TRAIN_LOSS, task.value());
        m.put(Metrics.TASK_LOSS, task.value());
        m.put(Metrics.GRAD_NORM, norm);
        phaseStep = k;
        emit.accept(new TrainingEvent.Step(arm.name(), Phase.GUIDE_TRAINING, k, m));
        if (checkpointDue(k, arm.guideTrainSteps())) {
            emit.accept(new TrainingEvent.Checkpoint(arm.name(), snapshot(Phase.GUIDE_TRAINING, k, guideOpt)));
            lastCheckpoint = k;
        }
    }

    /** Alignment-only steps on noise fed to both networks come next, after step {@code start} (none without pairs). */
    private void enterNoisePrephase(int start) {
        if (term == null || term.size() == 0) {
            enterTask();
            return;
        }
        phaseStep = start;
        lastCheckpoint = start;
        stage = Stage.NOISE_PREPHASE;
    }

    private void noisePrephaseStep() {
        int k = phaseStep + 1;
        if (k > arm.noisePrephaseSteps()) {
            enterTask();
            return;
        }
        if (control.cancelled()) {
            if (k - 1 > lastCheckpoint) {
                emit.accept(new TrainingEvent.Checkpoint(arm.name(), snapshot(Phase.NOISE_PREPHASE, k - 1, opt)));
            }
            stopBeforeTask();
            return;
        }
        INDArray x = noise.batch(Phase.NOISE_PREPHASE, k - 1, training.batchSize());
        Model.Forward f = target.forward(x, true);
        double guidance = term.compute(f.taps(), guide.forward(x, false).taps());
        Map<String, Double> m = new LinkedHashMap<>();
        putPairs(m, term, Phase.NOISE_PREPHASE, k);
        double norm = update(Phase.NOISE_PREPHASE, k, target, opt, null, term.tapGradients());
        m.put(Metrics.TRAIN_LOSS, guidance);
        m.put(Metrics.GUIDANCE_LOSS, guidance);
        m.put(Metrics.GUIDANCE_ON, 1.0);
        m.put(Metrics.GRAD_NORM, norm);
        phaseStep = k;
        emit.accept(new TrainingEvent.Step(arm.name(), Phase.NOISE_PREPHASE, k, m));
        if (checkpointDue(k, arm.noisePrephaseSteps())) {
            emit.accept(new TrainingEvent.Checkpoint(arm.name(), snapshot(Phase.NOISE_PREPHASE, k, opt)));
            lastCheckpoint = k;
        }
    }

    /** A stop before the task steps: the arm ends at step 0 of its task. */
    private void stopBeforeTask() {
        end(Outcome.STOPPED);
        emit.accept(new TrainingEvent.ArmFinished(arm.name(), 0, true));
    }

    private void enterTask() {
        stage = Stage.TASK_START;
    }

    /**
     * The guide no longer changes from here on (it was trained, loaded or restored before): its caches are filled
     * (whole, in canonical chunks, before the first task step: see GuideTapCache) and the "before" heatmap is drawn.
     */
    private void startTask() {
        guideCache = new GuideTapCache(guide, data.train().size(), options.guideCacheBytes());
        teacherCache = GuideTapCache.logits(guide, data.train().size(), options.guideCacheBytes());
        if (term != null && term.size() > 0 && !arm.noiseGuide() && revisitsExamples(lastGuidedStep())) {
            guideCache.fill(loader, training.batchSize());
        }
        if (arm.kind() == ArmKind.DISTILLATION && revisitsExamples(training.steps())) {
            teacherCache.fill(loader, training.batchSize());
        }
        taskStart = currentStep;
        lastCheckpoint = taskStart;
        phaseStep = taskStart;
        if (taskStart == 0) {
            // The "before" heatmap: where the target starts from, so before/after views compare with step 0.
            guideGrams = evaluator.guideGrams(guide);
            guideGramsReady = true;
            CkaMatrix[] initial = evaluator.heatmaps(target, guideGrams);
            if (initial != null) {
                emit.accept(new TrainingEvent.CkaMatrices(arm.name(), 0, initial[0], initial[1]));
            }
        }
        stage = Stage.TASK;
    }

    private void taskStepWithSchedule() {
        int s = phaseStep + 1;
        if (s > training.steps()) {
            end(Outcome.FINISHED);
            emit.accept(new TrainingEvent.ArmFinished(arm.name(), training.steps(), false));
            return;
        }
        if (control.cancelled()) {
            if (s - 1 > lastCheckpoint) {
                emit.accept(new TrainingEvent.Checkpoint(arm.name(), snapshot(Phase.TASK, s - 1, opt)));
            }
            end(Outcome.STOPPED);
            emit.accept(new TrainingEvent.ArmFinished(arm.name(), s - 1, true));
            return;
        }
        long began = System.nanoTime();
        currentStep = s;
        Map<String, Double> m = taskStep(s, target, guide, opt, term);
        boolean evalNow = (training.evalInterval() > 0 && s % training.evalInterval() == 0) || s == training.steps();
        Map<String, Double> eval = new LinkedHashMap<>();
        CkaMatrix[] maps = null;
        if (evalNow) {
            eval.put(Metrics.TRAIN_ACCURACY, m.remove(Metrics.TRAIN_ACCURACY));
            eval.putAll(evaluator.validation(target));
            if (!guideGramsReady) {
                guideGrams = evaluator.guideGrams(guide);
                guideGramsReady = true;
            }
            maps = evaluator.heatmaps(target, guideGrams);
            m.putAll(eval);
        } else {
            m.remove(Metrics.TRAIN_ACCURACY);
        }
        taskNanos += System.nanoTime() - began;
        double seconds = taskNanos / 1e9;
        m.put(Metrics.STEPS_PER_SECOND, seconds > 0 ? (s - taskStart) / seconds : Double.NaN);
        phaseStep = s;
        emit.accept(new TrainingEvent.Step(arm.name(), Phase.TASK, s, m));
        if (evalNow) {
            emit.accept(new TrainingEvent.Evaluation(arm.name(), s, eval));
            if (maps != null) {
                emit.accept(new TrainingEvent.CkaMatrices(arm.name(), s, maps[0], maps[1]));
            }
        }
        if ((training.checkpointInterval() > 0 && s % training.checkpointInterval() == 0) || s == training.steps()) {
            emit.accept(new TrainingEvent.Checkpoint(arm.name(), snapshot(Phase.TASK, s, opt)));
            lastCheckpoint = s;
        }
    }

    private Map<String, Double> taskStep(int s, Model target, Model guide, Optimizer opt, GuidanceTerm term) {
        Batch b = trainingBatch(s - 1);
        Model.Forward f = target.forward(b.x(), true);
        INDArray dz = logitGradient(f.logits());
        LossValue task = SoftmaxCrossEntropy.compute(f.logits(), b.labels(), dz);
        NonFiniteException.check(Phase.TASK, s, "the task loss", task.value());
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.TRAIN_ACCURACY, Accuracy.of(f.logits(), b.labels()));
        boolean guidanceOn = term != null && control.guidanceEnabled() && arm.guidesTaskStep(s);
        double guidance = 0;
        Map<String, INDArray> dTaps = null;
        int[] batchIndices = b.size() == indices.length ? indices : java.util.Arrays.copyOf(indices, b.size());
        if (guidanceOn && term.size() > 0) {
            Map<String, INDArray> guideTaps = arm.noiseGuide()
                    ? guide.forward(noise.batch(Phase.TASK, s - 1, b.size()), false).taps()
                    : guideCache.taps(batchIndices, b.x());
            guidance = term.compute(f.taps(), guideTaps);
            dTaps = term.tapGradients();
            putPairs(m, term, Phase.TASK, s);
        }
        double distill = 0;
        if (arm.kind() == ArmKind.DISTILLATION) {
            INDArray teacher = teacherCache.taps(batchIndices, b.x()).get(GuideTapCache.LOGITS);
            if (dStudent == null || !java.util.Arrays.equals(dStudent.shape(), dz.shape())) {
                dStudent = Nd4j.create(dz.dataType(), dz.shape());
            }
            LossValue kl = Distillation.compute(f.logits(), teacher, arm.distillTemperature(), b.labels(), dStudent);
            distill = arm.distillWeight() * kl.value();
            NonFiniteException.check(Phase.TASK, s, "the distillation loss", distill);
            dz.addi(dStudent.muli(arm.distillWeight()));
        }
        double gradNorm = update(Phase.TASK, s, target, opt, dz, dTaps);
        m.put(Metrics.TRAIN_LOSS, task.value() + guidance + distill);
        m.put(Metrics.TASK_LOSS, task.value());
        m.put(Metrics.GUIDANCE_LOSS, guidance);
        if (arm.kind() == ArmKind.DISTILLATION) {
            m.put(Metrics.DISTILL_LOSS, distill);
        }
        m.put(Metrics.GUIDANCE_ON, guidanceOn ? 1.0 : 0.0);
        m.put(Metrics.GRAD_NORM, gradNorm);
        return m;
    }

    /** Backward, clipping and the optimizer step; returns the gradient norm before clipping. */
    private double update(Phase phase, int s, Model model, Optimizer opt, INDArray dz, Map<String, INDArray> dTaps) {
        model.backward(dz, dTaps);
        int p = (int) model.gradients().length();
        double norm = GradientClipping.clip(Optimizer.floats(model.gradients()), p, training.gradClip());
        NonFiniteException.check(phase, s, "the gradient norm", norm);
        opt.step(model.params(), model.gradients());
        return norm;
    }

    private void putPairs(Map<String, Double> m, GuidanceTerm term, Phase phase, int s) {
        double sum = 0;
        for (int i = 0; i < term.size(); i++) {
            double v = term.value(i);
            NonFiniteException.check(phase, s, "guidance term " + Metrics.ckaPair(i) + " (" + pairs.get(i).targetTap()
                    + " ~ " + pairs.get(i).guideTap() + ")", v);
            m.put(Metrics.ckaPair(i), v);
            sum += v;
        }
        m.put(Metrics.MEAN_PAIR_CKA, term.size() == 0 ? Double.NaN : sum / term.size());
    }

    /** The last task step the arm's schedule guides (the live switch can only turn guidance off). */
    private int lastGuidedStep() {
        return arm.guidanceSteps() > 0 ? Math.min(arm.guidanceSteps(), training.steps()) : training.steps();
    }

    /**
     * Whether the task steps up to {@code lastStep} see some example twice: only then does a cache of the guide's
     * outputs save forward passes. Decided from the experiment alone, so a resumed run decides as the first did.
     */
    private boolean revisitsExamples(int lastStep) {
        return lastStep > order.stepsPerEpoch();
    }

    /** Batch {@code k} (0-based) of the shared data order. */
    private Batch trainingBatch(long k) {
        int n = order.indices(k, indices);
        return loader.training(indices, n);
    }

    private INDArray logitGradient(INDArray logits) {
        if (dLogits == null || !java.util.Arrays.equals(dLogits.shape(), logits.shape()) || dLogits.dataType() != logits.dataType()) {
            dLogits = Nd4j.create(logits.dataType(), logits.shape());
        }
        return dLogits;
    }

    /** Whether this arm trains its guide on the task before using it (so the guide needs backward). */
    private boolean guideTrainedHere() {
        return (arm.kind() == ArmKind.GUIDED_TRAINED || arm.kind() == ArmKind.DISTILLATION)
                && (arm.guideModel() == null || arm.guideModel().isBlank()) && arm.guideTrainSteps() > 0;
    }

    /** A checkpoint on the interval inside a phase before the task (its last step is followed by the next phase). */
    private boolean checkpointDue(int k, int phaseSteps) {
        return training.checkpointInterval() > 0 && k % training.checkpointInterval() == 0 && k < phaseSteps;
    }

    /** {@code opt} is the optimizer of the phase: the guide's in GUIDE_TRAINING, else the target's. */
    private ArmState snapshot(Phase phase, int step, Optimizer opt) {
        long random = target instanceof StochasticModel sm ? sm.randomState() : 0L;
        long guideRandom = guide instanceof StochasticModel sm ? sm.randomState() : 0L;
        return new ArmState(arm.name(), phase, step, target.params().toFloatVector(), floats(target.state()), random,
                opt.exportState(), guide.params().toFloatVector(), floats(guide.state()), guideRandom);
    }

    private static float[] floats(INDArray a) {
        return a == null || a.length() == 0 ? new float[0] : a.toFloatVector();
    }

    /** Restores the networks (and {@code opt}, the target's optimizer, unless null: a guide-training checkpoint). */
    private void restore(ArmState st, Model target, Model guide, Optimizer opt) throws IOException {
        String source = "checkpoint of arm '" + arm.name() + "' at " + st.where();
        ModelFile.assign(target.params(), st.targetParams(), source, "target parameters", target);
        ModelFile.assign(target.state(), st.targetState(), source, "target state values", target);
        if (target instanceof StochasticModel sm) {
            sm.setRandomState(st.targetRandom());
        }
        if (opt != null) {
            opt.importState(st.optimizer());
        }
        if (st.guideParams() != null) {
            ModelFile.assign(guide.params(), st.guideParams(), source, "guide parameters", guide);
            ModelFile.assign(guide.state(), st.guideState(), source, "guide state values", guide);
            if (guide instanceof StochasticModel sm && st.phase() == Phase.GUIDE_TRAINING) {
                sm.setRandomState(st.guideRandom());
            }
        }
    }
}
