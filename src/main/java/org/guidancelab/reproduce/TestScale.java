package org.guidancelab.reproduce;

import java.util.List;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.DatasetSpec;
import org.guidancelab.experiment.ExperimentSpec;

/**
 * Hidden test-only shrinking of a preset so a test can run the whole reproduce path in seconds on a loaded machine:
 * {@code steps} training steps (evaluation every steps/2, guide training and warmups capped to fit) and
 * {@code examples} examples in each dataset split. 0 leaves that part as the preset has it. The numbers such a run
 * gives mean nothing; the report says so by its command line.
 */
public record TestScale(int steps, int examples) {
    public static final TestScale NONE = new TestScale(0, 0);

    public TestScale {
        if (steps < 0 || examples < 0) {
            throw new IllegalArgumentException("test scale must not be negative, got steps " + steps + ", examples "
                    + examples);
        }
    }

    public ExperimentSpec apply(ExperimentSpec exp) {
        ExperimentSpec out = exp;
        if (examples > 0) {
            DatasetSpec d = exp.dataset();
            for (String split : List.of("train", "validation", "test")) {
                if (d.params().containsKey(split)) {
                    d = d.withParam(split, examples);
                }
            }
            out = out.withDataset(d);
        }
        if (steps > 0) {
            int half = Math.max(1, steps / 2);
            out = out.withTraining(out.training().withSteps(steps).withEvalInterval(half));
            out = out.withArms(out.arms().stream().map(a -> new ArmSpec(a.name(), a.kind(),
                    Math.min(a.guideTrainSteps(), steps), a.guideModel(), Math.min(a.guidanceSteps(), half),
                    a.noiseGuide(), Math.min(a.noisePrephaseSteps(), half), a.distillTemperature(),
                    a.distillWeight(), a.taskGuidance())).toList());
        }
        return out;
    }
}
