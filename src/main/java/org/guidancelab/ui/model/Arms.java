package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.experiment.ArmKind;
import org.guidancelab.experiment.ArmSpec;

/**
 * The settings panel's view of the arms: one switch per arm kind and a few options shared by the guided arms.
 * Finer per-arm settings stay in the JSON file; these functions keep any arm they do not touch as it was.
 */
public final class Arms {
    private Arms() {
    }

    /** The name a newly switched-on arm of {@code kind} gets (the legend label). */
    public static String defaultName(ArmKind kind) {
        switch (kind) {
            case BASELINE: return "unguided";
            case GUIDED_UNTRAINED: return "guided-untrained";
            case GUIDED_TRAINED: return "guided-trained";
            default: return "distillation";
        }
    }

    public static boolean includes(List<ArmSpec> arms, ArmKind kind) {
        return arms.stream().anyMatch(a -> a.kind() == kind);
    }

    /** Adds a default arm of {@code kind} (at its place in the enum order) or removes every arm of it. */
    public static List<ArmSpec> include(List<ArmSpec> arms, ArmKind kind, boolean on, int guideTrainSteps) {
        List<ArmSpec> out = new ArrayList<>();
        for (ArmSpec a : arms) {
            if (a.kind() != kind) {
                out.add(a);
            }
        }
        if (on) {
            ArmSpec added = create(kind, guideTrainSteps, warmup(arms), noiseGuide(arms));
            int at = 0;
            while (at < out.size() && out.get(at).kind().ordinal() < kind.ordinal()) {
                at++;
            }
            out.add(at, added);
        }
        return out;
    }

    private static ArmSpec create(ArmKind kind, int guideTrainSteps, int warmup, boolean noise) {
        String name = defaultName(kind);
        switch (kind) {
            case BASELINE: return ArmSpec.baseline(name);
            case GUIDED_UNTRAINED: return ArmSpec.guidedUntrained(name).withGuidanceSteps(warmup).withNoiseGuide(noise);
            case GUIDED_TRAINED: return ArmSpec.guidedTrained(name, guideTrainSteps).withGuidanceSteps(warmup).withNoiseGuide(noise);
            default: return ArmSpec.distillation(name, guideTrainSteps, 4.0, 1.0);
        }
    }

    /** The warmup (guidance steps) of the guided arms; 0 when none is set. */
    public static int warmup(List<ArmSpec> arms) {
        return arms.stream().filter(ArmSpec::usesGuidance).mapToInt(ArmSpec::guidanceSteps).max().orElse(0);
    }

    public static List<ArmSpec> withWarmup(List<ArmSpec> arms, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("warmup must not be negative (got " + steps + ")");
        }
        return arms.stream().map(a -> a.usesGuidance() ? a.withGuidanceSteps(steps) : a).toList();
    }

    public static boolean noiseGuide(List<ArmSpec> arms) {
        return arms.stream().anyMatch(a -> a.usesGuidance() && a.noiseGuide());
    }

    public static List<ArmSpec> withNoiseGuide(List<ArmSpec> arms, boolean on) {
        return arms.stream().map(a -> a.usesGuidance() ? a.withNoiseGuide(on) : a).toList();
    }

    /** Guide training steps of the trained-guide / distillation arms (0 when none). */
    public static int guideTrainSteps(List<ArmSpec> arms) {
        return arms.stream().filter(a -> a.kind() == ArmKind.GUIDED_TRAINED || a.kind() == ArmKind.DISTILLATION)
                .mapToInt(ArmSpec::guideTrainSteps).max().orElse(0);
    }

    public static List<ArmSpec> withGuideTrainSteps(List<ArmSpec> arms, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("guide training steps must not be negative (got " + steps + ")");
        }
        return arms.stream().map(a -> a.kind() == ArmKind.GUIDED_TRAINED || a.kind() == ArmKind.DISTILLATION
                ? new ArmSpec(a.name(), a.kind(), steps, a.guideModel(), a.guidanceSteps(), a.noiseGuide(),
                        a.noisePrephaseSteps(), a.distillTemperature(), a.distillWeight(), a.taskGuidance())
                : a).toList();
    }
}
