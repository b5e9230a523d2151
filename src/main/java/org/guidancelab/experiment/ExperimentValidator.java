package org.guidancelab.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.arch.ShapeInference;
import org.guidancelab.data.DataFormatException;
import org.guidancelab.data.DatasetFactory;

/**
 * Checks an experiment across its parts: each network on its own (shape inference), each against the dataset
 * (input shape and kind, classes, per-token heads), the tap pairing, the arms and the hyper-parameters. Every
 * problem has a JSON-path-like location ({@code $.target.layers[3].units}) that a file's location map turns into
 * a line. Warnings of shape inference (a network without taps) are not problems unless an arm needs taps.
 */
public final class ExperimentValidator {
    private ExperimentValidator() {
    }

    public static List<SpecProblem> validate(ExperimentSpec spec) {
        List<SpecProblem> out = new ArrayList<>();
        if (!spec.guide().isImported()) {
            // an imported guide's layers and shapes are in its file: the engine checks them (ImportedGuideCheck)
            NetworkFit.diagnostics("guide", "$.guide", ShapeInference.analyze(spec.guide()), out);
        } else {
            importedGuide(spec, out);
        }
        if (spec.target().isImported()) {
            out.add(new SpecProblem("$.target.file", "only the guide can be read from a model file: the target is trained"
                    + " here, so it is built from the lab's layers"));
            return out;
        }
        NetworkAnalysis target = ShapeInference.analyze(spec.target());
        NetworkFit.diagnostics("target", "$.target", target, out);
        dataset(spec, out);
        arms(spec, out);
        pairing(spec, out);
        training(spec.training(), out);
        return out;
    }

    private static void dataset(ExperimentSpec spec, List<SpecProblem> out) {
        DatasetShape data;
        try {
            data = DatasetShapes.of(spec.dataset());
        } catch (DatasetShapes.ParamProblem p) {
            out.add(new SpecProblem(p.param().isEmpty() ? "$.dataset.name" : "$.dataset.params." + p.param(), p.getMessage()));
            return;
        }
        try {
            for (DatasetFactory.ParamProblem p : DatasetFactory.check(spec.dataset().name(), spec.dataset().params())) {
                out.add(new SpecProblem("$.dataset.params." + p.param(), p.message()));
            }
        } catch (DataFormatException e) {
            out.add(new SpecProblem("$.dataset.name", e.getMessage()));
        }
        if (!spec.guide().isImported()) {
            NetworkFit.fit("guide", "$.guide", spec.guide(), spec.dataset(), data, out);
        }
        NetworkFit.fit("target", "$.target", spec.target(), spec.dataset(), data, out);
    }

    private static void arms(ExperimentSpec spec, List<SpecProblem> out) {
        if (spec.arms().isEmpty()) {
            out.add(new SpecProblem("$.arms", "an experiment needs at least one arm, e.g. {\"name\": \"baseline\", \"kind\": \"baseline\"}"));
        }
        Set<String> names = new HashSet<>();
        int steps = spec.training().steps();
        for (int i = 0; i < spec.arms().size(); i++) {
            ArmSpec a = spec.arms().get(i);
            String p = "$.arms[" + i + "]";
            if (a.name().isBlank()) {
                out.add(new SpecProblem(p + ".name", "every arm needs a name (it labels the curves)"));
            } else if (!names.add(a.name())) {
                out.add(new SpecProblem(p + ".name", "two arms are called '" + a.name() + "': arm names must be unique"));
            }
            nonNegative(p + ".guideTrainSteps", "guideTrainSteps", a.guideTrainSteps(), out);
            nonNegative(p + ".noisePrephaseSteps", "noisePrephaseSteps", a.noisePrephaseSteps(), out);
            if (nonNegative(p + ".guidanceSteps", "guidanceSteps", a.guidanceSteps(), out) && a.guidanceSteps() > steps && steps > 0) {
                out.add(new SpecProblem(p + ".guidanceSteps", "arm '" + a.name() + "' guides for the first " + a.guidanceSteps()
                        + " steps but the run has only " + steps + ": use at most " + steps + " (0 = guidance for the whole run)"));
            }
            if (!a.taskGuidance() && !a.usesGuidance()) {
                out.add(new SpecProblem(p + ".taskGuidance", "arm '" + a.name() + "' is a " + a.kind().jsonName()
                        + " arm: taskGuidance applies only to guided arms (guided-untrained, guided-trained)"));
            } else if (!a.taskGuidance() && a.noisePrephaseSteps() == 0) {
                out.add(new SpecProblem(p + ".taskGuidance", "arm '" + a.name() + "' has taskGuidance false and no noise"
                        + " pre-phase, so it is never guided: set noisePrephaseSteps above 0, or make it a baseline arm"));
            }
            if (a.kind() == ArmKind.GUIDED_TRAINED && a.guideTrainSteps() == 0 && a.guideModel() == null
                    && !spec.guide().isImported()) { // an imported guide comes trained (or not) as it is
                out.add(new SpecProblem(p + ".guideTrainSteps", "arm '" + a.name() + "' wants a trained guide: set guideTrainSteps"
                        + " above 0 to train it first, or guideModel to load a saved one"));
            }
            if (a.kind() == ArmKind.DISTILLATION) {
                if (!(a.distillTemperature() > 0)) {
                    out.add(new SpecProblem(p + ".distillTemperature", "the distillation temperature must be above 0, got " + a.distillTemperature()));
                }
                if (!(a.distillWeight() >= 0)) {
                    out.add(new SpecProblem(p + ".distillWeight", "the distillation weight must be 0 or more, got " + a.distillWeight()));
                }
            }
        }
    }

    /**
     * What an imported guide cannot do, seen without its file: it is frozen as it came, so no arm trains it, loads
     * other weights into it or distils from it.
     */
    private static void importedGuide(ExperimentSpec spec, List<SpecProblem> out) {
        String file = spec.guide().imported().file();
        for (int i = 0; i < spec.arms().size(); i++) {
            ArmSpec a = spec.arms().get(i);
            String p = "$.arms[" + i + "]";
            if (a.kind() == ArmKind.DISTILLATION) {
                out.add(new SpecProblem(p + ".kind", "arm '" + a.name() + "' distils from the guide, but the guide is read from "
                        + file + " and is used only as a frozen guide for CKA guidance: use a guided arm"));
            } else if (a.guideTrainSteps() > 0) {
                out.add(new SpecProblem(p + ".guideTrainSteps", "arm '" + a.name() + "' trains the guide first, but the guide"
                        + " read from " + file + " stays as it came (frozen): set guideTrainSteps to 0"));
            } else if (a.guideModel() != null && !a.guideModel().isBlank()) {
                out.add(new SpecProblem(p + ".guideModel", "arm '" + a.name() + "' loads other guide weights, but the guide"
                        + " is read from " + file + " with its own weights: remove guideModel"));
            }
        }
    }

    private static void pairing(ExperimentSpec spec, List<SpecProblem> out) {
        boolean guided = spec.arms().stream().anyMatch(ArmSpec::usesGuidance);
        if (spec.pairing().mode() == Pairing.Mode.MANUAL) {
            List<TapPair> pairs = spec.pairing().pairs();
            for (int i = 0; i < pairs.size(); i++) {
                tapExists("$.pairing.pairs[" + i + "].guide", "guide", spec.guide(), pairs.get(i).guideTap(), out);
                tapExists("$.pairing.pairs[" + i + "].target", "target", spec.target(), pairs.get(i).targetTap(), out);
            }
            if (guided && pairs.isEmpty()) {
                out.add(new SpecProblem("$.pairing.pairs", "manual pairing has no pairs but an arm uses guidance: add pairs or use the rule"));
            }
            return;
        }
        if (guided) {
            tapsPresent("$.guide", "guide", spec.guide(), out);
            tapsPresent("$.target", "target", spec.target(), out);
        }
    }

    private static void tapsPresent(String path, String role, NetworkSpec net, List<SpecProblem> out) {
        if (net.tapNames().isEmpty() && net.isImported()) {
            out.add(new SpecProblem(path + ".taps", "the guide read from " + net.imported().file() + " has no taps but an arm"
                    + " uses guidance: name some of its layers in \"taps\" (guide inspect lists them)"));
        } else if (net.tapNames().isEmpty()) {
            out.add(new SpecProblem(path, "the " + role + " has no tapped layer but an arm uses guidance: switch on a tap"));
        }
    }

    private static void tapExists(String path, String role, NetworkSpec net, String tap, List<SpecProblem> out) {
        if (net.tapNames().contains(tap)) {
            return;
        }
        if (net.isImported()) {
            out.add(new SpecProblem(path, "the " + role + " (" + net.imported().file() + ") has no tap '" + tap
                    + "': add it to the guide's \"taps\" or pair one of " + net.tapNames()));
            return;
        }
        int idx = net.indexOf(tap);
        if (idx >= 0) {
            out.add(new SpecProblem(path, "the " + role + "'s layer '" + tap + "' is not tapped: switch on its tap or pair another layer"));
        } else {
            out.add(new SpecProblem(path, "the " + role + " has no layer '" + tap + "'; its taps are " + net.tapNames()));
        }
    }

    private static void training(TrainingSpec t, List<SpecProblem> out) {
        if (!(t.alpha() >= 0) || Double.isInfinite(t.alpha())) {
            out.add(new SpecProblem("$.training.alpha", "alpha (the weight of the guidance term) must be 0 or more, got " + t.alpha()));
        }
        if (!(t.learningRate() > 0) || Double.isInfinite(t.learningRate())) {
            out.add(new SpecProblem("$.training.learningRate", "the learning rate must be above 0, got " + t.learningRate()));
        }
        if (!(t.momentum() >= 0 && t.momentum() < 1)) {
            out.add(new SpecProblem("$.training.momentum", "momentum must be from 0 up to (not including) 1, got " + t.momentum()));
        }
        if (!(t.weightDecay() >= 0)) {
            out.add(new SpecProblem("$.training.weightDecay", "weight decay must be 0 or more, got " + t.weightDecay()));
        }
        if (!(t.gradClip() >= 0)) {
            out.add(new SpecProblem("$.training.gradClip", "gradClip must be 0 (off) or more, got " + t.gradClip()));
        }
        if (t.batchSize() < 2) {
            out.add(new SpecProblem("$.training.batchSize", "the batch size must be at least 2, got " + t.batchSize()
                    + ": CKA compares examples within a batch and needs at least 2"));
        }
        if (t.steps() <= 0) {
            out.add(new SpecProblem("$.training.steps", "steps must be above 0, got " + t.steps()));
        }
        if (t.evalInterval() <= 0) {
            out.add(new SpecProblem("$.training.evalInterval", "evalInterval must be above 0, got " + t.evalInterval()));
        }
        nonNegative("$.training.checkpointInterval", "checkpointInterval", t.checkpointInterval(), out);
    }

    private static boolean nonNegative(String path, String field, int value, List<SpecProblem> out) {
        if (value >= 0) {
            return true;
        }
        out.add(new SpecProblem(path, field + " must be 0 or more, got " + value));
        return false;
    }
}
