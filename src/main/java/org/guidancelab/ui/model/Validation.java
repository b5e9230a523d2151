package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.Diagnostic;
import org.guidancelab.arch.NetworkAnalysis;
import org.guidancelab.experiment.ArmSpec;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.TapPair;

/**
 * Everything that stands between the experiment and the Run button: shape-inference errors of both networks and
 * experiment-level problems. Warnings are shown on their blocks but do not block running.
 */
public final class Validation {
    private Validation() {
    }

    public static List<Problem> problems(ExperimentSpec spec, NetworkAnalysis guide, NetworkAnalysis target) {
        List<Problem> out = new ArrayList<>();
        addDiagnostics(out, Lane.GUIDE, guide);
        addDiagnostics(out, Lane.TARGET, target);
        out.addAll(experimentProblems(spec));
        return out;
    }

    private static void addDiagnostics(List<Problem> out, Lane lane, NetworkAnalysis analysis) {
        for (Diagnostic d : analysis.diagnostics()) {
            if (d.severity() == Diagnostic.Severity.ERROR) {
                out.add(new Problem(lane, d.layerIndex(), lane.label().toLowerCase() + " " + where(d), d.message()));
            }
        }
    }

    private static String where(Diagnostic d) {
        String w = d.layerIndex() < 0 ? "network" : "layer " + d.layerIndex() + " '" + d.layerName() + "'";
        return w + (d.field() == null || d.field().isEmpty() ? "" : " (" + d.field() + ")");
    }

    /** Checks of the experiment as a whole that the canvas can explain next to the Run button. */
    static List<Problem> experimentProblems(ExperimentSpec spec) {
        List<Problem> out = new ArrayList<>();
        if (spec.arms().isEmpty()) {
            out.add(new Problem(null, -1, "arms", "choose at least one arm to train (e.g. guided and unguided)"));
        }
        List<String> names = new ArrayList<>();
        for (ArmSpec a : spec.arms()) {
            if (names.contains(a.name())) {
                out.add(new Problem(null, -1, "arms", "two arms are called '" + a.name() + "'"));
            }
            names.add(a.name());
        }
        boolean guided = spec.arms().stream().anyMatch(ArmSpec::usesGuidance);
        List<TapPair> pairs = spec.resolvedPairs();
        if (guided && pairs.isEmpty()) {
            out.add(new Problem(null, -1, "pairs", "a guided arm needs at least one guide tap paired with a target tap"));
        }
        List<String> g = spec.guide().tapNames();
        List<String> t = spec.target().tapNames();
        for (TapPair p : pairs) {
            if (!g.contains(p.guideTap())) {
                out.add(new Problem(Lane.GUIDE, spec.guide().indexOf(p.guideTap()), "pairs", "guide layer '" + p.guideTap() + "' is paired but not a tap"));
            }
            if (!t.contains(p.targetTap())) {
                out.add(new Problem(Lane.TARGET, spec.target().indexOf(p.targetTap()), "pairs", "target layer '" + p.targetTap() + "' is paired but not a tap"));
            }
        }
        if (spec.training().steps() < 1) {
            out.add(new Problem(null, -1, "steps", "training needs at least 1 step"));
        }
        if (spec.training().batchSize() < 1) {
            out.add(new Problem(null, -1, "batch size", "the batch needs at least 1 example"));
        }
        if (guided && spec.training().batchSize() < 2) {
            out.add(new Problem(null, -1, "batch size", "CKA compares examples of a batch: guidance needs a batch of at least 2"));
        }
        if (!(spec.training().learningRate() > 0)) {
            out.add(new Problem(null, -1, "learning rate", "the learning rate must be above 0"));
        }
        if (spec.training().alpha() < 0) {
            out.add(new Problem(null, -1, "alpha", "alpha, the weight of the guidance term, must not be negative"));
        }
        return out;
    }
}
