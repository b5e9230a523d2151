package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.engine.imported.ImportedGuideCheck;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.ExperimentValidator;
import org.guidancelab.experiment.SpecProblem;

/**
 * Everything that stands between the experiment and the Run button: {@link ExperimentValidator}'s problems
 * (shape-inference errors of both networks, networks against the data, arms, pairs, hyper-parameters), each tied
 * back to its block when its JSON path names a layer, so the block can turn red, and to the field that shows the
 * value, so the field can.
 */
public final class Validation {
    private static final Pattern LAYER_PATH = Pattern.compile("^\\$\\.(guide|target)\\.layers\\[(\\d+)](?:\\.(\\w+))?.*");
    private static final Pattern SETTING_PATH = Pattern.compile("^\\$\\.(training|dataset|arms\\[\\d+])\\.(\\w+).*");

    private Validation() {
    }

    public static List<Problem> problems(ExperimentSpec spec) {
        List<Problem> out = new ArrayList<>();
        for (SpecProblem p : ExperimentValidator.validate(spec)) {
            out.add(toProblem(spec, p));
        }
        for (SpecProblem p : ImportedGuideCheck.problems(spec)) { // the guide's file, read once per version
            out.add(toProblem(spec, p));
        }
        return out;
    }

    static Problem toProblem(ExperimentSpec spec, SpecProblem p) {
        Matcher m = LAYER_PATH.matcher(p.jsonPath() == null ? "" : p.jsonPath());
        if (m.matches()) {
            Lane lane = m.group(1).equals("guide") ? Lane.GUIDE : Lane.TARGET;
            int index = Integer.parseInt(m.group(2));
            NetworkSpec net = lane.network(spec);
            String name = index < net.size() ? net.layer(index).name() : "?";
            String where = lane.label().toLowerCase() + " layer " + index + " '" + name + "'"
                    + (m.group(3) == null ? "" : " (" + m.group(3) + ")");
            FieldKey field = m.group(3) == null || index >= net.size() ? null : FieldKey.layer(lane, name, m.group(3));
            return new Problem(lane, index, where, stripRole(p.message()), field);
        }
        return new Problem(null, -1, p.jsonPath(), p.message(), settingField(p.jsonPath()));
    }

    /** The settings panel's field for a JSON path ("$.arms[1].guidanceSteps" is the warmup), or null if none shows it. */
    static FieldKey settingField(String jsonPath) {
        Matcher m = SETTING_PATH.matcher(jsonPath == null ? "" : jsonPath);
        if (!m.matches()) {
            return null;
        }
        String part = m.group(1);
        String name = m.group(2);
        if (part.equals("training")) {
            return FieldKey.setting(FieldKey.TRAINING, name);
        }
        if (part.equals("dataset")) {
            return FieldKey.setting(FieldKey.DATA, name.equals("params") ? "datasetParams" : "dataset");
        }
        switch (name) {
            case "guidanceSteps": return FieldKey.setting(FieldKey.ARMS, "warmup");
            case "guideTrainSteps": return FieldKey.setting(FieldKey.ARMS, "guideTrainSteps");
            case "noiseGuide": return FieldKey.setting(FieldKey.ARMS, "noiseGuide");
            default: return null;
        }
    }

    /** The validator prefixes "guide: " / "target: "; the location already says which. */
    private static String stripRole(String message) {
        if (message.startsWith("guide: ")) {
            return message.substring(7);
        }
        if (message.startsWith("target: ")) {
            return message.substring(8);
        }
        return message;
    }
}
