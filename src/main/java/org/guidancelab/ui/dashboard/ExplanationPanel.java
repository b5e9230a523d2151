package org.guidancelab.ui.dashboard;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;

/** For teaching: what each arm of the run does and what to watch for on the curves and the heatmap. */
public final class ExplanationPanel extends VBox {
    public ExplanationPanel() {
        setSpacing(6);
        setPadding(new Insets(6));
        setId("explanation");
        show(null);
    }

    public void show(ExperimentSpec spec) {
        getChildren().clear();
        Label title = new Label("What the arms do");
        title.getStyleClass().add("dashboard-section");
        getChildren().add(title);
        if (spec == null) {
            getChildren().add(wrap("Press Run in the builder to train every arm of the experiment side by side."));
            return;
        }
        getChildren().add(wrap("Every arm trains the same target from the same initial weights on the same batches;"
                + " only the loss differs. Guided arms add α·Σ(1 − CKA) over the tap pairs outlined on the heatmap"
                + " (α = " + spec.training().alpha() + ")."));
        for (ArmSpec a : spec.arms()) {
            Label l = wrap("• " + a.name() + ": " + a.kind().explanation() + variant(a) + " " + lookFor(a.kind()));
            l.setId("explain-" + a.name());
            getChildren().add(l);
        }
    }

    static String variant(ArmSpec a) {
        StringBuilder sb = new StringBuilder();
        if (a.usesGuidance() && a.guidanceSteps() > 0) {
            sb.append(" Warmup: the guide is disconnected after step ").append(a.guidanceSteps())
                    .append(" (marked on the curves); watch whether the benefit lasts.");
        }
        if (a.noiseGuide()) {
            sb.append(" The guide sees Gaussian noise while the target sees the real batch.");
        }
        if (a.noisePrephaseSteps() > 0) {
            sb.append(" First ").append(a.noisePrephaseSteps()).append(" alignment-only steps on noise.");
        }
        if (a.usesGuidance() && !a.taskGuidance()) {
            sb.append(" Then it trains without the guide: does the alignment on noise alone keep it from overfitting?");
        }
        if ((a.kind() == ArmKind.GUIDED_TRAINED || a.kind() == ArmKind.DISTILLATION) && a.guideTrainSteps() > 0) {
            sb.append(" The guide first trains ").append(a.guideTrainSteps()).append(" steps on the task.");
        }
        return sb.toString();
    }

    static String lookFor(ArmKind kind) {
        switch (kind) {
            case BASELINE:
                return "Look for: the validation loss turning upwards while the training loss keeps falling (overfitting).";
            case GUIDED_UNTRAINED:
                return "Look for: per-pair CKA rising towards 1 and a validation loss that stays low.";
            case GUIDED_TRAINED:
                return "Look for: the same, usually faster, since the guide's layers also carry what it learned.";
            case DISTILLATION:
                return "Look for: with an untrained teacher it copies noise and does worse than guidance.";
            default:
                return "";
        }
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }
}
