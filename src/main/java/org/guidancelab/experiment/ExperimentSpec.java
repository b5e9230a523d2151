package org.guidancelab.experiment;

import java.util.List;
import java.util.Objects;
import org.guidancelab.arch.NetworkSpec;

/**
 * A whole experiment: the guide and target networks, the data, the arms to run side by side, the shared
 * hyper-parameters and the tap pairing. This is what a preset file holds and what a run folder records.
 */
public record ExperimentSpec(String title, String description, NetworkSpec guide, NetworkSpec target,
                             DatasetSpec dataset, List<ArmSpec> arms, TrainingSpec training, Pairing pairing) {
    /** The JSON schema version this code writes and reads. */
    public static final int SCHEMA_VERSION = 1;

    public ExperimentSpec {
        title = title == null ? "" : title;
        description = description == null ? "" : description;
        Objects.requireNonNull(guide, "guide");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(dataset, "dataset");
        arms = List.copyOf(arms);
        Objects.requireNonNull(training, "training");
        pairing = pairing == null ? Pairing.rule() : pairing;
    }

    /** The pairs in force for the current taps of both networks. */
    public List<TapPair> resolvedPairs() {
        return pairing.resolve(guide.tapNames(), target.tapNames());
    }

    public ExperimentSpec withGuide(NetworkSpec g) {
        return new ExperimentSpec(title, description, g, target, dataset, arms, training, pairing);
    }

    public ExperimentSpec withTarget(NetworkSpec t) {
        return new ExperimentSpec(title, description, guide, t, dataset, arms, training, pairing);
    }

    public ExperimentSpec withDataset(DatasetSpec d) {
        return new ExperimentSpec(title, description, guide, target, d, arms, training, pairing);
    }

    public ExperimentSpec withArms(List<ArmSpec> a) {
        return new ExperimentSpec(title, description, guide, target, dataset, a, training, pairing);
    }

    public ExperimentSpec withTraining(TrainingSpec t) {
        return new ExperimentSpec(title, description, guide, target, dataset, arms, t, pairing);
    }

    public ExperimentSpec withPairing(Pairing p) {
        return new ExperimentSpec(title, description, guide, target, dataset, arms, training, p);
    }

    public ExperimentSpec withTitle(String t, String d) {
        return new ExperimentSpec(t, d, guide, target, dataset, arms, training, pairing);
    }
}
