package org.guidancelab.reproduce;

import java.util.List;
import java.util.Set;

/**
 * One arm of a finding over its seeds, every value read back from the run folders: per seed the value at the arm's
 * last evaluation (validation accuracy and loss, task loss on the training batch), the lowest validation loss over its
 * evaluations, and the task-training time; over seeds their {@link Stat}s.
 *
 * @param seconds per seed, the task steps' wall time derived from the recorded steps-per-second (guide training and
 *                pre-phases excluded)
 */
public record ArmSummary(String arm, Set<ArmRole> roles, String description, List<Double> finalValAccuracy,
                         List<Double> finalValLoss, List<Double> minValLoss, List<Double> finalTrainLoss,
                         List<Double> seconds) {
    public ArmSummary {
        roles = Set.copyOf(roles);
        finalValAccuracy = List.copyOf(finalValAccuracy);
        finalValLoss = List.copyOf(finalValLoss);
        minValLoss = List.copyOf(minValLoss);
        finalTrainLoss = List.copyOf(finalTrainLoss);
        seconds = List.copyOf(seconds);
    }

    public Stat accuracy() {
        return Stat.of(finalValAccuracy);
    }

    public Stat valLoss() {
        return Stat.of(finalValLoss);
    }

    public Stat minLoss() {
        return Stat.of(minValLoss);
    }

    public Stat trainLoss() {
        return Stat.of(finalTrainLoss);
    }

    public Stat time() {
        return Stat.of(seconds);
    }

    /** Per seed, final / min validation loss (1.0 = the last evaluation was the best; above it rose again). */
    public Stat overfitRatio() {
        List<Double> r = new java.util.ArrayList<>();
        for (int i = 0; i < finalValLoss.size(); i++) {
            r.add(finalValLoss.get(i) / minValLoss.get(i));
        }
        return Stat.of(r);
    }

    public boolean has(ArmRole role) {
        return roles.contains(role);
    }
}
