package org.guidancelab.engine.cka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Full CKA heatmaps between all taps of two networks on a probe batch. {@link #compute} (and the trainer) go through
 * {@link TapGrams}: all pair inner products from one gemm. {@link #prepare} and {@link #between} are the plain-Java
 * form over {@code double[][]} Grams (one n x n loop per pair, far slower than one gemm), kept as a readable
 * reference that the tests compare the gemm form with.
 */
public final class CkaMatrices {
    private CkaMatrices() {
    }

    /** Prepared Grams of each tap, in the map's order (taps [n, features]). */
    public static Map<String, double[][]> prepare(Map<String, INDArray> taps, CkaEstimator estimator) {
        Map<String, double[][]> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : taps.entrySet()) {
            INDArray x = e.getValue().castTo(DataType.DOUBLE);
            INDArray g = Blas.gemm(x, x, false, true);
            out.put(e.getKey(), GramCka.prepare(g.toDoubleMatrix(), estimator));
        }
        return out;
    }

    /** CKA of every row tap with every column tap. */
    public static CkaMatrix between(Map<String, double[][]> rows, Map<String, double[][]> columns, CkaEstimator estimator) {
        List<String> r = new ArrayList<>(rows.keySet());
        List<String> c = new ArrayList<>(columns.keySet());
        double[][] v = new double[r.size()][c.size()];
        for (int i = 0; i < r.size(); i++) {
            for (int j = 0; j < c.size(); j++) {
                v[i][j] = GramCka.ckaOfPrepared(rows.get(r.get(i)), columns.get(c.get(j)), estimator);
            }
        }
        return new CkaMatrix(r, c, v, estimator);
    }

    /** Heatmap of a network's taps with another's taps (or with its own, passing the same map twice). */
    public static CkaMatrix compute(Map<String, INDArray> rowTaps, Map<String, INDArray> columnTaps, CkaEstimator estimator) {
        TapGrams rows = TapGrams.of(rowTaps, estimator);
        TapGrams cols = rowTaps == columnTaps ? rows : TapGrams.of(columnTaps, estimator);
        return rows.against(cols);
    }
}
