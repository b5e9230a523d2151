package org.guidancelab.engine.cka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.guidancelab.engine.blas.Blas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The taps of one network on a probe batch, prepared for heatmaps. Each tap's Gram, prepared for the estimator
 * (biased: double-centred; unbiased: diagonal zeroed), is symmetric, so only its strict upper triangle is kept, as
 * one row of a {@code [T, n(n-1)/2]} matrix, and the diagonal (biased only) as one row of a {@code [T, n]} matrix.
 * For symmetric K, L: {@code <K, L> = 2 <upper(K), upper(L)> + <diag(K), diag(L)>}, so all the pair inner products
 * of a heatmap come out of one gemm over half the Gram elements (plus a small one for the diagonals).
 *
 * <p>The double-centred Gram H K H equals Xc Xc^T with Xc the column-centred features, and each Gram is one
 * symmetric rank-k update ({@link Blas#syrkUpper}): half the multiply-adds of the full product. The taps' Grams are
 * independent, so they are computed on the calling thread and, when a core is idle, helpers
 * ({@link GramWorkers}); each tap is done whole by one thread in the same way, and every sum across taps runs
 * afterwards on the calling thread, so the values do not depend on the thread count.
 *
 * <p>HSIC between taps i and j is then {@code <S_i, S_j>} (biased) or, for HSIC_1 with zero-diagonal K, L,
 * {@code [<K,L> + (1'K1)(1'L1)/((n-1)(n-2)) - 2/(n-2) (K1).(L1)] / (n(n-3))}: row sums are kept per tap for that.
 */
public final class TapGrams {
    private final List<String> names;
    private final CkaEstimator estimator;
    private final int n;
    private final INDArray upper;     // [T, max(1, n(n-1)/2)] strict upper triangles (float biased, double unbiased)
    private final INDArray diagonals; // [T, n] float, biased only (the unbiased estimator zeroes diagonals)
    private final INDArray rowSums;   // [T, n] double, unbiased only
    private final double[] totals;    // 1'K1 per tap, unbiased only
    private final double[] self;      // HSIC(tap, tap), 0 for a constant tap
    private boolean recycled;         // its arrays were handed to a newer TapGrams (see of(.., previous))

    private TapGrams(List<String> names, CkaEstimator estimator, int n, INDArray upper, INDArray diagonals,
                     INDArray rowSums, double[] totals, double[] self) {
        this.names = List.copyOf(names);
        this.estimator = estimator;
        this.n = n;
        this.upper = upper;
        this.diagonals = diagonals;
        this.rowSums = rowSums;
        this.totals = totals;
        this.self = self;
    }

    /** Prepares every tap ([n, features] each, the same n) of one forward pass, using idle cores when there are. */
    public static TapGrams of(Map<String, INDArray> taps, CkaEstimator estimator) {
        return of(taps, estimator, null, GramWorkers.auto());
    }

    /**
     * As {@link #of(Map, CkaEstimator)}, writing into {@code previous}'s arrays when they have the right shape (the
     * next evaluation's target side reusing the last one's): allocating and first touching the tens of megabytes of
     * a 24-tap, 512-example side costs as much as several of its Grams. {@code previous} can no longer be used
     * afterwards (its {@link #against} throws). Null previous: fresh arrays.
     */
    public static TapGrams of(Map<String, INDArray> taps, CkaEstimator estimator, TapGrams previous) {
        return of(taps, estimator, previous, GramWorkers.auto());
    }

    /** As {@link #of(Map, CkaEstimator, TapGrams)} on at most {@code threads} threads (the values do not depend on it). */
    static TapGrams of(Map<String, INDArray> taps, CkaEstimator estimator, TapGrams previous, int threads) {
        List<String> names = new ArrayList<>(taps.keySet());
        if (names.isEmpty()) {
            return new TapGrams(names, estimator, 0, null, null, null, new double[0], new double[0]);
        }
        int n = (int) taps.get(names.get(0)).rows();
        if (estimator == CkaEstimator.UNBIASED && n < 4) {
            throw new IllegalArgumentException("the unbiased CKA estimator needs at least 4 examples, got " + n);
        }
        boolean biased = estimator == CkaEstimator.BIASED;
        int t = names.size();
        // Values leave the taps on this thread (a tap is its model's buffer, and ND4J ops stay on this thread).
        // Biased: Grams and their pair products in float (about twice double's speed, half the memory; CKA good to
        // ~1e-6, far below what a heatmap shows). Unbiased: all in double, since HSIC_1's three terms cancel.
        float[][] xf = biased ? new float[t][] : null;
        double[][] xd = biased ? null : new double[t][];
        int[] widths = new int[t];
        for (int i = 0; i < t; i++) {
            INDArray x = taps.get(names.get(i));
            if (x.rank() != 2 || x.rows() != n) {
                throw new IllegalArgumentException("tap '" + names.get(i) + "' has shape "
                        + java.util.Arrays.toString(x.shape()) + ", expected [" + n + ", features]");
            }
            widths[i] = (int) x.columns();
            if (biased) {
                xf[i] = Blas.readFloats(x);
            } else {
                xd[i] = Blas.readDoubles(x);
            }
        }
        long m = Math.max(1L, (long) n * (n - 1) / 2);
        INDArray upper;
        INDArray diagonals;
        INDArray rowSums;
        if (previous != null && !previous.recycled && previous.estimator == estimator && previous.n == n
                && previous.names.size() == t && previous.upper != null) {
            // every element of these arrays is written below (n = 1 leaves the one-element triangle at its zero)
            previous.recycled = true;
            upper = previous.upper;
            diagonals = previous.diagonals;
            rowSums = previous.rowSums;
        } else {
            upper = Nd4j.create(biased ? DataType.FLOAT : DataType.DOUBLE, t, m);
            diagonals = biased ? Nd4j.create(DataType.FLOAT, t, n) : null;
            rowSums = biased ? null : Nd4j.create(DataType.DOUBLE, t, n);
        }
        double[] totals = new double[t];
        double[] self = new double[t];
        GramWorkers.run(t, threads, i -> {
            if (biased) {
                self[i] = biasedTap(xf[i], n, widths[i], upper, diagonals, i);
            } else {
                unbiasedTap(xd[i], n, widths[i], upper, rowSums, i, totals, self);
            }
        });
        return new TapGrams(names, estimator, n, upper, diagonals, rowSums, totals, self);
    }

    /** Per-thread arrays for one tap's work, grown to the largest tap seen. */
    private static final class Work {
        float[] xc = new float[0];
        float[] gram = new float[0];
        float[] row = new float[0];
        float[] block = new float[0];
        double[] mean = new double[0];
        double[] gramD = new double[0];
        double[] sums = new double[0];

        Work fit(int n, int p, boolean biased) {
            long np = (long) n * p;
            long nn = (long) n * n;
            if (np > Integer.MAX_VALUE || nn > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a probe of " + n + " examples of " + p + " features is too large for a heatmap");
            }
            if (mean.length < p) {
                mean = new double[p];
                block = new float[p];
            }
            if (biased) {
                if (xc.length < np) {
                    xc = new float[(int) np];
                }
                if (gram.length < nn) {
                    gram = new float[(int) nn];
                    row = new float[n];
                }
            } else if (gramD.length < nn) {
                gramD = new double[(int) nn];
                sums = new double[n];
            }
            return this;
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    /**
     * Tap i of the biased estimator: centres X in Java (column means summed in double), Xc Xc^T by syrk, then its
     * strict upper triangle into row i of {@code upper} and its diagonal into row i of {@code diagonals}. Returns
     * ||Xc Xc^T||^2 in double, or 0 for a constant tap: what centring in float leaves of one (rounding of its column
     * means, ~1e-7 relative) is no signal, so a centred Gram whose squared norm is below (1e-6 ||X||^2)^2 counts as 0.
     */
    private static double biasedTap(float[] x, int n, int p, INDArray upper, INDArray diagonals, int i) {
        Work w = WORK.get().fit(n, p, true);
        // Column means: float sums over blocks of 16 rows (loops the JIT vectorises), added up in double.
        double[] mean = w.mean;
        float[] block = w.block;
        java.util.Arrays.fill(mean, 0, p, 0.0);
        for (int r0 = 0; r0 < n; r0 += 16) {
            java.util.Arrays.fill(block, 0, p, 0f);
            for (int r = r0, end = Math.min(n, r0 + 16); r < end; r++) {
                int o = r * p;
                for (int c = 0; c < p; c++) {
                    block[c] += x[o + c];
                }
            }
            for (int c = 0; c < p; c++) {
                mean[c] += block[c];
            }
        }
        double meanSquares = 0;
        for (int c = 0; c < p; c++) {
            mean[c] /= n;
            block[c] = (float) mean[c];
            meanSquares += mean[c] * mean[c];
        }
        float[] xc = w.xc;
        for (int r = 0; r < n; r++) {
            int o = r * p;
            for (int c = 0; c < p; c++) {
                xc[o + c] = x[o + c] - block[c];
            }
        }
        float[] g = w.gram;
        Blas.syrkUpper(xc, n, p, g);
        long at = (long) i * upper.columns();
        double diagonal = 0;
        float[] diag = w.row;
        for (int r = 0; r < n; r++) {
            int from = r * n + r;
            diag[r] = g[from];
            diagonal += (double) g[from] * g[from];
            int len = n - 1 - r;
            if (len > 0) {
                // the triangle's row r is contiguous in g: copy it down in place, so g's start holds the packed triangle
                System.arraycopy(g, from + 1, g, packedStart(r, n), len);
            }
        }
        double offDiagonal = 0;
        if (n > 1) {
            Blas.put(g, n * (n - 1) / 2, upper, at);
            offDiagonal = Blas.sumOfSquares(upper, at, n * (n - 1) / 2);
        }
        Blas.put(diag, n, diagonals, (long) i * n);
        double kk = 2 * offDiagonal + diagonal;
        // ||X||^2 = ||Xc||^2 + n ||mean||^2, and ||Xc||^2 is the trace of Xc Xc^T
        double trace = 0;
        for (int r = 0; r < n; r++) {
            trace += diag[r];
        }
        double floor = 1e-6 * (trace + n * meanSquares);
        return kk <= floor * floor ? 0.0 : kk;
    }

    /** Where row r's part of an n x n strict upper triangle starts in the packed row-by-row layout. */
    static int packedStart(int r, int n) {
        return (int) ((long) r * (2L * n - r - 1) / 2);
    }

    /**
     * Tap i of the unbiased estimator: X X^T by syrk in double, its strict upper triangle into row i of
     * {@code upper} (the diagonal is zeroed by the estimator), row sums of the zero-diagonal Gram into row i of
     * {@code rowSums}, 1'K1 into totals[i] and HSIC_1(K, K) into self[i].
     */
    private static void unbiasedTap(double[] x, int n, int p, INDArray upper, INDArray rowSums, int i,
                                    double[] totals, double[] self) {
        Work w = WORK.get().fit(n, p, false);
        double[] g = w.gramD;
        Blas.syrkUpper(x, n, p, g);
        double[] sums = w.sums;
        java.util.Arrays.fill(sums, 0, n, 0.0);
        double squares = 0;
        for (int r = 0; r < n; r++) {
            int from = r * n + r;
            for (int c = r + 1; c < n; c++) {
                double v = g[r * n + c];
                sums[r] += v;
                sums[c] += v;
                squares += v * v;
            }
            int len = n - 1 - r;
            if (len > 0) {
                System.arraycopy(g, from + 1, g, packedStart(r, n), len);
            }
        }
        Blas.put(g, n * (n - 1) / 2, upper, (long) i * upper.columns());
        Blas.put(sums, n, rowSums, (long) i * n);
        double total = 0;
        double cross = 0;
        for (int r = 0; r < n; r++) {
            total += sums[r];
            cross += sums[r] * sums[r];
        }
        totals[i] = total;
        double kk = hsic1(n, 2 * squares, total, total, cross);
        self[i] = kk <= 0 ? 0.0 : kk;
    }

    public List<String> names() {
        return names;
    }

    /**
     * CKA of every tap here (rows) with every tap of {@code columns}, from one gemm over the Grams' upper triangles
     * (plus one over the diagonals or the row sums). Against itself ({@code g.against(g)}) the products are
     * symmetric rank-k updates, half the work, and the matrix comes out exactly symmetric.
     */
    public CkaMatrix against(TapGrams columns) {
        if (recycled || columns.recycled) {
            throw new IllegalStateException("these Grams were overwritten by a newer TapGrams.of(.., previous)");
        }
        if (columns.estimator != estimator || columns.n != n) {
            throw new IllegalArgumentException("heatmap sides differ: " + estimator + " n=" + n + " vs "
                    + columns.estimator + " n=" + columns.n);
        }
        int r = names.size();
        int c = columns.names.size();
        double[][] v = new double[r][c];
        if (r > 0 && c > 0) {
            boolean same = columns == this;
            double[][] inner = products(upper, columns.upper, same);
            double[][] extra = estimator == CkaEstimator.BIASED
                    ? products(diagonals, columns.diagonals, same) : products(rowSums, columns.rowSums, same);
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    if (same && j < i) {
                        v[i][j] = v[j][i];
                        continue;
                    }
                    double kl = estimator == CkaEstimator.BIASED ? 2 * inner[i][j] + extra[i][j]
                            : hsic1(n, 2 * inner[i][j], totals[i], columns.totals[j], extra[i][j]);
                    double denom = Math.sqrt(self[i] * columns.self[j]);
                    double cka = denom > 0 && Double.isFinite(denom) ? kl / denom : 0.0;
                    // Biased CKA lies in [0, 1] exactly; the float Grams' rounding (~1e-7) must not step outside it.
                    v[i][j] = estimator == CkaEstimator.BIASED ? Math.max(0.0, Math.min(1.0, cka)) : cka;
                }
            }
        }
        return new CkaMatrix(names, columns.names, v, estimator);
    }

    /** a b^T in double; for a == b (same) by syrk, only the upper triangle (i <= j) is filled. */
    private static double[][] products(INDArray a, INDArray b, boolean same) {
        if (same) {
            INDArray out = Nd4j.create(a.dataType(), a.rows(), a.rows());
            Blas.syrkUpper(a, out);
            return out.castTo(DataType.DOUBLE).toDoubleMatrix();
        }
        return Blas.gemm(a, b, false, true).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    /** HSIC_1 from <K,L>, 1'K1, 1'L1 and (K1).(L1) (zero-diagonal K, L). */
    private static double hsic1(int n, double trace, double sumK, double sumL, double cross) {
        double v = trace + sumK * sumL / ((n - 1.0) * (n - 2.0)) - 2.0 / (n - 2.0) * cross;
        return v / (n * (n - 3.0));
    }
}
