package org.guidancelab.engine.cka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The taps of one network on a probe batch, prepared for heatmaps: each tap's Gram, prepared for the estimator
 * (biased: double-centred; unbiased: diagonal zeroed), is one row of a {@code [T, n*n]} double matrix, so all the
 * pair inner products of a heatmap come out of a single gemm. The double-centred Gram H K H is built as Xc Xc^T
 * from the column-centred features (the same matrix, without two n x n passes).
 *
 * <p>HSIC between taps i and j is then {@code <S_i, S_j>} (biased) or, for HSIC_1 with zero-diagonal K, L,
 * {@code [<K,L> + (1'K1)(1'L1)/((n-1)(n-2)) - 2/(n-2) (K1).(L1)] / (n(n-3))}: row sums are kept per tap for that.
 */
public final class TapGrams {
    private final List<String> names;
    private final CkaEstimator estimator;
    private final int n;
    private final INDArray stacked;   // [T, n*n]
    private final INDArray rowSums;   // [T, n], unbiased only
    private final double[] totals;    // 1'K1 per tap, unbiased only
    private final double[] self;      // HSIC(tap, tap)

    private TapGrams(List<String> names, CkaEstimator estimator, int n, INDArray stacked, INDArray rowSums,
                     double[] totals, double[] floors) {
        this.names = List.copyOf(names);
        this.estimator = estimator;
        this.n = n;
        this.stacked = stacked;
        this.rowSums = rowSums;
        this.totals = totals;
        this.self = new double[names.size()];
        for (int i = 0; i < self.length; i++) {
            INDArray row = stacked.getRow(i);
            double kk = row.dataType() == DataType.FLOAT ? squaredNorm(row) : Blas.dot(row, row);
            self[i] = estimator == CkaEstimator.BIASED ? kk
                    : hsic1(kk, totals[i], totals[i], Blas.dot(rowSums.getRow(i), rowSums.getRow(i)));
            if (self[i] <= floors[i]) {
                self[i] = 0; // a constant tap: its CKA with anything is 0 (see of())
            }
        }
    }

    /** Prepares every tap ([n, features] each, the same n) of one forward pass. */
    public static TapGrams of(Map<String, INDArray> taps, CkaEstimator estimator) {
        List<String> names = new ArrayList<>(taps.keySet());
        if (names.isEmpty()) {
            return new TapGrams(names, estimator, 0, null, null, new double[0], new double[0]);
        }
        int n = (int) taps.get(names.get(0)).rows();
        if (estimator == CkaEstimator.UNBIASED && n < 4) {
            throw new IllegalArgumentException("the unbiased CKA estimator needs at least 4 examples, got " + n);
        }
        boolean biased = estimator == CkaEstimator.BIASED;
        // Biased: Grams and their pair products in float (sgemm, about twice dgemm's speed, half the memory; CKA
        // good to ~1e-6, far below what a heatmap shows). Unbiased: all in double, since HSIC_1's three terms cancel.
        INDArray stacked = Nd4j.create(biased ? DataType.FLOAT : DataType.DOUBLE, names.size(), n, n);
        INDArray rowSums = biased ? null : Nd4j.create(DataType.DOUBLE, names.size(), n);
        double[] totals = new double[names.size()];
        // What centring in float leaves of a constant tap (rounding of its column means, ~1e-7 relative) is no
        // signal: a centred Gram whose squared norm is below (1e-6 ||X||^2)^2 counts as zero.
        double[] floors = new double[names.size()];
        INDArray ones = Nd4j.ones(DataType.DOUBLE, n, 1);
        for (int i = 0; i < names.size(); i++) {
            INDArray x = taps.get(names.get(i));
            if (x.rank() != 2 || x.rows() != n) {
                throw new IllegalArgumentException("tap '" + names.get(i) + "' has shape "
                        + java.util.Arrays.toString(x.shape()) + ", expected [" + n + ", features]");
            }
            INDArray gram = stacked.get(NDArrayIndex.point(i), NDArrayIndex.all(), NDArrayIndex.all());
            if (biased) {
                double norm = x.norm2Number().doubleValue();
                double scale = 1e-6 * norm * norm;
                floors[i] = scale * scale;
                INDArray xc = centred(x);
                Blas.gemm(xc, xc, gram, false, true, 1.0, 0.0);
                xc.close();
            } else {
                INDArray xd = x.castTo(DataType.DOUBLE);
                Blas.gemm(xd, xd, gram, false, true, 1.0, 0.0);
                for (int j = 0; j < n; j++) {
                    gram.putScalar(j, j, 0.0);
                }
                INDArray sums = rowSums.getRow(i).reshape(n, 1);
                Blas.gemm(gram, ones, sums, false, false, 1.0, 0.0);
                totals[i] = rowSums.getRow(i).sumNumber().doubleValue();
            }
        }
        return new TapGrams(names, estimator, n, stacked.reshape('c', names.size(), (long) n * n), rowSums, totals, floors);
    }

    /** ||row||^2 summed in double (float's dot would round the self-similarity the heatmap's cells divide by). */
    private static double squaredNorm(INDArray row) {
        float[] v = row.toFloatVector();
        double s = 0;
        for (float f : v) {
            s += (double) f * f;
        }
        return s;
    }

    /** X minus its column means, in float (a new array: the tap is the model's buffer and stays as it is). */
    private static INDArray centred(INDArray x) {
        INDArray xf = x.dataType() == DataType.FLOAT ? x.dup('c') : x.castTo(DataType.FLOAT).dup('c');
        INDArray ones = Nd4j.ones(DataType.FLOAT, x.rows(), 1);
        INDArray mean = Nd4j.create(DataType.FLOAT, 1, x.columns());
        Blas.gemm(ones, xf, mean, true, false, 1.0 / x.rows(), 0.0);
        Blas.gemm(ones, mean, xf, false, false, -1.0, 1.0);
        return xf;
    }

    public List<String> names() {
        return names;
    }

    /** CKA of every tap here (rows) with every tap of {@code columns}, from one gemm (two for the unbiased form). */
    public CkaMatrix against(TapGrams columns) {
        if (columns.estimator != estimator || columns.n != n) {
            throw new IllegalArgumentException("heatmap sides differ: " + estimator + " n=" + n + " vs "
                    + columns.estimator + " n=" + columns.n);
        }
        int r = names.size();
        int c = columns.names.size();
        double[][] v = new double[r][c];
        if (r > 0 && c > 0) {
            double[][] inner = Blas.gemm(stacked, columns.stacked, false, true).castTo(DataType.DOUBLE).toDoubleMatrix();
            double[][] cross = estimator == CkaEstimator.UNBIASED
                    ? Blas.gemm(rowSums, columns.rowSums, false, true).toDoubleMatrix() : null;
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    double kl = cross == null ? inner[i][j] : hsic1(inner[i][j], totals[i], columns.totals[j], cross[i][j]);
                    double denom = Math.sqrt(self[i] * columns.self[j]);
                    double cka = denom > 0 && Double.isFinite(denom) ? kl / denom : 0.0;
                    // Biased CKA lies in [0, 1] exactly; the float Grams' rounding (~1e-7) must not step outside it.
                    v[i][j] = estimator == CkaEstimator.BIASED ? Math.max(0.0, Math.min(1.0, cka)) : cka;
                }
            }
        }
        return new CkaMatrix(names, columns.names, v, estimator);
    }

    /** HSIC_1 from <K,L>, 1'K1, 1'L1 and (K1).(L1) (zero-diagonal K, L). */
    private double hsic1(double trace, double sumK, double sumL, double cross) {
        double v = trace + sumK * sumL / ((n - 1.0) * (n - 2.0)) - 2.0 / (n - 2.0) * cross;
        return v / (n * (n - 3.0));
    }
}
