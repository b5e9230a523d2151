package org.guidancelab.arch;

/**
 * One layer's result in shape inference: its output ({@code null} when it cannot be inferred, so later layers
 * stay quiet instead of piling up follow-on errors), trainable parameters and forward FLOPs per example.
 */
record Step(Flow out, long params, long flops) {
    static Step unknown() {
        return new Step(null, 0, 0);
    }

    static Step unknown(long params) {
        return new Step(null, params, 0);
    }
}
