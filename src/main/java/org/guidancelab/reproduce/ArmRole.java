package org.guidancelab.reproduce;

import java.util.EnumSet;
import java.util.Set;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;

/**
 * What an arm is, for the findings' criteria: read from its {@link ArmSpec} fields, never from its name (the preset
 * tuners may rename arms, e.g. "warmup-150"). One arm may hold several roles (a warmup arm with a noise pre-phase is
 * both a warmup and a noise arm).
 */
public enum ArmRole {
    BASELINE("baseline", "no guidance"),
    GUIDED_UNTRAINED("guided-untrained", "guided by an untrained guide for the whole run"),
    GUIDED_TRAINED("guided-trained", "guided by a guide trained on the task first"),
    WARMUP("warmup", "guidance only for the first steps, then disconnected"),
    NOISE("noise", "guidance where the guide sees noise (or an alignment pre-phase on noise)"),
    DISTILL_UNTRAINED("distill-untrained", "logit distillation from an untrained teacher"),
    DISTILL_TRAINED("distill-trained", "logit distillation from a teacher trained on the task first");

    private final String label;
    private final String meaning;

    ArmRole(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }

    /** The roles of an arm by the findings contract (empty: an extra arm, shown but judged by no check). */
    public static Set<ArmRole> of(ArmSpec a) {
        Set<ArmRole> roles = EnumSet.noneOf(ArmRole.class);
        boolean guided = a.kind() == ArmKind.GUIDED_UNTRAINED || a.kind() == ArmKind.GUIDED_TRAINED;
        if (a.kind() == ArmKind.BASELINE) {
            roles.add(BASELINE);
        }
        if (a.kind() == ArmKind.GUIDED_UNTRAINED && a.guidanceSteps() == 0 && !a.noiseGuide()
                && a.noisePrephaseSteps() == 0 && a.taskGuidance()) {
            roles.add(GUIDED_UNTRAINED);
        }
        if (a.kind() == ArmKind.GUIDED_TRAINED && a.guidanceSteps() == 0 && !a.noiseGuide() && a.taskGuidance()) {
            roles.add(GUIDED_TRAINED);
        }
        if (guided && a.guidanceSteps() > 0 && !a.noiseGuide() && a.taskGuidance()) {
            roles.add(WARMUP);
        }
        if (guided && (a.noiseGuide() || a.noisePrephaseSteps() > 0)) {
            roles.add(NOISE);
        }
        if (a.kind() == ArmKind.DISTILLATION) {
            boolean untrained = a.guideTrainSteps() == 0 && (a.guideModel() == null || a.guideModel().isBlank());
            roles.add(untrained ? DISTILL_UNTRAINED : DISTILL_TRAINED);
        }
        return roles;
    }

    /** A short account of what an arm does, for the report's table. */
    public static String describe(ArmSpec a) {
        StringBuilder s = new StringBuilder();
        switch (a.kind()) {
            case BASELINE:
                s.append("no guidance");
                break;
            case GUIDED_UNTRAINED:
                s.append("guided, untrained guide");
                break;
            case GUIDED_TRAINED:
                s.append(a.guideModel() != null && !a.guideModel().isBlank() ? "guided, guide loaded from a model"
                        : "guided, guide trained " + a.guideTrainSteps() + " steps");
                break;
            case DISTILLATION:
                s.append(a.guideTrainSteps() > 0 ? "distillation, teacher trained " + a.guideTrainSteps() + " steps"
                        : "distillation, untrained teacher");
                break;
            default:
                s.append(a.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (a.guidanceSteps() > 0) {
            s.append(", guidance for the first ").append(a.guidanceSteps()).append(" steps");
        }
        if (a.noiseGuide()) {
            s.append(", guide sees noise");
        }
        if (a.noisePrephaseSteps() > 0) {
            s.append(", ").append(a.noisePrephaseSteps()).append(" alignment steps on noise first");
        }
        if (!a.taskGuidance() && (a.kind() == ArmKind.GUIDED_UNTRAINED || a.kind() == ArmKind.GUIDED_TRAINED)) {
            s.append(", then no guidance");
        }
        return s.toString();
    }
}
