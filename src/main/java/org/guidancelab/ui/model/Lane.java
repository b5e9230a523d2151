package org.guidancelab.ui.model;

import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.ExperimentSpec;

/** The two rows of the canvas: the frozen guide above, the target that learns below (the paper's overview figure). */
public enum Lane {
    GUIDE("Guide", "The frozen network whose layer representations the target is pulled towards."),
    TARGET("Target", "The network that learns the task, guided by the alignment term.");

    private final String label;
    private final String explanation;

    Lane(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }

    public NetworkSpec network(ExperimentSpec spec) {
        return this == GUIDE ? spec.guide() : spec.target();
    }

    public ExperimentSpec with(ExperimentSpec spec, NetworkSpec network) {
        return this == GUIDE ? spec.withGuide(network) : spec.withTarget(network);
    }

    public Lane other() {
        return this == GUIDE ? TARGET : GUIDE;
    }
}
