package org.guidancelab.figures;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A layer-by-layer CKA matrix at one step: rows are the taps of one network, columns those of another (or the same
 * network, for a self-similarity map).
 *
 * @param rowRole the role of the row network, e.g. {@code Target}
 * @param rowTaps the row taps' layer names, top to bottom
 * @param colRole the role of the column network, e.g. {@code Guide}
 * @param colTaps the column taps' layer names, left to right
 * @param values  {@code values[row][col]}, CKA in [0, 1] (the unbiased estimator may go slightly below 0; NaN = not
 *                computed)
 * @param pairs   the (row, col) cells used by the guidance loss, outlined on the chart; may be empty
 * @param step    the training step the matrix was measured at
 */
public record CkaHeatmap(String rowRole, List<String> rowTaps, String colRole, List<String> colTaps,
                         double[][] values, List<int[]> pairs, int step) {

    public CkaHeatmap {
        Objects.requireNonNull(rowRole, "rowRole");
        Objects.requireNonNull(colRole, "colRole");
        rowTaps = List.copyOf(rowTaps);
        colTaps = List.copyOf(colTaps);
        if (rowTaps.isEmpty() || colTaps.isEmpty()) {
            throw new IllegalArgumentException("CKA heatmap at step " + step + ": no " + (rowTaps.isEmpty() ? rowRole
                    : colRole) + " taps");
        }
        if (values.length != rowTaps.size()) {
            throw new IllegalArgumentException("CKA heatmap at step " + step + ": " + values.length + " rows but "
                    + rowTaps.size() + " " + rowRole + " taps");
        }
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != colTaps.size()) {
                throw new IllegalArgumentException("CKA heatmap at step " + step + ": row " + r + " (" + rowTaps.get(r)
                        + ") has " + values[r].length + " values but there are " + colTaps.size() + " " + colRole
                        + " taps");
            }
            copy[r] = values[r].clone();
        }
        values = copy;
        List<int[]> pairCopy = new ArrayList<>();
        for (int[] p : pairs) {
            if (p.length != 2 || p[0] < 0 || p[0] >= rowTaps.size() || p[1] < 0 || p[1] >= colTaps.size()) {
                throw new IllegalArgumentException("CKA heatmap at step " + step + ": pair " + java.util.Arrays.toString(p)
                        + " is not a (row, col) cell of a " + rowTaps.size() + " x " + colTaps.size() + " matrix");
            }
            pairCopy.add(p.clone());
        }
        pairs = List.copyOf(pairCopy);
    }

    /** A map with no pairs outlined, e.g. a target x target self-similarity map. */
    public static CkaHeatmap selfSimilarity(String role, List<String> taps, double[][] values, int step) {
        return new CkaHeatmap(role, taps, role, taps, values, List.of(), step);
    }

    public int rows() {
        return rowTaps.size();
    }

    public int cols() {
        return colTaps.size();
    }

    public double value(int row, int col) {
        return values[row][col];
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int r = 0; r < values.length; r++) {
            copy[r] = values[r].clone();
        }
        return copy;
    }

    @Override
    public List<int[]> pairs() {
        return pairs.stream().map(int[]::clone).toList();
    }

    public boolean isPair(int row, int col) {
        for (int[] p : pairs) {
            if (p[0] == row && p[1] == col) {
                return true;
            }
        }
        return false;
    }
}
