package org.guidancelab.arch;

/**
 * Shape rules of the layers that work on vectors and images: Dense, Conv2D, the poolings, Flatten, Reshape,
 * the normalisations, Dropout and Activation. FLOPs count a multiply-add as 2.
 */
final class VisionRules {
    private VisionRules() {
    }

    static Step dense(Layers.Dense l, Flow in, LayerCheck c) {
        boolean ok = c.positive("units", l.units());
        if (in.rank() != 1 && in.rank() != 2) {
            c.error("", "needs a vector [D] or a sequence [T,D] but gets " + in.describe()
                    + ": add a Flatten or GlobalAvgPool before it");
            return Step.unknown();
        }
        if (!ok) {
            return Step.unknown();
        }
        long d = in.last();
        long steps = in.rank() == 2 ? in.dim(0) : 1;
        long params = l.units() * (d + (l.bias() ? 1 : 0));
        Flow out = in.rank() == 2 ? Flow.real(in.dim(0), l.units()) : Flow.real(l.units());
        return new Step(out, params, steps * 2 * d * l.units());
    }

    static Step conv2d(Layers.Conv2D l, Flow in, LayerCheck c) {
        boolean ok = c.positive("filters", l.filters()) & c.positive("kernel", l.kernel())
                & c.positive("stride", l.stride());
        if (l.padding() < 0) {
            c.error("padding", "needs a padding of 0 or more, got " + l.padding());
            ok = false;
        }
        if (in.rank() != 3) {
            c.error("", "needs a [C,H,W] input but gets " + in.describe()
                    + ": add a Reshape or start with Conv layers");
            return Step.unknown();
        }
        if (!ok) {
            return Step.unknown();
        }
        int ch = in.dim(0);
        int h = window(c, "kernel", l.kernel(), l.stride(), l.padding(), in.dim(1), in.dim(2));
        int w = h < 0 ? -1 : (in.dim(2) + 2 * l.padding() - l.kernel()) / l.stride() + 1;
        long params = (long) l.filters() * ((long) ch * l.kernel() * l.kernel() + 1);
        if (h < 0) {
            return Step.unknown(params);
        }
        long flops = 2L * ch * l.kernel() * l.kernel() * l.filters() * h * w;
        return new Step(Flow.real(l.filters(), h, w), params, flops);
    }

    static Step pool(String kind, int size, int stride, Flow in, LayerCheck c) {
        boolean ok = c.positive("size", size) & c.positive("stride", stride);
        if (in.rank() != 3) {
            c.error("", "needs a [C,H,W] input but gets " + in.describe() + ": " + kind
                    + " only works on images, after Conv layers");
            return Step.unknown();
        }
        if (!ok) {
            return Step.unknown();
        }
        int h = window(c, "size", size, stride, 0, in.dim(1), in.dim(2));
        if (h < 0) {
            return Step.unknown();
        }
        int w = (in.dim(2) - size) / stride + 1;
        return new Step(Flow.real(in.dim(0), h, w), 0, (long) in.dim(0) * h * w * size * size);
    }

    /**
     * The output height of a window of {@code size} sliding over a padded HxW map, or -1 (with an error) when
     * the window does not fit or the output would be empty.
     */
    private static int window(LayerCheck c, String field, int size, int stride, int padding, int h, int w) {
        int ph = h + 2 * padding;
        int pw = w + 2 * padding;
        if (size > ph || size > pw) {
            String padded = padding > 0 ? " padded" : "";
            c.error(field, "has a " + field + " of " + size + ", larger than its" + padded + " input " + ph + "x" + pw
                    + ": use a smaller " + field + (padding > 0 ? "" : ", add padding") + " or remove a pooling layer before it");
            return -1;
        }
        return (ph - size) / stride + 1;
    }

    static Step globalAvgPool(Flow in, LayerCheck c) {
        if (in.rank() != 3) {
            c.error("", "needs a [C,H,W] input but gets " + in.describe()
                    + ": it averages each channel of an image (use SequencePool for sequences)");
            return Step.unknown();
        }
        return new Step(Flow.real(in.dim(0)), 0, in.elements());
    }

    static Step flatten(Flow in, LayerCheck c) {
        if (in.elements() > Integer.MAX_VALUE) {
            c.error("", "would make a vector of " + in.elements() + " values, too large to build: shrink the layers before it");
            return Step.unknown();
        }
        return new Step(Flow.real((int) in.elements()), 0, 0);
    }

    static Step reshape(Layers.Reshape l, Flow in, LayerCheck c) {
        if (l.shape().isEmpty()) {
            c.error("shape", "needs a target shape such as [1, 28, 28]");
            return Step.unknown();
        }
        int[] shape = new int[l.shape().size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            Integer d = l.shape().get(i);
            shape[i] = d == null ? 0 : d;
            if (shape[i] <= 0) {
                c.error("shape", "needs positive sizes in its shape, got " + l.shape());
                return Step.unknown();
            }
            count *= shape[i];
        }
        if (count != in.elements()) {
            c.error("shape", "cannot turn " + in.text() + " (" + in.elements() + " values) into " + Flow.text(shape)
                    + " (" + count + " values): the number of values must stay the same");
            return Step.unknown();
        }
        return new Step(Flow.real(shape), 0, 0);
    }

    static Step batchNorm(Layers.BatchNorm l, Flow in, LayerCheck c) {
        boolean ok = true;
        if (!(l.momentum() >= 0 && l.momentum() <= 1)) {
            c.error("momentum", "needs a momentum from 0 to 1, got " + l.momentum());
            ok = false;
        }
        if (!(l.epsilon() > 0)) {
            c.error("epsilon", "needs a positive epsilon, got " + l.epsilon());
            ok = false;
        }
        if (in.rank() != 1 && in.rank() != 3) {
            c.error("", "needs a vector [D] or an image [C,H,W] but gets " + in.describe()
                    + ": use LayerNorm for sequences");
            return Step.unknown();
        }
        // gamma and beta per channel; the running mean and variance are state, not trainable parameters.
        long params = 2L * in.dim(0);
        return new Step(ok ? in : null, params, 2 * in.elements());
    }

    static Step layerNorm(Layers.LayerNorm l, Flow in, LayerCheck c) {
        boolean ok = true;
        if (!(l.epsilon() > 0)) {
            c.error("epsilon", "needs a positive epsilon, got " + l.epsilon());
            ok = false;
        }
        return new Step(ok ? in : null, 2L * in.last(), 5 * in.elements());
    }

    static Step dropout(Layers.Dropout l, Flow in, LayerCheck c) {
        return new Step(c.rate("rate", l.rate()) ? in : null, 0, in.elements());
    }

    static Step activation(Flow in) {
        return new Step(in, 0, in.elements());
    }
}
