package org.guidancelab.engine.blas;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.junit.jupiter.api.Test;

/** Float products on oneDNN's sgemm: chosen here, refused by the property, and equal to OpenBLAS's on every form. */
class SgemmRouteTest {

    @Test
    void oneDnnRunsFloatProductsHereUnlessThePropertyAsksForOpenBlas() {
        assertTrue(Blas.isDirect());
        assertEquals(SgemmRoute.ONEDNN, SgemmRoute.chosen(), "the bundled oneDNN loads on Linux x86-64");
        assertEquals(SgemmRoute.OPENBLAS, SgemmRoute.choose(" OpenBLAS ", () -> true));
        assertEquals(SgemmRoute.ONEDNN, SgemmRoute.choose(null, () -> true));
        assertEquals(SgemmRoute.ONEDNN, SgemmRoute.choose("onednn", () -> true));
        assertEquals(SgemmRoute.OPENBLAS, SgemmRoute.choose(null, () -> false), "no oneDNN: OpenBLAS");
        assertEquals(SgemmRoute.ONEDNN, SgemmRoute.choose("openblass", () -> true), "a typo keeps the default");
        assertEquals("warning: -Dguidancelab.sgemm=openblass ignored: expected onednn or openblas",
                SgemmRoute.badValue("openblass"));
        assertEquals(Double.POSITIVE_INFINITY, Blas.directMaxWork(org.nd4j.linalg.api.buffer.DataType.FLOAT));
        assertTrue(Blas.productRoute().startsWith("float through oneDNN's sgemm at every size, double through OpenBLAS "),
                Blas.productRoute());
    }

    @Test
    void oneDnnsProductsEqualOpenBlasForEveryTransposeScaleAndLeadingDimension() {
        Random r = new Random(8);
        int m = 37, n = 21, k = 50, pad = 3;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                int lda = (ta ? m : k) + pad, ldb = (tb ? k : n) + pad, ldc = n + pad;
                FloatPointer a = random(r, (long) (ta ? k : m) * lda), b = random(r, (long) (tb ? n : k) * ldb);
                FloatPointer c0 = random(r, (long) m * ldc);
                FloatPointer viaDnnl = copy(c0), viaBlas = copy(c0);
                OneDnnSgemm.sgemm(ta, tb, m, n, k, 0.7f, a, lda, b, ldb, 0.3f, viaDnnl, ldc);
                openblas_nolapack.cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                        m, n, k, 0.7f, a, lda, b, ldb, 0.3f, viaBlas, ldc);
                for (long i = 0; i < (long) m * ldc; i++) {
                    float expected = viaBlas.get(i);
                    assertEquals(expected, viaDnnl.get(i), 1e-5f * Math.max(1, Math.abs(expected)),
                            "ta=" + ta + " tb=" + tb + " at " + i + (i % ldc >= n ? " (padding: must be untouched)" : ""));
                }
            }
        }
    }

    @Test
    void aRefusedProductIsNamedNotIgnored() {
        FloatPointer x = new FloatPointer(4);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> OneDnnSgemm.sgemm(false, false, 2, 2, 2, 1f, x, 1, x, 2, 0f, x, 2));
        assertTrue(e.getMessage().startsWith("oneDNN's sgemm refused a 2 x 2 x 2 product (status "), e.getMessage());
    }

    private static FloatPointer random(Random r, long size) {
        FloatPointer p = new FloatPointer(size);
        for (long i = 0; i < size; i++) {
            p.put(i, (float) r.nextGaussian());
        }
        return p;
    }

    private static FloatPointer copy(FloatPointer from) {
        FloatPointer p = new FloatPointer(from.capacity());
        for (long i = 0; i < from.capacity(); i++) {
            p.put(i, from.get(i));
        }
        return p;
    }
}
