package org.guidancelab.figures;

/**
 * How a CKA heatmap is drawn.
 *
 * @param title      the chart title, or null for none
 * @param showValues print each cell's value in it (readable up to about 12 x 12)
 * @param unbiased   the matrix holds the unbiased minibatch estimator: said in the colour bar label, since it reads
 *                   differently (about 0 for unrelated layers instead of about 0.6) and can be slightly negative
 */
public record HeatmapOptions(String title, boolean showValues, boolean unbiased) {
    public static HeatmapOptions defaults() {
        return new HeatmapOptions(null, false, false);
    }

    public HeatmapOptions withTitle(String newTitle) {
        return new HeatmapOptions(newTitle, showValues, unbiased);
    }

    public HeatmapOptions withValues(boolean show) {
        return new HeatmapOptions(title, show, unbiased);
    }

    public HeatmapOptions withUnbiased(boolean u) {
        return new HeatmapOptions(title, showValues, u);
    }

    String scaleLabel() {
        return unbiased ? "CKA (unbiased)" : "CKA";
    }
}
