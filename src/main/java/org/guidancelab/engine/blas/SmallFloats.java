package org.guidancelab.engine.blas;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Elementwise work on small FLOAT arrays done in Java: each array is read into a per-thread Java array and written
 * back in one JNI copy. Below {@link #MAX} elements that beats an ND4J op, whose fixed cost (an op object, an op
 * context, shape buffers and JavaCPP pointers with deallocators, tens of microseconds) dwarfs the arithmetic of a
 * small layer, and it leaves no garbage behind. Callers check {@link #fit} and keep their ND4J op for the rest.
 */
public final class SmallFloats {
    /** Largest array handled here; beyond it ND4J's vectorised native loops win. */
    public static final int MAX = 1 << 15;

    private static final int SLOTS = 2;
    private static final ThreadLocal<float[][]> SCRATCH = ThreadLocal.withInitial(() -> new float[SLOTS][MAX]);

    private SmallFloats() {
    }

    /** Whether a and b are FLOAT, of one shape, dense in one element order, at most MAX long, in host memory. */
    public static boolean fit(INDArray a, INDArray b) {
        return Blas.isDirect() && a.dataType() == DataType.FLOAT && b.dataType() == DataType.FLOAT
                && a.length() <= MAX && Blas.contiguousAlike(a, b);
    }

    /** This thread's scratch array number {@code slot} (0 or 1), filled with x's values (the first x.length()). */
    public static float[] read(INDArray x, int slot) {
        float[] into = SCRATCH.get()[slot];
        DirectBlas.read(x, into, (int) x.length());
        return into;
    }

    /** Writes the first x.length() of {@code values} into x. */
    public static void write(float[] values, INDArray x) {
        DirectBlas.write(values, x, (int) x.length());
    }
}
