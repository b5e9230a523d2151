package org.guidancelab.experiment;

import java.util.Locale;

/** The arms of the paper, each a way of training the same target on the same data. */
public enum ArmKind {
    /** Task loss only: the "untrainable" network on its own. */
    BASELINE("No guidance: the target trains on its task alone."),
    /** CKA guidance from a frozen, randomly initialised (seeded) guide. */
    GUIDED_UNTRAINED("Guided by an untrained guide: only the guide's architecture (its inductive bias) is transferred."),
    /** CKA guidance from a guide first trained on the task (or loaded from a saved model). */
    GUIDED_TRAINED("Guided by a trained guide: architecture and learned knowledge are transferred."),
    /** Logit knowledge distillation (KL to the guide's softened outputs) instead of CKA guidance. */
    DISTILLATION("Logit distillation from the guide as teacher: fails with an untrained teacher, unlike guidance.");

    private final String explanation;

    ArmKind(String explanation) {
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ArmKind parse(String s) {
        for (ArmKind k : values()) {
            if (k.jsonName().equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) {
                return k;
            }
        }
        return null;
    }
}
