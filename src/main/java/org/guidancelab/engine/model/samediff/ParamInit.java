package org.guidancelab.engine.model.samediff;

import java.util.Random;

/**
 * How one parameter tensor is initialised: a normal or uniform draw of a given scale, or a constant. The draws
 * come from one {@link Random} consumed in flat-layout order, so the same seed gives bit-identical parameters
 * whatever the data type.
 */
record ParamInit(Kind kind, double scale) {
    enum Kind { NORMAL, UNIFORM, CONSTANT }

    /** Kaiming/He normal, for weights followed by a ReLU: N(0, 2 / fanIn). */
    static ParamInit he(long fanIn) {
        return new ParamInit(Kind.NORMAL, Math.sqrt(2.0 / fanIn));
    }

    /** Xavier/Glorot normal: N(0, 2 / (fanIn + fanOut)). */
    static ParamInit xavier(long fanIn, long fanOut) {
        return new ParamInit(Kind.NORMAL, Math.sqrt(2.0 / (fanIn + fanOut)));
    }

    /** He when a ReLU follows, Xavier otherwise. */
    static ParamInit forWeights(long fanIn, long fanOut, boolean reluFollows) {
        return reluFollows ? he(fanIn) : xavier(fanIn, fanOut);
    }

    /** U(-bound, bound), PyTorch's recurrent initialisation with bound 1/sqrt(units). */
    static ParamInit uniform(double bound) {
        return new ParamInit(Kind.UNIFORM, bound);
    }

    static ParamInit normal(double std) {
        return new ParamInit(Kind.NORMAL, std);
    }

    static ParamInit constant(double value) {
        return new ParamInit(Kind.CONSTANT, value);
    }

    static ParamInit zeros() {
        return constant(0);
    }

    void fill(double[] dst, int from, int to, Random rng) {
        for (int i = from; i < to; i++) {
            switch (kind) {
                case NORMAL -> dst[i] = rng.nextGaussian() * scale;
                case UNIFORM -> dst[i] = (2 * rng.nextDouble() - 1) * scale;
                case CONSTANT -> dst[i] = scale;
                default -> throw new IllegalStateException(kind.name());
            }
        }
    }
}
