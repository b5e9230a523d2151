package org.guidancelab.engine.loss;

/**
 * A loss value and how many positions it averaged over (labels of -1 are not counted). {@code counted == 0} means no
 * position carried a label: the value is 0 and so is the gradient.
 */
public record LossValue(double value, int counted) {
}
