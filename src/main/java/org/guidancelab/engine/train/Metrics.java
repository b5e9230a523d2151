package org.guidancelab.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of what training records ("train/loss", "cka/pair/3", ...): the one list the trainer, the run store, the
 * figures, the CLI and the UI read them from.
 */
public final class Metrics {
    /** Total loss: task + guidance + distillation. */
    public static final String TRAIN_LOSS = "train/loss";
    public static final String TASK_LOSS = "train/task_loss";
    /** alpha * sum over pairs (1 - CKA); exactly 0 while guidance is off. */
    public static final String GUIDANCE_LOSS = "train/guidance_loss";
    /** weight * T^2 * KL(teacher || student), distillation arms only. */
    public static final String DISTILL_LOSS = "train/distill_loss";
    /** 1 when the guidance term was applied at this step, 0 when off (warmup over, switched off, not a guided arm). */
    public static final String GUIDANCE_ON = "train/guidance_on";
    /** Global gradient norm before clipping. */
    public static final String GRAD_NORM = "train/grad_norm";
    /** Accuracy on the training batch (at evaluation steps). */
    public static final String TRAIN_ACCURACY = "train/accuracy";
    public static final String VAL_LOSS = "val/loss";
    public static final String VAL_ACCURACY = "val/accuracy";
    /** Mean biased CKA over the pairs at this step (only when guidance is applied). */
    public static final String MEAN_PAIR_CKA = "cka/mean_pair";
    public static final String STEPS_PER_SECOND = "time/steps_per_second";

    private static final String PAIR_PREFIX = "cka/pair/";

    private Metrics() {
    }

    /** Biased CKA of resolved pair {@code index} at this step. */
    public static String ckaPair(int index) {
        return PAIR_PREFIX + index;
    }

    /** Whether a metric is the CKA of one resolved pair ({@link #ckaPair}). */
    public static boolean isPairCka(String name) {
        return name.startsWith(PAIR_PREFIX);
    }

    /** The pair index of a {@link #ckaPair} metric. */
    public static int pairIndex(String name) {
        if (!isPairCka(name)) {
            throw new IllegalArgumentException("not a pair CKA metric: " + name);
        }
        return Integer.parseInt(name.substring(PAIR_PREFIX.length()));
    }

    /** Whether a metric depends on wall-clock time (excluded when runs are compared for determinism). */
    public static boolean isTiming(String name) {
        return name.startsWith("time/");
    }

    /** The fixed column order of per-step metrics for an experiment with {@code pairs} resolved pairs. */
    public static List<String> stepColumns(int pairs) {
        List<String> c = new ArrayList<>(List.of(TRAIN_LOSS, TASK_LOSS, GUIDANCE_LOSS, DISTILL_LOSS, GUIDANCE_ON, GRAD_NORM, MEAN_PAIR_CKA));
        for (int i = 0; i < pairs; i++) {
            c.add(ckaPair(i));
        }
        c.addAll(List.of(TRAIN_ACCURACY, VAL_LOSS, VAL_ACCURACY, STEPS_PER_SECOND));
        return c;
    }
}
