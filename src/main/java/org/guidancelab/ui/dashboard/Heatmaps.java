package org.guidancelab.ui.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.engine.cka.CkaMatrix;
import org.guidancelab.experiment.TapPair;
import org.guidancelab.figures.CkaHeatmap;

/** Turns the engine's CKA matrices into the figures' heatmaps, outlining the cells the guidance loss uses. */
public final class Heatmaps {
    public static final String TARGET = "Target";
    public static final String GUIDE = "Guide";

    private Heatmaps() {
    }

    /** Target (rows) x guide (columns) at {@code step}, with the resolved pairs outlined. */
    public static CkaHeatmap targetGuide(CkaMatrix m, List<TapPair> pairs, int step) {
        List<int[]> cells = new ArrayList<>();
        for (TapPair p : pairs) {
            int r = m.rowTaps().indexOf(p.targetTap());
            int c = m.columnTaps().indexOf(p.guideTap());
            if (r >= 0 && c >= 0) {
                cells.add(new int[] {r, c});
            }
        }
        return new CkaHeatmap(TARGET, m.rowTaps(), GUIDE, m.columnTaps(), m.values(), cells, step);
    }

    /** Target x target self-similarity at {@code step}. */
    public static CkaHeatmap selfSimilarity(CkaMatrix m, int step) {
        return CkaHeatmap.selfSimilarity(TARGET, m.rowTaps(), m.values(), step);
    }
}
