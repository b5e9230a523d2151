package org.guidancelab.engine.model.samediff;

/**
 * One BatchNorm layer's non-trainable state: running-stat placeholders fed from the model's state vector,
 * and the graph outputs holding this batch's mean and (biased) variance, read after a training forward pass to
 * update the running statistics. {@code stateOffset} is where its running mean starts in state(); the running
 * variance follows it.
 */
record BatchNormSite(String layerName, int channels, long valuesPerChannelPerExample, double momentum,
                     String runningMeanPlaceholder, String runningVarPlaceholder, String batchMeanOutput,
                     String batchVarOutput, long stateOffset) {
}
