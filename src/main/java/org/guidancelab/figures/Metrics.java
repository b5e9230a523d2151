package org.guidancelab.figures;

/** The metric names the figures look for in a run (the engine's event names). */
public final class Metrics {
    public static final String TRAIN_LOSS = "train/loss";
    /** The task loss alone (cross-entropy), without the guidance or distillation terms train/loss includes. */
    public static final String TASK_LOSS = "train/task_loss";
    public static final String VAL_LOSS = "val/loss";
    public static final String TRAIN_ACCURACY = "train/accuracy";
    public static final String VAL_ACCURACY = "val/accuracy";
    public static final String GUIDANCE_LOSS = "train/guidance_loss";
    /** 1 at steps where the guidance term was applied, 0 where not (warmup over, switched off). */
    public static final String GUIDANCE_ON = "train/guidance_on";
    public static final String PAIR_CKA_PREFIX = "cka/pair/";

    private Metrics() {
    }

    public static String pairCka(int pair) {
        return PAIR_CKA_PREFIX + pair;
    }

    public static boolean isPairCka(String metric) {
        return metric.startsWith(PAIR_CKA_PREFIX);
    }
}
