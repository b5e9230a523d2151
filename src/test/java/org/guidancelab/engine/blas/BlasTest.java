package org.guidancelab.engine.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The direct OpenBLAS path gives ND4J's results for every layout the engine hands it, and steps aside for others. */
class BlasTest {
    private enum Dtype { FLOAT, DOUBLE }

    @Test
    void theCpuBuildGoesStraightToOpenBlas() {
        assertTrue(Blas.isDirect(), "tests run on ND4J's CPU backend, where products must skip ND4J's op machinery");
    }

    /** Ways an [r, c] matrix can sit in memory: fresh 'c', fresh 'f', a view at an offset in a flat buffer, a transpose. */
    private static List<Function<INDArray, INDArray>> placements(DataType dt) {
        List<Function<INDArray, INDArray>> p = new ArrayList<>();
        p.add(m -> m.dup('c'));
        p.add(m -> m.dup('f'));
        p.add(m -> {
            INDArray flat = Nd4j.rand(dt, 1, m.length() + 17);
            INDArray view = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(11, 11 + m.length())).reshape('c', m.size(0), m.size(1));
            view.assign(m);
            return view;
        });
        p.add(m -> m.transpose().dup('c').transpose());
        return p;
    }

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void gemmMatchesNd4jForEveryLayoutTransposeAndScale(Dtype d) {
        DataType dt = DataType.valueOf(d.name());
        double tol = dt == DataType.FLOAT ? 1e-4 : 1e-12;
        Nd4j.getRandom().setSeed(7);
        int cases = 0;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                INDArray a0 = Nd4j.rand(dt, ta ? 5 : 6, ta ? 6 : 5);
                INDArray b0 = Nd4j.rand(dt, tb ? 3 : 5, tb ? 5 : 3);
                INDArray c0 = Nd4j.rand(dt, 6, 3);
                for (var pa : placements(dt)) {
                    for (var pb : placements(dt)) {
                        for (var pc : placements(dt)) {
                            INDArray expected = c0.dup('c');
                            Nd4j.gemm(a0.dup('c'), b0.dup('c'), expected, ta, tb, 0.7, 0.3);
                            INDArray c = pc.apply(c0);
                            Blas.gemm(pa.apply(a0), pb.apply(b0), c, ta, tb, 0.7, 0.3);
                            assertTrue(expected.equalsWithEps(c, tol), () -> "ta=" + ta + " tb=" + tb + ": " + c + " vs " + expected);
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(4 * 64, cases);
    }

    @Test
    void theLargestDirectProductIsSetPerCpuOrByTheProperty() {
        assertEquals(Double.POSITIVE_INFINITY, Blas.directMaxWork(null, "AMD EPYC 7B13 64-Core Processor"));
        assertEquals(1 << 17, Blas.directMaxWork(null, "Intel(R) Xeon(R) Processor"));
        assertEquals(1 << 17, Blas.directMaxWork("", ""));
        assertEquals(4096.0, Blas.directMaxWork("4096", "AMD EPYC"));
        assertEquals(Double.POSITIVE_INFINITY, Blas.directMaxWork(" all ", "Intel(R) Xeon(R) Processor"));
        assertEquals(Double.POSITIVE_INFINITY, Blas.directMaxWork("lots", "AMD EPYC"), "a typo falls back to the CPU's default");
        assertEquals(1 << 17, Blas.directMaxWork("lots", "Intel(R) Xeon(R) Processor"));
        assertEquals("warning: -Dguidancelab.blas.directMaxWork=lots ignored: expected a number (the largest m*n*k sent"
                + " straight to OpenBLAS) or 'all'", Blas.badDirectMaxWork("lots"));
    }

    @Test
    void aProductAboveEveryThresholdGivesNd4jsResultWhicheverRouteItTakes() {
        Nd4j.getRandom().setSeed(3);
        INDArray a = Nd4j.rand(DataType.FLOAT, 300, 128);
        INDArray b = Nd4j.rand(DataType.FLOAT, 512, 128);
        INDArray expected = Nd4j.gemm(a, b, false, true);
        INDArray c = Nd4j.rand(DataType.FLOAT, 300, 512);
        Blas.gemm(a, b, c, false, true, 1.0, 0.0);
        assertTrue(expected.equalsWithEps(c, 1e-3), "300 x 512 x 128 through Blas.gemm equals ND4J's product");
    }

    @Test
    void unitDimensionsAndTheBiasProductWork() {
        // the dense layer's bias: ones[n, 1] b[1, out], and its gradient ones^T dZ
        INDArray ones = Nd4j.ones(DataType.FLOAT, 4, 1);
        INDArray b = Nd4j.createFromArray(new float[][] {{1, 2, 3}});
        INDArray z = Nd4j.create(DataType.FLOAT, 4, 3);
        Blas.gemm(ones, b, z, false, false, 1.0, 0.0);
        assertEquals(Nd4j.createFromArray(new float[][] {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}}), z);
        INDArray db = Nd4j.create(DataType.FLOAT, 1, 3);
        Blas.gemm(ones, z, db, true, false, 1.0, 0.0);
        assertEquals(Nd4j.createFromArray(new float[][] {{4, 8, 12}}), db);
    }

    @Test
    void betaZeroIgnoresWhatTheOutputHeldAndBetaOneAccumulates() {
        INDArray a = Nd4j.createFromArray(new double[][] {{1, 2}, {3, 4}});
        INDArray c = Nd4j.createFromArray(new double[][] {{Double.NaN, 1}, {1, 1}});
        Blas.gemm(a, a, c, false, false, 1.0, 0.0);
        assertEquals(Nd4j.createFromArray(new double[][] {{7, 10}, {15, 22}}), c);
        Blas.gemm(a, a, c, false, false, 1.0, 1.0);
        assertEquals(Nd4j.createFromArray(new double[][] {{14, 20}, {30, 44}}), c);
    }

    @Test
    void stridedViewsFallBackToNd4jWithTheSameResult() {
        INDArray wide = Nd4j.rand(DataType.FLOAT, 4, 10);
        INDArray everyOther = wide.get(NDArrayIndex.all(), NDArrayIndex.interval(0, 2, 10)); // [4, 5], column stride 2
        assertNull(MatrixLayout.of(everyOther));
        INDArray b = Nd4j.rand(DataType.FLOAT, 5, 2);
        INDArray c = Nd4j.create(DataType.FLOAT, 4, 2);
        Blas.gemm(everyOther, b, c, false, false, 1.0, 0.0);
        assertTrue(everyOther.dup().mmul(b).equalsWithEps(c, 1e-5));
    }

    @Test
    void aViewsAddressIsItsFirstElement() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 40);
        INDArray view = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(12, 32)).reshape('c', 4, 5);
        MatrixLayout l = MatrixLayout.of(view);
        assertNotNull(l);
        assertEquals(view.data().addressPointer().address(), DirectBlas.address(view, l.offset()));
    }

    @Test
    void dotAndAxpyMatchNd4j() {
        INDArray u = Nd4j.rand(DataType.DOUBLE, 7, 3);
        INDArray v = Nd4j.rand(DataType.DOUBLE, 7, 3);
        assertEquals(u.mul(v).sumNumber().doubleValue(), Blas.dot(u, v), 1e-12);
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 30);
        INDArray uf = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(5, 26)).reshape('c', 7, 3);
        INDArray vf = Nd4j.rand(DataType.FLOAT, 7, 3);
        assertEquals(uf.mul(vf).sumNumber().doubleValue(), Blas.dot(uf, vf), 1e-4);
        // different element orders: element i of one no longer faces element i of the other
        INDArray vt = vf.dup('f');
        assertEquals(uf.mul(vf).sumNumber().doubleValue(), Blas.dot(uf, vt), 1e-4);
        INDArray y = vf.dup();
        Blas.axpy(-0.5, uf, y);
        assertTrue(vf.sub(uf.mul(0.5)).equalsWithEps(y, 1e-6));
        assertEquals(flat.getFloat(0, 4), flat.dup().getFloat(0, 4), "axpy left the source alone");
    }

    @Test
    void copyAndSmallFloatsMoveExactlyTheArraysValues() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 30);
        INDArray src = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(3, 15)).reshape('c', 3, 4);
        INDArray dst = Nd4j.create(DataType.FLOAT, 3, 4);
        Blas.copy(src, dst);
        assertEquals(src, dst);
        assertTrue(SmallFloats.fit(src, dst));
        float[] v = SmallFloats.read(src, 1);
        assertEquals(src.getFloat(2, 3), v[11]);
        v[0] = 42f;
        SmallFloats.write(v, dst);
        assertEquals(42f, dst.getFloat(0, 0));
        assertEquals(src.getFloat(0, 1), dst.getFloat(0, 1));
        assertEquals(flat.getFloat(0, 2), flat.dup().getFloat(0, 2), "writes stay inside the target");
        // what does not fit: another order, another type, too long
        assertTrue(!SmallFloats.fit(src, dst.dup('f')));
        assertTrue(!SmallFloats.fit(src.castTo(DataType.DOUBLE), dst));
        assertTrue(!SmallFloats.fit(Nd4j.create(DataType.FLOAT, 1, SmallFloats.MAX + 1), Nd4j.create(DataType.FLOAT, 1, SmallFloats.MAX + 1)));
        // copy between different orders still copies element for element (through ND4J)
        INDArray f = Nd4j.create(DataType.FLOAT, new long[] {3, 4}, 'f');
        Blas.copy(src, f);
        assertEquals(src, f);
    }

    /** Upper triangles (diagonal included) of a and b are equal within tol. */
    private static void assertUpperEquals(INDArray expected, INDArray actual, double tol) {
        for (int i = 0; i < expected.rows(); i++) {
            for (int j = i; j < expected.columns(); j++) {
                assertEquals(expected.getDouble(i, j), actual.getDouble(i, j), tol, "element " + i + "," + j);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Dtype.class)
    void syrkFillsTheUpperTriangleOfTheGram(Dtype d) {
        DataType dt = DataType.valueOf(d.name());
        double tol = dt == DataType.FLOAT ? 1e-4 : 1e-12;
        Nd4j.getRandom().setSeed(8);
        INDArray a0 = Nd4j.rand(dt, 9, 5);
        INDArray expected = a0.mmul(a0.transpose());
        // a fresh array and a view at an offset, writing into a fresh array and into a view
        INDArray flat = Nd4j.rand(dt, 1, 45 + 13);
        INDArray aView = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(13, 58)).reshape('c', 9, 5);
        aView.assign(a0);
        INDArray cFlat = Nd4j.zeros(dt, 1, 81 + 7);
        INDArray cView = cFlat.get(NDArrayIndex.point(0), NDArrayIndex.interval(7, 88)).reshape('c', 9, 9);
        for (INDArray a : new INDArray[] {a0.dup('c'), aView}) {
            for (INDArray c : new INDArray[] {Nd4j.create(dt, 9, 9), cView}) {
                Blas.syrkUpper(a, c);
                assertUpperEquals(expected, c, tol);
            }
        }
        assertEquals(0.0, cFlat.getDouble(0, 3), "nothing before the view was written");
        // a column-major operand is not row-major memory: the ND4J fallback gives the same triangle
        INDArray c = Nd4j.create(dt, 9, 9);
        Blas.syrkUpper(a0.dup('f'), c);
        assertUpperEquals(expected, c, tol);
    }

    @Test
    void syrkOnJavaArraysMatchesTheGemm() {
        java.util.Random r = new java.util.Random(3);
        int n = 11;
        int k = 6;
        float[] af = new float[n * k];
        double[] ad = new double[n * k];
        for (int i = 0; i < af.length; i++) {
            ad[i] = r.nextGaussian();
            af[i] = (float) ad[i];
        }
        float[] cf = new float[n * n + 3]; // longer than needed is fine
        double[] cd = new double[n * n];
        Blas.syrkUpper(af, n, k, cf);
        Blas.syrkUpper(ad, n, k, cd);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 0;
                for (int c = 0; c < k; c++) {
                    s += ad[i * k + c] * ad[j * k + c];
                }
                assertEquals(s, cd[i * n + j], 1e-12);
                assertEquals(s, cf[i * n + j], 1e-4);
            }
        }
        // a second, smaller call on the same thread reuses the scratch
        Blas.syrkUpper(new float[] {1, 2, 3, 4}, 2, 2, cf);
        assertEquals(5f, cf[0]);
        assertEquals(11f, cf[1]);
        assertEquals(25f, cf[3]);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Blas.syrkUpper(new float[3], 2, 2, new float[4]));
    }

    @Test
    void readPutAndSumOfSquaresCoverRangesOfAnArray() {
        INDArray flat = Nd4j.rand(DataType.FLOAT, 1, 30);
        INDArray view = flat.get(NDArrayIndex.point(0), NDArrayIndex.interval(4, 16)).reshape('c', 3, 4);
        float[] v = Blas.readFloats(view);
        assertEquals(12, v.length);
        assertEquals(view.getFloat(1, 2), v[6]);
        float[] t = Blas.readFloats(view.transpose());
        assertEquals(view.getFloat(2, 1), t[1 * 3 + 2]);
        double[] dv = Blas.readDoubles(view);
        assertEquals(view.getFloat(2, 3), dv[11], 0.0);
        INDArray into = Nd4j.zeros(DataType.FLOAT, 2, 5);
        Blas.put(new float[] {7, 8, 9, 99}, 3, into, 4);
        assertEquals(Nd4j.createFromArray(new float[][] {{0, 0, 0, 0, 7}, {8, 9, 0, 0, 0}}), into);
        INDArray intoD = Nd4j.zeros(DataType.DOUBLE, 2, 2);
        Blas.put(new double[] {1.5}, 1, intoD, 3);
        assertEquals(1.5, intoD.getDouble(1, 1), 0.0);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Blas.put(new float[] {1, 2}, 2, into, 9));
        assertEquals(8.0 * 8 + 9 * 9, Blas.sumOfSquares(into, 5, 2), 0.0);
        double expected = 0;
        for (float f : v) {
            expected += (double) f * f;
        }
        assertEquals(expected, Blas.sumOfSquares(view, 0, 12), 1e-12);
        assertEquals(expected, Blas.sumOfSquares(view.dup('f'), 0, 12), 1e-6); // the ND4J fallback, C order too
    }
}
