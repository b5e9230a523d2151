package org.guidancelab.engine.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.experiment.ArmKind;

/**
 * What training reports, delivered on the training thread to every {@link TrainingListener}. Events carry plain
 * values only (no ND4J arrays), so listeners may keep them or hand them to another thread as they are.
 */
public sealed interface TrainingEvent {

    /** The arm's name ("" for run-level events). */
    String arm();

    /** A run began: its arms and their step budget. */
    record RunStarted(java.util.List<String> arms, int steps, int pairs) implements TrainingEvent {
        public RunStarted {
            arms = java.util.List.copyOf(arms);
        }

        @Override
        public String arm() {
            return "";
        }
    }

    /** An arm began (or resumed: {@code fromStep} > 0). */
    record ArmStarted(String arm, int armIndex, ArmKind kind, int steps, int fromStep) implements TrainingEvent {
    }

    /** One optimisation step; for TASK steps at evaluation points the map also holds the evaluation metrics. */
    record Step(String arm, Phase phase, int step, Map<String, Double> metrics) implements TrainingEvent {
        public Step {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }

        /** The metric's value, or NaN when it was not recorded at this step. */
        public double get(String name) {
            Double v = metrics.get(name);
            return v == null ? Double.NaN : v;
        }
    }

    /** Validation loss and accuracy, train accuracy on the batch, after TASK step {@code step}. */
    record Evaluation(String arm, int step, Map<String, Double> metrics) implements TrainingEvent {
        public Evaluation {
            metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /** CKA heatmaps on the fixed probe batch after TASK step {@code step}: target x guide and target x target. */
    record CkaMatrices(String arm, int step, CkaMatrix targetGuide, CkaMatrix targetTarget) implements TrainingEvent {
    }

    /** Everything needed to continue the arm after TASK step {@code state.step()}. */
    record Checkpoint(String arm, ArmState state) implements TrainingEvent {
    }

    /** The arm ended normally ({@code stopped} false) or was cancelled after {@code step}. */
    record ArmFinished(String arm, int step, boolean stopped) implements TrainingEvent {
    }

    /** The arm stopped on an error (NaN/Inf, a model that cannot be built, ...); what it recorded stays valid. */
    record ArmFailed(String arm, int step, String message) implements TrainingEvent {
    }

    /** All arms are done. */
    record RunFinished(RunStatus status, String message) implements TrainingEvent {
        @Override
        public String arm() {
            return "";
        }
    }
}
