package org.guidancelab.engine.model.fast;

import org.guidancelab.arch.ActivationFn;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
import org.nd4j.linalg.api.ops.impl.transforms.same.Sign;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Elementwise activations into preallocated buffers. Backward passes use the activation's output where it
 * suffices (ReLU: a Sign mask of the output then a multiply, 4x cheaper than ND4J's ThresholdReluBp; tanh: 1 - a^2;
 * sigmoid: a (1 - a)). GELU is exact, x Phi(x) (PyTorch's default and the SameDiff reference's), computed in Java.
 */
final class Activations {
    private static final double INV_SQRT2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private Activations() {
    }

    /** a = f(z); z and a may not be the same array unless f is IDENTITY (then nothing is done). */
    static void forward(ActivationFn fn, INDArray z, INDArray a) {
        switch (fn) {
            case IDENTITY:
                if (a != z) {
                    a.assign(z);
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
        switch (fn) {
            case IDENTITY:
                if (dZ != dA) {
                    dZ.assign(dA);
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
