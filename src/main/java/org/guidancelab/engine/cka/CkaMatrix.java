package org.guidancelab.engine.cka;

import java.util.List;

/**
 * A CKA heatmap between the taps of two networks (or of one with itself), as plain values that can leave the
 * training thread: {@code values[r][c]} is CKA(row tap r, column tap c).
 */
public record CkaMatrix(List<String> rowTaps, List<String> columnTaps, double[][] values, CkaEstimator estimator) {
    public CkaMatrix {
        rowTaps = List.copyOf(rowTaps);
        columnTaps = List.copyOf(columnTaps);
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        values = copy;
        if (values.length != rowTaps.size()) {
            throw new IllegalArgumentException(values.length + " rows for " + rowTaps.size() + " row taps");
        }
    }

    public double get(int row, int column) {
        return values[row][column];
    }

    public int rows() {
        return rowTaps.size();
    }

    public int columns() {
        return columnTaps.size();
    }

    @Override
    public double[][] values() {
        double[][] copy = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[i].clone();
        }
        return copy;
    }
}
