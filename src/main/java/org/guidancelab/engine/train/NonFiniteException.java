package org.guidancelab.engine.train;

/** A loss term or the gradient became NaN or infinite: the arm stops, naming the step and the term. */
final class NonFiniteException extends RuntimeException {
    private final int step;

    NonFiniteException(Phase phase, int step, String term, double value) {
        super((phase == Phase.TASK ? "" : phase.jsonName() + " ") + "step " + step + ": " + term + " is " + value
                + " (training diverged; try a lower learning rate, gradient clipping or a smaller alpha)");
        this.step = step;
    }

    int step() {
        return step;
    }

    static void check(Phase phase, int step, String term, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteException(phase, step, term, value);
        }
    }
}
