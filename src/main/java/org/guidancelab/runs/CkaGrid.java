package org.guidancelab.runs;

import java.util.List;
import org.guidancelab.engine.cka.CkaEstimator;
import org.guidancelab.engine.cka.CkaMatrix;

/**
 * A stored CKA matrix as plain values, so the figures package (which may not import the engine) can draw a run folder
 * read back by {@link RunReader}.
 *
 * @param unbiased the values hold the unbiased minibatch estimator (analysis only), not the paper's biased CKA
 */
public record CkaGrid(List<String> rowTaps, List<String> columnTaps, double[][] values, boolean unbiased) {
    public CkaGrid {
        rowTaps = List.copyOf(rowTaps);
        columnTaps = List.copyOf(columnTaps);
    }

    static CkaGrid of(CkaMatrix m) {
        return m == null ? null
                : new CkaGrid(m.rowTaps(), m.columnTaps(), m.values(), m.estimator() == CkaEstimator.UNBIASED);
    }
}
