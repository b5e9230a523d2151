package org.guidancelab.engine.model.samediff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forward semantics the gradient checks cannot see (they only prove backward matches forward): a
 * multi-head attention block, strided padded convolution and pooling, recomputed in plain Java.
 */
class SameDiffReferenceForwardTest {
    private static final double TOL = 1e-9;

    private static double[] randomParams(SameDiffModel m, long seed) {
        Random rng = new Random(seed);
        double[] p = new double[(int) m.params().length()];
        for (int i = 0; i < p.length; i++) {
            p[i] = rng.nextGaussian() * 0.5;
        }
        m.params().assign(Nd4j.create(p, new long[] {1, p.length}, DataType.DOUBLE));
        return p;
    }

    /** x [T, in] times W [in, out] (row-major at {@code w} in p) plus b (at {@code b}). */
    private static double[][] affine(double[][] x, double[] p, int w, int b, int out) {
        double[][] y = new double[x.length][out];
        for (int t = 0; t < x.length; t++) {
            for (int j = 0; j < out; j++) {
                double s = p[b + j];
                for (int i = 0; i < x[t].length; i++) {
                    s += x[t][i] * p[w + i * out + j];
                }
                y[t][j] = s;
            }
        }
        return y;
    }

    private static double[][] layerNorm(double[][] x, double[] p, int gamma, int beta) {
        double[][] y = new double[x.length][];
        for (int t = 0; t < x.length; t++) {
            int d = x[t].length;
            double mean = 0;
            for (double v : x[t]) {
                mean += v / d;
            }
            double var = 0;
            for (double v : x[t]) {
                var += (v - mean) * (v - mean) / d;
            }
            y[t] = new double[d];
            for (int i = 0; i < d; i++) {
                y[t][i] = (x[t][i] - mean) / Math.sqrt(var + 1e-5) * p[gamma + i] + p[beta + i];
            }
        }
        return y;
    }

    @Test
    void transformerBlockIsPostNormMultiHeadAttentionThenReluFeedForward() {
        int t = 3;
        int d = 4;
        int h = 2;
        int ff = 5;
        int dk = d / h;
        NetworkSpec spec = new NetworkSpec("tf", List.of(Layers.Input.real("x", t, d),
                new Layers.TransformerBlock("tf", d, h, ff, true, 0, true), new Layers.Output("out", 2, true)));
        try (SameDiffModel m = new SameDiffModel(spec, 1, DataType.DOUBLE)) {
            double[] p = randomParams(m, 3);
            INDArray input = Nd4j.randn(4L, new long[] {1, t, d}).castTo(DataType.DOUBLE);
            INDArray tap = m.forward(input, false).taps().get("tf");

            double[][] x = new double[t][d];
            for (int s = 0; s < t; s++) {
                for (int i = 0; i < d; i++) {
                    x[s][i] = input.getDouble(0, s, i);
                }
            }
            int dd = d * d + d;
            double[][] q = affine(x, p, 0, d * d, d);
            double[][] k = affine(x, p, dd, dd + d * d, d);
            double[][] v = affine(x, p, 2 * dd, 2 * dd + d * d, d);
            double[][] context = new double[t][d];
            for (int head = 0; head < h; head++) {
                for (int i = 0; i < t; i++) {
                    double[] w = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j <= i; j++) {    // causal: keys up to the query's position
                        for (int c = 0; c < dk; c++) {
                            w[j] += q[i][head * dk + c] * k[j][head * dk + c] / Math.sqrt(dk);
                        }
                        max = Math.max(max, w[j]);
                    }
                    double z = 0;
                    for (int j = 0; j <= i; j++) {
                        w[j] = Math.exp(w[j] - max);
                        z += w[j];
                    }
                    for (int j = 0; j <= i; j++) {
                        for (int c = 0; c < dk; c++) {
                            context[i][head * dk + c] += w[j] / z * v[j][head * dk + c];
                        }
                    }
                }
            }
            double[][] attn = affine(context, p, 3 * dd, 3 * dd + d * d, d);
            int ln1 = 4 * dd;
            double[][] res1 = new double[t][d];
            for (int s = 0; s < t; s++) {
                for (int i = 0; i < d; i++) {
                    res1[s][i] = x[s][i] + attn[s][i];
                }
            }
            double[][] y1 = layerNorm(res1, p, ln1, ln1 + d);
            int f1 = ln1 + 2 * d;
            double[][] hidden = affine(y1, p, f1, f1 + d * ff, ff);
            for (double[] row : hidden) {
                for (int i = 0; i < ff; i++) {
                    row[i] = Math.max(0, row[i]);
                }
            }
            int f2 = f1 + d * ff + ff;
            double[][] out = affine(hidden, p, f2, f2 + ff * d, d);
            for (int s = 0; s < t; s++) {
                for (int i = 0; i < d; i++) {
                    out[s][i] += y1[s][i];
                }
            }
            int ln2 = f2 + ff * d + d;
            double[][] y2 = layerNorm(out, p, ln2, ln2 + d);
            for (int s = 0; s < t; s++) {
                for (int i = 0; i < d; i++) {
                    assertEquals(y2[s][i], tap.getDouble(0, s * d + i), TOL, "position " + s + " feature " + i);
                }
            }
        }
    }

    @Test
    void stridedPaddedConvolutionThenMaxAndAveragePooling() {
        NetworkSpec spec = new NetworkSpec("conv", List.of(Layers.Input.real("x", 1, 5, 5),
                new Layers.Conv2D("c", 1, 3, 2, 1, ActivationFn.IDENTITY, true),
                new Layers.Reshape("r", List.of(1, 3, 3), false),
                new Layers.MaxPool2D("max", 2, 1, true), new Layers.AvgPool2D("avg", 2, 1, true),
                new Layers.GlobalAvgPool("gap", true), new Layers.Output("out", 2, false)));
        try (SameDiffModel m = new SameDiffModel(spec, 1, DataType.DOUBLE)) {
            double[] p = randomParams(m, 8);
            INDArray input = Nd4j.randn(5L, new long[] {1, 1, 5, 5}).castTo(DataType.DOUBLE);
            var f = m.forward(input, false);
            double[][] conv = new double[3][3];
            for (int oy = 0; oy < 3; oy++) {
                for (int ox = 0; ox < 3; ox++) {
                    double s = p[9];
                    for (int ky = 0; ky < 3; ky++) {
                        for (int kx = 0; kx < 3; kx++) {
                            int iy = oy * 2 - 1 + ky;
                            int ix = ox * 2 - 1 + kx;
                            if (iy >= 0 && iy < 5 && ix >= 0 && ix < 5) {
                                s += p[ky * 3 + kx] * input.getDouble(0, 0, iy, ix);
                            }
                        }
                    }
                    conv[oy][ox] = s;
                    assertEquals(s, f.taps().get("c").getDouble(0, oy * 3 + ox), TOL, "conv " + oy + "," + ox);
                }
            }
            double[][] max = new double[2][2];
            for (int y = 0; y < 2; y++) {
                for (int x = 0; x < 2; x++) {
                    max[y][x] = Math.max(Math.max(conv[y][x], conv[y][x + 1]), Math.max(conv[y + 1][x], conv[y + 1][x + 1]));
                    assertEquals(max[y][x], f.taps().get("max").getDouble(0, y * 2 + x), TOL, "max");
                }
            }
            double avg = (max[0][0] + max[0][1] + max[1][0] + max[1][1]) / 4;
            assertEquals(avg, f.taps().get("avg").getDouble(0, 0), TOL, "avg of a 2x2 map with a 2x2 window");
            assertEquals(avg, f.taps().get("gap").getDouble(0, 0), TOL, "global average of a 1x1 map");
        }
    }
}
