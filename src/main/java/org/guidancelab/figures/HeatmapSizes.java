package org.guidancelab.figures;

/**
 * Natural sizes of heatmap figures: cells of about 34 points (room for a printed value), never smaller than a readable
 * plot, plus room for the tick labels (layer names), the colour bar and the legend.
 */
final class HeatmapSizes {
    static final int CELL = 34;
    static final int MIN_PLOT = 260;
    static final int MAX_PLOT = 900;

    private HeatmapSizes() {
    }

    static int[] single(CkaHeatmap h) {
        return new int[] {side(h.cols()) + labelRoom(h) + 150, side(h.rows()) + 190};
    }

    static int[] beforeAfter(CkaHeatmap h) {
        return new int[] {2 * side(h.cols()) + labelRoom(h) + 180, side(h.rows()) + 210};
    }

    private static int side(int cells) {
        return Math.max(MIN_PLOT, Math.min(MAX_PLOT, cells * CELL));
    }

    /** Width taken by the row tick labels, from the longest row name. */
    private static int labelRoom(CkaHeatmap h) {
        int longest = h.rowTaps().stream().mapToInt(String::length).max().orElse(4);
        return 40 + 7 * Math.min(longest, 30);
    }
}
