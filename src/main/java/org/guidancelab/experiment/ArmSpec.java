package org.guidancelab.experiment;

import java.util.Objects;

/**
 * One arm of an experiment. The paper's variants compose: a guided arm may stop guidance after
 * {@code guidanceSteps} (warmup), feed the guide noise ({@code noiseGuide}), and start with an alignment-only
 * phase on noise ({@code noisePrephaseSteps}).
 *
 * @param name               unique label, shown in legends ("guided", "unguided", ...)
 * @param kind               what the arm does
 * @param guideTrainSteps    GUIDED_TRAINED / DISTILLATION: steps to train the guide on the task first (0 = untrained)
 * @param guideModel         GUIDED_TRAINED: path of a saved guide model to load instead of training (null = none)
 * @param guidanceSteps      guidance only for the first N steps, then disconnected (0 = the whole run)
 * @param noiseGuide         the guide sees Gaussian noise shaped like the input while the target sees the batch
 * @param noisePrephaseSteps alignment-only steps on noise inputs before task training (0 = none)
 * @param distillTemperature DISTILLATION: softmax temperature
 * @param distillWeight      DISTILLATION: weight of the KL term
 * @param taskGuidance       false: guidance only in the noise pre-phase, the task steps run unguided (the paper's
 *                           alignment on noise as a warmup); true (default): the task steps are guided as above
 */
public record ArmSpec(String name, ArmKind kind, int guideTrainSteps, String guideModel, int guidanceSteps,
                      boolean noiseGuide, int noisePrephaseSteps, double distillTemperature, double distillWeight,
                      boolean taskGuidance) {
    public ArmSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }

    /** An arm whose task steps are guided (when its kind guides at all). */
    public ArmSpec(String name, ArmKind kind, int guideTrainSteps, String guideModel, int guidanceSteps,
                   boolean noiseGuide, int noisePrephaseSteps, double distillTemperature, double distillWeight) {
        this(name, kind, guideTrainSteps, guideModel, guidanceSteps, noiseGuide, noisePrephaseSteps, distillTemperature,
                distillWeight, true);
    }

    public static ArmSpec baseline(String name) {
        return new ArmSpec(name, ArmKind.BASELINE, 0, null, 0, false, 0, 4.0, 1.0);
    }

    public static ArmSpec guidedUntrained(String name) {
        return new ArmSpec(name, ArmKind.GUIDED_UNTRAINED, 0, null, 0, false, 0, 4.0, 1.0);
    }

    public static ArmSpec guidedTrained(String name, int guideTrainSteps) {
        return new ArmSpec(name, ArmKind.GUIDED_TRAINED, guideTrainSteps, null, 0, false, 0, 4.0, 1.0);
    }

    public static ArmSpec distillation(String name, int guideTrainSteps, double temperature, double weight) {
        return new ArmSpec(name, ArmKind.DISTILLATION, guideTrainSteps, null, 0, false, 0, temperature, weight);
    }

    /** Whether this arm needs the guide network (guidance or distillation). */
    public boolean usesGuide() {
        return kind != ArmKind.BASELINE;
    }

    /** Whether this arm uses the CKA guidance term at all. */
    public boolean usesGuidance() {
        return kind == ArmKind.GUIDED_UNTRAINED || kind == ArmKind.GUIDED_TRAINED;
    }

    public ArmSpec withName(String n) {
        return new ArmSpec(n, kind, guideTrainSteps, guideModel, guidanceSteps, noiseGuide, noisePrephaseSteps, distillTemperature, distillWeight, taskGuidance);
    }

    public ArmSpec withGuidanceSteps(int n) {
        return new ArmSpec(name, kind, guideTrainSteps, guideModel, n, noiseGuide, noisePrephaseSteps, distillTemperature, distillWeight, taskGuidance);
    }

    public ArmSpec withNoiseGuide(boolean b) {
        return new ArmSpec(name, kind, guideTrainSteps, guideModel, guidanceSteps, b, noisePrephaseSteps, distillTemperature, distillWeight, taskGuidance);
    }

    public ArmSpec withNoisePrephaseSteps(int n) {
        return new ArmSpec(name, kind, guideTrainSteps, guideModel, guidanceSteps, noiseGuide, n, distillTemperature, distillWeight, taskGuidance);
    }

    public ArmSpec withTaskGuidance(boolean b) {
        return new ArmSpec(name, kind, guideTrainSteps, guideModel, guidanceSteps, noiseGuide, noisePrephaseSteps, distillTemperature, distillWeight, b);
    }

    /** Whether the CKA term is on in task step {@code s} (1-based), before any live disconnect. */
    public boolean guidesTaskStep(int s) {
        return usesGuidance() && taskGuidance && (guidanceSteps <= 0 || s <= guidanceSteps);
    }

    public ArmSpec withGuideModel(String path) {
        return new ArmSpec(name, kind, guideTrainSteps, path, guidanceSteps, noiseGuide, noisePrephaseSteps, distillTemperature, distillWeight, taskGuidance);
    }
}
