package org.guidancelab.figures;

import org.jfree.data.xy.XYSeries;

/**
 * An XY series that takes points in batches and fires one change event per batch. JFreeChart redraws the whole chart
 * on every change event, so the live dashboard appends what arrived since the last frame with {@link #appendBatch}
 * instead of calling {@code add} once per point.
 */
public final class BatchXYSeries extends XYSeries {
    private static final long serialVersionUID = 1L;

    /** A series kept in the order points arrive (training steps already ascend), duplicates allowed. */
    public BatchXYSeries(Comparable<?> key) {
        super(key, false, true);
    }

    /**
     * Appends the finite points of the batch (NaN and infinite values are skipped: they cannot be drawn) and notifies
     * listeners once, if anything was added.
     *
     * @return the number of points added
     */
    public int appendBatch(double[] xs, double[] ys) {
        if (xs.length != ys.length) {
            throw new IllegalArgumentException("batch for series " + getKey() + ": " + xs.length + " x values but "
                    + ys.length + " y values");
        }
        int added = 0;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                add(xs[i], ys[i], false);
                added++;
            }
        }
        if (added > 0) {
            fireSeriesChanged();
        }
        return added;
    }
}
