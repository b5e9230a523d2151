package org.guidancelab.engine.imported;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.NetworkSpec;
import org.guidancelab.experiment.DatasetShape;
import org.guidancelab.experiment.DatasetShapes;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.SpecProblem;

/**
 * The checks of an imported guide that need its file, beside {@link org.guidancelab.experiment.ExperimentValidator}
 * (which cannot read model files): the file opens, its input fits the dataset's examples, every tap is one of its
 * layers. Located at the guide's "file" and "taps" so a file's line map finds them.
 */
public final class ImportedGuideCheck {
    private ImportedGuideCheck() {
    }

    /** The problems of the experiment's imported guide; none when the guide is built from the lab's layers. */
    public static List<SpecProblem> problems(ExperimentSpec spec) {
        NetworkSpec guide = spec.guide();
        if (!guide.isImported()) {
            return List.of();
        }
        List<Integer> data = null;
        try {
            DatasetShape d = DatasetShapes.of(spec.dataset());
            data = d.tokens() ? null : d.inputShape();
        } catch (DatasetShapes.ParamProblem p) {
            // reported by the validator against the dataset; the file is still checked on its own
        }
        List<SpecProblem> out = new ArrayList<>();
        GuideCatalog.Entry e = GuideCatalog.describe(guide.imported().path(), data);
        if (!e.ok()) {
            out.add(new SpecProblem("$.guide.file", e.error()));
            return out;
        }
        if (data != null && !e.inputShape().equals(data)) {
            out.add(new SpecProblem("$.guide.file", guide.imported().path() + ": takes inputs of shape " + e.inputShape()
                    + " (channels, height, width) but the dataset's examples are " + data));
        }
        List<String> taps = guide.imported().taps();
        for (int i = 0; i < taps.size(); i++) {
            if (!e.layerNames().contains(taps.get(i))) {
                out.add(new SpecProblem("$.guide.taps[" + i + "]", guide.imported().path() + ": has no layer '" + taps.get(i)
                        + "' to tap; its layers are " + e.layerNames()));
            }
        }
        return out;
    }
}
