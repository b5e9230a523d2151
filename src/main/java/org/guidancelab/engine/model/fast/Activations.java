package org.guidancelab.engine.model.fast;

import org.guidancelab.arch.ActivationFn;
import org.guidancelab.engine.blas.Blas;
import org.guidancelab.engine.blas.SmallFloats;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise activations into preallocated buffers. Backward passes use the activation's output where it
 * suffices (ReLU: a Sign mask of the output then a multiply, cheaper than ND4J's ThresholdReluBp, see
 * docs/decisions/0002; tanh: 1 - a^2; sigmoid: a (1 - a)). GELU is exact, x Phi(x) (PyTorch's default and the
 * SameDiff reference's), computed in Java.
 * Small arrays (see {@link SmallFloats}) skip ND4J altogether: a tiny layer's activation is cheaper as a Java loop than
 * as an op, and tanh and the sigmoid ({@link FastTanh}) are cheaper in Java at every size. NaNs pass through both paths alike, so a diverging run is still caught.
 */
final class Activations {
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Activations() {
    }

    /** Whether the small-array Java path handles {@code fn} on arrays like {@code z}. */
    private static boolean inJava(ActivationFn fn, INDArray z, INDArray other) {
        if (fn != ActivationFn.RELU && fn != ActivationFn.TANH && fn != ActivationFn.SIGMOID) {
            return false;
        }
        return SmallFloats.fit(z, other);
    }

    /** a = f(z); z and a may not be the same array unless f is IDENTITY (then nothing is done). */
    static void forward(ActivationFn fn, INDArray z, INDArray a) {
        if (inJava(fn, z, a)) {
            float[] v = SmallFloats.read(z, 0);
            values(fn, v, (int) z.length());
            SmallFloats.write(v, a);
            return;
        }
        switch (fn) {
            case IDENTITY:
                if (a != z) {
                    Blas.copy(z, a);
                }
                break;
            case RELU:
                Nd4j.getExecutioner().exec(new RectifiedLinear(z, a, 0.0));
                break;
            case TANH:
                Nd4j.getExecutioner().exec(new Tanh(z, a));
                break;
            case SIGMOID:
                Nd4j.getExecutioner().exec(new Sigmoid(z, a));
                break;
            case GELU:
                geluForward(z, a);
                break;
            default:
                throw new IllegalArgumentException("unsupported activation " + fn);
        }
    }

    /** dZ = dA * f'(z), using a = f(z); {@code scratch} has the shape of a. dZ may be dA. */
    static void backward(ActivationFn fn, INDArray z, INDArray a, INDArray dA, INDArray dZ, INDArray scratch) {
        if (inJava(fn, a, dA) && SmallFloats.fit(a, dZ)) {
            float[] av = SmallFloats.read(a, 0);
            float[] g = SmallFloats.read(dA, 1);
            times(fn, av, g, (int) a.length());
            SmallFloats.write(g, dZ);
            return;
        }
        switch (fn) {
            case IDENTITY:
                if (dZ != dA) {
                    Blas.copy(dA, dZ);
                }
                break;
            case RELU:
                Nd4j.getExecutioner().exec(new Sign(a, scratch));
                Nd4j.exec(new MulOp(dA, scratch, dZ));
                break;
            case TANH:
                Nd4j.exec(new MulOp(a, a, scratch));
                scratch.rsubi(1.0);
                Nd4j.exec(new MulOp(dA, scratch, dZ));
                break;
            case SIGMOID:
                scratch.assign(a).rsubi(1.0).muli(a);
                Nd4j.exec(new MulOp(dA, scratch, dZ));
                break;
            case GELU:
                geluDerivative(z, scratch);
                Nd4j.exec(new MulOp(dA, scratch, dZ));
                break;
            default:
                throw new IllegalArgumentException("unsupported activation " + fn);
        }
    }

    // One loop per function, no switch inside: HotSpot vectorises these; a switch per element it does not.

    /** v = f(v) for the first n; a ReLU lets NaN through as ND4J's does. */
    private static void values(ActivationFn fn, float[] v, int n) {
        switch (fn) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    v[i] = Math.max(v[i], 0f);
                }
                break;
            case TANH:
                FastTanh.tanh(v, 0, n);
                break;
            default: // SIGMOID
                FastTanh.sigmoid(v, 0, n);
        }
    }

    /**
     * g *= f'(x) from the output a = f(x), for the first n. For ReLU the ND4J path's Sign mask of a, which is 1 where
     * a > 0 and 0 elsewhere because a ReLU's output is never negative.
     */
    private static void times(ActivationFn fn, float[] a, float[] g, int n) {
        switch (fn) {
            case RELU:
                for (int i = 0; i < n; i++) {
                    g[i] = reluMasked(a[i], g[i]);
                }
                break;
            case TANH:
                for (int i = 0; i < n; i++) {
                    g[i] *= 1f - a[i] * a[i];
                }
                break;
            default: // SIGMOID
                for (int i = 0; i < n; i++) {
                    g[i] *= a[i] * (1f - a[i]);
                }
        }
    }

    /**
     * g where a > 0, else 0, without a branch (a > 0 is a coin flip per value): a ReLU's output is +0 or positive (or
     * NaN, whose bits keep g), so its bits are 0 exactly when it is 0, and -bits >> 31 is the mask that keeps g.
     */
    static float reluMasked(float a, float g) {
        int keep = -Float.floatToRawIntBits(a) >> 31;
        return Float.intBitsToFloat(Float.floatToRawIntBits(g) & keep);
    }

    private static void geluForward(INDArray z, INDArray a) {
        double[] v = z.dup('c').data().asDouble();
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            v[i] = 0.5 * x * (1 + Erf.erf(x * INV_SQRT2));
        }
        a.assign(Nd4j.createFromArray(v).reshape(a.shape()).castTo(a.dataType()));
    }

    private static void geluDerivative(INDArray z, INDArray out) {
        double[] v = z.dup('c').data().asDouble();
        for (int i = 0; i < v.length; i++) {
            double x = v[i];
            // d/dx x Phi(x) = Phi(x) + x phi(x)
            v[i] = 0.5 * (1 + Erf.erf(x * INV_SQRT2)) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
        }
        out.assign(Nd4j.createFromArray(v).reshape(out.shape()).castTo(out.dataType()));
    }
}
