package org.guidancelab.engine.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import org.guidancelab.experiment.OptimizerKind;
import org.guidancelab.experiment.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class OptimizersTest {

    @Test
    void adamMatchesTheTextbookUpdateOverSeveralSteps() {
        float[] p = {1.0f, -2.0f, 0.5f};
        double[] ref = {1.0, -2.0, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        Adam adam = new Adam(3, 0.01, 0.0);
        float[][] grads = {{0.1f, -0.3f, 2f}, {0.2f, 0.1f, -1f}, {-0.4f, 0.05f, 0.5f}};
        for (int t = 1; t <= grads.length; t++) {
            adam.step(FloatBuffer.wrap(p), FloatBuffer.wrap(grads[t - 1]));
            for (int i = 0; i < 3; i++) {
                double g = grads[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                v[i] = 0.999 * v[i] + 0.001 * g * g;
                double mh = m[i] / (1 - Math.pow(0.9, t));
                double vh = v[i] / (1 - Math.pow(0.999, t));
                ref[i] -= 0.01 * mh / (Math.sqrt(vh) + 1e-8);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(ref[i], p[i], 1e-6);
        }
    }

    @Test
    void adamWDecaysParametersEvenWithZeroGradient() {
        float[] p = {2.0f, -4.0f};
        Optimizer opt = Optimizers.create(TrainingSpec.defaults().withOptimizer(OptimizerKind.ADAMW).withLearningRate(0.1), 2);
        opt.step(FloatBuffer.wrap(p), FloatBuffer.wrap(new float[2]));
        // weight decay 0.01 from the defaults: p *= 1 - 0.1 * 0.01; the adaptive step is 0 for a zero gradient.
        assertEquals(2.0 * 0.999, p[0], 1e-6);
        assertEquals(-4.0 * 0.999, p[1], 1e-6);
        float[] q = {2.0f};
        new Adam(1, 0.1, 0.0).step(FloatBuffer.wrap(q), FloatBuffer.wrap(new float[1]));
        assertEquals(2.0f, q[0]);
    }

    @Test
    void sgdWithMomentumAccumulatesVelocity() {
        float[] p = {1.0f};
        Sgd sgd = new Sgd(1, 0.1, 0.9);
        sgd.step(FloatBuffer.wrap(p), FloatBuffer.wrap(new float[] {1.0f}));
        assertEquals(0.9, p[0], 1e-6);
        sgd.step(FloatBuffer.wrap(p), FloatBuffer.wrap(new float[] {1.0f}));
        assertEquals(0.9 - 0.1 * 1.9, p[0], 1e-6);
    }

    @Test
    void clippingScalesToTheMaximumGlobalNormAndReportsTheNormBefore() {
        float[] g = {3f, 4f};
        assertEquals(5.0, GradientClipping.clip(FloatBuffer.wrap(g), 2, 1.0), 1e-6);
        assertEquals(1.0, Math.hypot(g[0], g[1]), 1e-5);
        assertEquals(0.6, g[0], 1e-5);
        float[] small = {0.3f, 0.4f};
        GradientClipping.clip(FloatBuffer.wrap(small), 2, 1.0);
        assertArrayEquals(new float[] {0.3f, 0.4f}, small);
        float[] off = {30f, 40f};
        GradientClipping.clip(FloatBuffer.wrap(off), 2, 0.0);
        assertArrayEquals(new float[] {30f, 40f}, off);
    }

    @Test
    void exportedStateResumesExactly() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            TrainingSpec spec = TrainingSpec.defaults().withOptimizer(kind).withLearningRate(0.05);
            float[] a = {1f, 2f, 3f};
            Optimizer first = Optimizers.create(spec, 3);
            first.step(FloatBuffer.wrap(a), FloatBuffer.wrap(new float[] {0.5f, -1f, 0.2f}));
            float[] b = a.clone();
            Optimizer restored = Optimizers.create(spec, 3);
            restored.importState(first.exportState());
            assertEquals(first.exportState(), restored.exportState());
            float[] g = {0.1f, 0.3f, -0.7f};
            first.step(FloatBuffer.wrap(a), FloatBuffer.wrap(g));
            restored.step(FloatBuffer.wrap(b), FloatBuffer.wrap(g));
            assertArrayEquals(a, b, kind.toString());
        }
    }

    @Test
    void stateOfAnotherKindIsRefusedWithAClearMessage() {
        Optimizer sgd = new Sgd(2, 0.1, 0.9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Adam(2, 0.1, 0).importState(sgd.exportState()));
        assertTrue(e.getMessage().contains("'sgd'"), e.getMessage());
    }

    @Test
    void stepsOnNd4jBuffersInPlace() {
        INDArray p = Nd4j.createFromArray(1f, 2f).reshape(1, 2);
        INDArray g = Nd4j.createFromArray(1f, -1f).reshape(1, 2);
        new Sgd(2, 0.5, 0).step(p, g);
        assertArrayEquals(new float[] {0.5f, 2.5f}, p.toFloatVector());
        assertThrows(IllegalArgumentException.class, () -> new Sgd(2, 0.5, 0).step(p.castTo(DataType.DOUBLE), g));
    }
}
