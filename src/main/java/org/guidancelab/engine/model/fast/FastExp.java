package org.guidancelab.engine.model.fast;

/**
 * {@code exp(x)} in float for {@code x <= 0}, as softmax needs it after subtracting the row's maximum, within 2 ulp of
 * the correctly rounded value (subnormal results included): Cephes' expf (round x / ln 2 to n, a degree-6
 * polynomial on the remainder, times 2^n) inlined in the caller's loop, where {@code Math.exp} is a call per element.
 */
final class FastExp {
    private static final float LOG2E = 1.44269504088896341f;
    /** ln 2 split in two, the first with few enough bits that n * LN2_HI is exact. */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer held in the low mantissa bits. */
    private static final float ROUND = 12582912f;
    private static final int ROUND_BITS = 0x4B400000;
    /** Below this every result rounds to zero; clamping keeps the exponent arithmetic in range. */
    private static final float LOWEST = -104f;

    private FastExp() {
    }

    /** exp(x) for x <= 0 (larger x are outside the contract and give wrong values). */
    static float nonPositive(float x) {
        float xc = Math.max(x, LOWEST);
        float shifted = xc * LOG2E + ROUND;
        float n = shifted - ROUND;
        int ni = Float.floatToRawIntBits(shifted) - ROUND_BITS;
        float r = xc - n * LN2_HI - n * LN2_LO;
        float z = r * r;
        float p = (((((1.9875691500E-4f * r + 1.3981999507E-3f) * r + 8.3334519073E-3f) * r + 4.1665795894E-2f) * r
                + 1.6666665459E-1f) * r + 5.0000001201E-1f) * z + r + 1f;
        // 2^n as two factors so that n down to -150 (a subnormal result) keeps both factors normal floats.
        int n1 = ni >> 1;
        int n2 = ni - n1;
        return p * Float.intBitsToFloat((n1 + 127) << 23) * Float.intBitsToFloat((n2 + 127) << 23);
    }
}
