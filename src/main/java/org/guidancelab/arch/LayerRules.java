package org.guidancelab.arch;

/**
 * Dispatches one layer to its shape rule, and holds the rules that need the dispatch themselves: the Input and
 * the Residual block (whose inner chain is inferred like a small network).
 */
final class LayerRules {
    private LayerRules() {
    }

    /** The input layer's own output; null (with errors) when its shape is unusable. */
    static Flow input(Layers.Input l, LayerCheck c) {
        int[] shape = new int[l.shape().size()];
        for (int i = 0; i < shape.length; i++) {
            Integer d = l.shape().get(i);
            shape[i] = d == null ? 0 : d;
        }
        for (int d : shape) {
            if (d <= 0) {
                c.error("shape", "needs positive sizes in its shape, got " + l.shape());
                return null;
            }
        }
        if (l.kind() == Layers.InputKind.TOKENS) {
            boolean ok = c.positive("vocabSize", l.vocabSize());
            if (shape.length != 1) {
                c.error("shape", "of kind tokens needs a shape [T] (the sequence length), got " + l.shape());
                return null;
            }
            return ok ? new Flow(shape, true, l.vocabSize()) : null;
        }
        if (shape.length < 1 || shape.length > 3) {
            c.error("shape", "needs a shape [D], [T,D] or [C,H,W], got " + l.shape());
            return null;
        }
        return Flow.real(shape);
    }

    /** The step of {@code layer} on {@code in} (never an Input: the network check reports misplaced inputs). */
    static Step apply(LayerSpec layer, Flow in, LayerCheck c) {
        if (in.tokens() && !(layer instanceof Layers.Embedding)) {
            c.error("", "gets token ids " + in.text() + ", which are labels, not numbers to compute with: "
                    + "start with an Embedding to turn tokens into vectors");
            return Step.unknown();
        }
        if (layer instanceof Layers.Dense l) {
            return VisionRules.dense(l, in, c);
        } else if (layer instanceof Layers.Conv2D l) {
            return VisionRules.conv2d(l, in, c);
        } else if (layer instanceof Layers.MaxPool2D l) {
            return VisionRules.pool("max pooling", l.size(), l.stride(), in, c);
        } else if (layer instanceof Layers.AvgPool2D l) {
            return VisionRules.pool("average pooling", l.size(), l.stride(), in, c);
        } else if (layer instanceof Layers.GlobalAvgPool) {
            return VisionRules.globalAvgPool(in, c);
        } else if (layer instanceof Layers.Flatten) {
            return VisionRules.flatten(in, c);
        } else if (layer instanceof Layers.Reshape l) {
            return VisionRules.reshape(l, in, c);
        } else if (layer instanceof Layers.BatchNorm l) {
            return VisionRules.batchNorm(l, in, c);
        } else if (layer instanceof Layers.LayerNorm l) {
            return VisionRules.layerNorm(l, in, c);
        } else if (layer instanceof Layers.Dropout l) {
            return VisionRules.dropout(l, in, c);
        } else if (layer instanceof Layers.Activation) {
            return VisionRules.activation(in);
        } else if (layer instanceof Layers.Residual l) {
            return residual(l, in, c);
        } else if (layer instanceof Layers.Embedding l) {
            return SequenceRules.embedding(l, in, c);
        } else if (layer instanceof Layers.PositionalEmbedding l) {
            return SequenceRules.positional(l, in, c);
        } else if (layer instanceof Layers.SimpleRNN l) {
            return SequenceRules.simpleRnn(l, in, c);
        } else if (layer instanceof Layers.LSTM l) {
            return SequenceRules.lstm(l, in, c);
        } else if (layer instanceof Layers.TransformerBlock l) {
            return SequenceRules.transformer(l, in, c);
        } else if (layer instanceof Layers.SequencePool) {
            return SequenceRules.sequencePool(in, c);
        } else if (layer instanceof Layers.Output l) {
            return SequenceRules.output(l, in, c);
        }
        // Input: misplaced, reported by the network check; it passes nothing new on.
        return Step.unknown();
    }

    /**
     * out = post(block(x) + skip(x)). The block is inferred layer by layer; the skip is the identity (shapes must
     * match) or a projection: a 1x1 Conv2D with the block's stride for images, a Dense for vectors/sequences.
     */
    static Step residual(Layers.Residual r, Flow in, LayerCheck c) {
        if (r.block().isEmpty()) {
            c.error("block", "has an empty block: drop layers into it, e.g. Conv2D, BatchNorm, Conv2D");
            return Step.unknown();
        }
        Flow x = in;
        long params = 0;
        long flops = 0;
        for (int i = 0; i < r.block().size(); i++) {
            LayerSpec inner = r.block().get(i);
            LayerCheck ic = c.inner(i, inner);
            if (inner instanceof Layers.Input || inner instanceof Layers.Output) {
                ic.error("", "cannot be inside a residual block: Input and Output belong at the ends of the network");
                x = null;
                continue;
            }
            if (x == null) {
                continue;
            }
            Step s = apply(inner, x, ic);
            params += s.params();
            flops += s.flops();
            x = s.out();
        }
        if (x == null) {
            return Step.unknown(params);
        }
        long join = 2 * x.elements();
        if (r.skip() == Layers.Skip.IDENTITY) {
            if (!x.sameShape(in)) {
                c.error("skip", "adds its input " + in.text() + " to its block's output " + x.text()
                        + ", which needs equal shapes: set skip to projection, or make the block keep the shape");
                return Step.unknown(params);
            }
            return new Step(x, params, flops + join);
        }
        return projection(in, x, params, flops + join, c);
    }

    private static Step projection(Flow in, Flow out, long params, long flops, LayerCheck c) {
        if (in.rank() == 3 && out.rank() == 3) {
            int stride = strideMapping(in.dim(1), out.dim(1));
            if (stride < 0 || strideMapping(in.dim(2), out.dim(2)) != stride) {
                c.error("skip", "cannot project its input " + in.text() + " onto its block's output " + out.text()
                        + " with a strided 1x1 Conv2D: pad the block's convolutions ('same' padding) so only strides shrink the image");
                return Step.unknown(params);
            }
            long p = (long) out.dim(0) * (in.dim(0) + 1);
            return new Step(out, params + p, flops + 2L * in.dim(0) * out.elements());
        }
        if (in.rank() == out.rank() && in.rank() <= 2 && (in.rank() == 1 || in.dim(0) == out.dim(0))) {
            long p = (long) out.last() * (in.last() + 1);
            long steps = in.rank() == 2 ? in.dim(0) : 1;
            return new Step(out, params + p, flops + steps * 2L * in.last() * out.last());
        }
        c.error("skip", "cannot project its input " + in.describe() + " onto its block's output " + out.describe()
                + ": a projection skip maps images to images or vectors to vectors");
        return Step.unknown(params);
    }

    /**
     * The stride s of the 1x1 projection with (in - 1) / s + 1 == out, or -1: the block's stride, read off the
     * shapes (the same rule the engine builds the projection with).
     */
    static int strideMapping(int in, int out) {
        if (out < 1 || out > in) {
            return -1;
        }
        // the smallest s with (in - 1) / s <= out - 1; no larger s can reach out if this one undershoots
        int s = (in - 1) / out + 1;
        return (in - 1) / s + 1 == out ? s : -1;
    }
}
