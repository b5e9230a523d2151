package org.guidancelab.engine.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Logit knowledge distillation (Hinton et al. 2015): {@code T^2 * KL(softmax(teacher/T) || softmax(student/T))},
 * averaged over counted rows (rows whose label is -1 are masked, like the task loss, so padding is not distilled).
 * The T^2 factor keeps the gradient's scale independent of the temperature. Gradient on the student logits:
 * {@code T (p_student - p_teacher) / counted}.
 */
public final class Distillation {
    private Distillation() {
    }

    /**
     * @param mask labels of the rows (-1 = masked), or null to count every row
     */
    public static LossValue compute(INDArray student, INDArray teacher, double temperature, int[] mask, INDArray dStudent) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("distillation temperature must be positive, got " + temperature);
        }
        Rows s = Rows.of(student);
        Rows t = Rows.of(teacher);
        if (s.rows != t.rows || s.cols != t.cols) {
            throw new IllegalArgumentException("distillation: student logits " + s.rows + "x" + s.cols
                    + " but teacher logits " + t.rows + "x" + t.cols);
        }
        int counted = 0;
        for (int r = 0; r < s.rows; r++) {
            if (mask == null || mask[r] >= 0) {
                counted++;
            }
        }
        double[] ps = new double[s.cols];
        double[] pt = new double[s.cols];
        double total = 0;
        double[] grad = dStudent == null ? null : new double[s.rows * s.cols];
        for (int r = 0; r < s.rows; r++) {
            boolean on = mask == null || mask[r] >= 0;
            if (on) {
                double lseS = Softmax.row(s, r, temperature, ps);
                double lseT = Softmax.row(t, r, temperature, pt);
                double kl = 0;
                for (int c = 0; c < s.cols; c++) {
                    if (pt[c] > 0) {
                        double logPt = t.get(r, c) / temperature - lseT;
                        double logPs = s.get(r, c) / temperature - lseS;
                        kl += pt[c] * (logPt - logPs);
                    }
                }
                total += kl;
            }
            if (grad != null && on) {
                for (int c = 0; c < s.cols; c++) {
                    grad[r * s.cols + c] = temperature * (ps[c] - pt[c]) / counted;
                }
            }
        }
        if (grad != null) {
            GradientWriter.write(dStudent, grad);
        }
        double t2 = temperature * temperature;
        return new LossValue(counted == 0 ? 0.0 : t2 * total / counted, counted);
    }
}
