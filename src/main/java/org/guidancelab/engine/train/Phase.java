package org.guidancelab.engine.train;

/** What a training step belongs to. Only TASK steps count towards the experiment's step budget and curves. */
public enum Phase {
    /** The guide (or distillation teacher) trained on the task before the arm starts. */
    GUIDE_TRAINING,
    /** Alignment-only steps on noise inputs before task training. */
    NOISE_PREPHASE,
    /** Task training of the target (with guidance, distillation or neither). */
    TASK;

    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static Phase parse(String s) {
        for (Phase p : values()) {
            if (p.jsonName().equalsIgnoreCase(s) || p.name().equalsIgnoreCase(s)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown phase '" + s + "'");
    }
}
