package org.guidancelab.engine.model.fast;

/**
 * tanh and the logistic sigmoid in float, as the rational approximation Eigen (and so TensorFlow) uses: odd degree-13
 * over even degree-6 polynomial on inputs clamped to +-7.9053, within a few float ulps of tanh everywhere. It is plain
 * multiply-add and one divide, which HotSpot vectorises, where {@code Math.tanh} is a scalar library call and ND4J's
 * native tanh costs more per element than the products around it (docs/decisions/0026).
 */
final class FastTanh {
    private static final float CLAMP = 7.90531110763549805f;
    private static final float A1 = 4.89352455891786e-03f;
    private static final float A3 = 6.37261928875436e-04f;
    private static final float A5 = 1.48572235717979e-05f;
    private static final float A7 = 5.12229709037114e-08f;
    private static final float A9 = -8.60467152213735e-11f;
    private static final float A11 = 2.00018790482477e-13f;
    private static final float A13 = -2.76076847742355e-16f;
    private static final float B0 = 4.89352518554385e-03f;
    private static final float B2 = 2.26843463243900e-03f;
    private static final float B4 = 1.18534705686654e-04f;
    private static final float B6 = 1.19825839466702e-06f;

    private FastTanh() {
    }

    /** tanh(x); NaN stays NaN. */
    static float tanh(float x) {
        float c = Math.max(-CLAMP, Math.min(CLAMP, x));
        float x2 = c * c;
        float p = x2 * A13 + A11;
        p = x2 * p + A9;
        p = x2 * p + A7;
        p = x2 * p + A5;
        p = x2 * p + A3;
        p = x2 * p + A1;
        float q = x2 * B6 + B4;
        q = x2 * q + B2;
        q = x2 * q + B0;
        return c * p / q;
    }

    /** 1 / (1 + e^-x), as 0.5 + 0.5 tanh(x / 2). */
    static float sigmoid(float x) {
        return 0.5f + 0.5f * tanh(0.5f * x);
    }

    /** v[from, from + count) = tanh(v[...]) in place. */
    static void tanh(float[] v, int from, int count) {
        for (int i = from; i < from + count; i++) {
            v[i] = tanh(v[i]);
        }
    }

    /** v[from, from + count) = sigmoid(v[...]) in place. */
    static void sigmoid(float[] v, int from, int count) {
        for (int i = from; i < from + count; i++) {
            v[i] = sigmoid(v[i]);
        }
    }
}
