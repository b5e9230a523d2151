package org.guidancelab.engine.model;

/**
 * A model whose training forward passes draw random numbers (dropout masks) from a generator it owns. Exposing the
 * generator's position lets checkpoints restore it, so a resumed run draws the same masks as an uninterrupted one.
 */
public interface StochasticModel {
    long randomState();

    void setRandomState(long state);
}
