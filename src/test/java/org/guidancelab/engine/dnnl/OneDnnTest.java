package org.guidancelab.engine.dnnl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.guidancelab.engine.blas.Blas;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The bundled oneDNN: that it loads, how benchmarks name it, and one convolution against a direct sum. */
class OneDnnTest {

    @Test
    void loadsOnLinuxX8664AndCanBeTurnedOff() {
        assertNull(OneDnn.unavailableReason(), "the bundled oneDNN loads");
        ConvRoute.on("onednn", () -> {
            assertTrue(OneDnn.convolutions());
            assertTrue(OneDnn.describe().matches("oneDNN 2\\.5\\.2 primitives, ISA (avx2|avx512.*|avx|sse4\\.1)"),
                    OneDnn.describe());
        });
        ConvRoute.on("im2col", () -> {
            assertFalse(OneDnn.convolutions());
            assertEquals("patch matrices (-Dguidancelab.conv=im2col)", OneDnn.describe());
            assertNull(DnnlConvolution.create(2, 1, 5, 5, 1, 3, 1, 1, 5, 5, true));
        });
        ConvRoute.on("im2colx", () -> assertTrue(OneDnn.convolutions(), "a typo keeps oneDNN on"));
        assertEquals("warning: -Dguidancelab.conv=im2colx ignored: expected onednn or im2col", OneDnn.badValue("im2colx"));
    }

    @Test
    void isaNamesReadable() {
        assertEquals("avx2", OneDnn.isaName(org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx2));
        assertEquals("avx512", OneDnn.isaName(org.bytedeco.dnnl.global.dnnl.dnnl_cpu_isa_avx512_core));
        assertEquals("code 12345", OneDnn.isaName(12345));
    }

    /** Stride 2 on odd 7 x 6 maps with padding 1 (the output's floor leaves a right padding of 0 on one axis). */
    @Test
    void stridedConvolutionAndItsGradientsMatchDirectSums() {
        int n = 3, c = 2, h = 7, w = 6, f = 3, k = 3, s = 2, p = 1;
        int oh = (h + 2 * p - k) / s + 1, ow = (w + 2 * p - k) / s + 1;
        Random r = new Random(4);
        float[] x = random(r, n * c * h * w), wt = random(r, f * c * k * k), b = random(r, f), g = random(r, n * f * oh * ow);
        INDArray xa = Nd4j.createFromArray(x), wa = Nd4j.createFromArray(wt), ba = Nd4j.createFromArray(b);
        INDArray ga = Nd4j.createFromArray(g);
        INDArray y = Nd4j.create(DataType.FLOAT, n * f * oh * ow), dw = Nd4j.create(DataType.FLOAT, f * c * k * k);
        INDArray db = Nd4j.create(DataType.FLOAT, f), dx = Nd4j.create(DataType.FLOAT, n * c * h * w);
        try (DnnlConvolution conv = DnnlConvolution.create(n, c, h, w, f, k, s, p, oh, ow, true)) {
            conv.forward(Blas.hostAddress(xa), Blas.hostAddress(wa), Blas.hostAddress(ba), Blas.hostAddress(y));
            conv.backwardWeights(Blas.hostAddress(xa), Blas.hostAddress(ga), Blas.hostAddress(dw), Blas.hostAddress(db));
            conv.backwardData(Blas.hostAddress(ga), Blas.hostAddress(wa), Blas.hostAddress(dx));
        }
        float[] ey = new float[n * f * oh * ow], edw = new float[f * c * k * k], edb = new float[f], edx = new float[n * c * h * w];
        for (int e = 0; e < n; e++) {
            for (int o = 0; o < f; o++) {
                for (int i = 0; i < oh; i++) {
                    for (int j = 0; j < ow; j++) {
                        int yi = ((e * f + o) * oh + i) * ow + j;
                        double sum = b[o];
                        edb[o] += g[yi];
                        for (int ch = 0; ch < c; ch++) {
                            for (int ky = 0; ky < k; ky++) {
                                for (int kx = 0; kx < k; kx++) {
                                    int yy = i * s - p + ky, xx = j * s - p + kx;
                                    if (yy < 0 || yy >= h || xx < 0 || xx >= w) {
                                        continue;
                                    }
                                    int xi = ((e * c + ch) * h + yy) * w + xx, wi = ((o * c + ch) * k + ky) * k + kx;
                                    sum += wt[wi] * x[xi];
                                    edw[wi] += g[yi] * x[xi];
                                    edx[xi] += g[yi] * wt[wi];
                                }
                            }
                        }
                        ey[yi] = (float) sum;
                    }
                }
            }
        }
        assertClose(ey, y.toFloatVector(), "forward");
        assertClose(edw, dw.toFloatVector(), "weight gradient");
        assertClose(edb, db.toFloatVector(), "bias gradient");
        assertClose(edx, dx.toFloatVector(), "input gradient");
    }

    private static float[] random(Random r, int size) {
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-4 * Math.max(1, Math.abs(expected[i])), what + " at " + i);
        }
    }
}
