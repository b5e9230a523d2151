package org.guidancelab.engine.model.fast;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.arch.ActivationFn;
import org.guidancelab.arch.LayerSpec;
import org.guidancelab.arch.Layers;
import org.guidancelab.arch.NetworkSpec;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Walks a spec, tracking the per-example shape, and either builds the fast layers or says why the spec does not fit
 * the fast path (the factory then uses SameDiff). A Dense layer fits only when its input is a vector: on [T, D] or
 * [C, H, W] it acts on the last axis, which the flat path does not model. Maps [C, H, W] stay flat in NCHW order.
 */
record FastNetworkPlan(List<FastLayer> layers, int inputWidth, String problem) {

    static FastNetworkPlan of(NetworkSpec spec, DataType dtype) {
        List<LayerSpec> specs = spec.layers();
        if (specs.isEmpty() || !(specs.get(0) instanceof Layers.Input input)) {
            return fail("the first layer must be an Input");
        }
        if (input.kind() != Layers.InputKind.REAL) {
            return fail("layer 0 '" + input.name() + "' takes tokens (the fast path handles real-valued inputs only)");
        }
        List<Integer> shape = input.shape();
        if (shape.isEmpty() || shape.stream().anyMatch(d -> d == null || d <= 0)) {
            return fail("layer 0 '" + input.name() + "' (shape): every size must be positive, got " + shape);
        }
        int inputWidth = product(shape);
        List<FastLayer> out = new ArrayList<>();
        for (int i = 1; i < specs.size(); i++) {
            LayerSpec l = specs.get(i);
            String where = "layer " + i + " '" + l.name() + "'";
            int width = product(shape);
            if (l instanceof Layers.Dense d) {
                if (shape.size() != 1) {
                    return fail(where + " is a Dense layer on a multi-axis shape " + shape);
                }
                if (d.units() <= 0) {
                    return fail(where + " (units): must be positive, got " + d.units());
                }
                out.add(new DenseLayer(d.name(), d.tap(), width, d.units(), d.activation(), d.bias(), reluFollows(specs, i), dtype));
                shape = List.of(d.units());
            } else if (l instanceof Layers.Output o) {
                if (o.perToken() || shape.size() != 1) {
                    return fail(where + " is a per-token Output or sits on a multi-axis shape " + shape);
                }
                if (o.classes() <= 0) {
                    return fail(where + " (classes): must be positive, got " + o.classes());
                }
                out.add(new DenseLayer(o.name(), false, width, o.classes(), ActivationFn.IDENTITY, true, false, dtype));
                shape = List.of(o.classes());
            } else if (l instanceof Layers.Flatten f) {
                out.add(new PassThroughLayer(f.name(), f.tap(), width));
                shape = List.of(width);
            } else if (l instanceof Layers.Reshape r) {
                if (r.shape().isEmpty() || product(r.shape()) != width) {
                    return fail(where + " (shape): " + r.shape() + " does not hold the " + width + " values of " + shape);
                }
                out.add(new PassThroughLayer(r.name(), r.tap(), width));
                shape = r.shape();
            } else if (l instanceof Layers.Activation a) {
                out.add(new ActivationLayer(a.name(), a.tap(), width, a.fn(), dtype));
            } else if (l instanceof Layers.Dropout d) {
                if (d.rate() < 0 || d.rate() >= 1) {
                    return fail(where + " (rate): dropout rate must be in [0, 1), got " + d.rate());
                }
                out.add(new DropoutLayer(d.name(), d.tap(), width, d.rate(), dtype));
            } else if (l instanceof Layers.Conv2D c) {
                String problem = convProblem(c, shape, dtype);
                if (problem != null) {
                    return fail(where + " " + problem);
                }
                Im2col geometry = new Im2col(shape.get(0), shape.get(1), shape.get(2), c.kernel(), c.stride(), c.padding());
                out.add(new ConvLayer(c.name(), c.tap(), geometry, c.filters(), c.activation(), reluFollows(specs, i)));
                shape = List.of(c.filters(), geometry.outH, geometry.outW);
            } else if (isMapLayer(l) && dtype != DataType.FLOAT) {
                return fail(where + " is a " + l.type() + " in " + dtype + " (the fast path's map layers compute in float)");
            } else if (l instanceof Layers.MaxPool2D || l instanceof Layers.AvgPool2D) {
                boolean max = l instanceof Layers.MaxPool2D;
                int size = max ? ((Layers.MaxPool2D) l).size() : ((Layers.AvgPool2D) l).size();
                int stride = max ? ((Layers.MaxPool2D) l).stride() : ((Layers.AvgPool2D) l).stride();
                if (shape.size() != 3 || size <= 0 || stride <= 0 || shape.get(1) < size || shape.get(2) < size) {
                    return fail(where + " is a pooling window " + size + "/" + stride + " that does not fit " + shape);
                }
                out.add(new PoolLayer(l.name(), l.tap(), shape.get(0), shape.get(1), shape.get(2), size, stride, max));
                shape = List.of(shape.get(0), (shape.get(1) - size) / stride + 1, (shape.get(2) - size) / stride + 1);
            } else if (l instanceof Layers.GlobalAvgPool g) {
                if (shape.size() != 3) {
                    return fail(where + " is a GlobalAvgPool on " + shape + " (needs [C, H, W])");
                }
                out.add(new GlobalAvgPoolLayer(g.name(), g.tap(), shape.get(0), shape.get(1) * shape.get(2)));
                shape = List.of(shape.get(0));
            } else {
                return fail(where + " is a " + l.type() + " layer (the fast path has Dense, Conv2D, MaxPool2D, AvgPool2D,"
                        + " GlobalAvgPool, Activation, Dropout, Flatten, Reshape, Output)");
            }
        }
        return new FastNetworkPlan(out, inputWidth, null);
    }

    private static boolean isMapLayer(LayerSpec l) {
        return l instanceof Layers.MaxPool2D || l instanceof Layers.AvgPool2D || l instanceof Layers.GlobalAvgPool;
    }

    /** Why a Conv2D cannot run on the fast path on input {@code shape}, or null when it can. */
    private static String convProblem(Layers.Conv2D c, List<Integer> shape, DataType dtype) {
        if (dtype != DataType.FLOAT) {
            return "is a Conv2D in " + dtype + " (the fast path's map layers compute in float)";
        }
        if (shape.size() != 3) {
            return "is a Conv2D on " + shape + " (needs [C, H, W])";
        }
        if (!ConvForward.supports(c.activation())) {
            return "has activation " + c.activation() + " (the Conv2D fast path has relu, tanh, sigmoid, identity)";
        }
        if (c.filters() <= 0 || c.kernel() <= 0 || c.stride() <= 0 || c.padding() < 0
                || shape.get(1) + 2 * c.padding() < c.kernel() || shape.get(2) + 2 * c.padding() < c.kernel()) {
            return "has filters/kernel/stride/padding that do not fit " + shape;
        }
        return null;
    }

    /** Whether an Activation(ReLU) follows layer {@code index}, looking through Dropout (as the SameDiff builder). */
    private static boolean reluFollows(List<LayerSpec> specs, int index) {
        for (int j = index + 1; j < specs.size(); j++) {
            LayerSpec next = specs.get(j);
            if (next instanceof Layers.Activation a) {
                return a.fn() == ActivationFn.RELU;
            }
            if (!(next instanceof Layers.Dropout || next instanceof Layers.BatchNorm || next instanceof Layers.LayerNorm)) {
                return false;
            }
        }
        return false;
    }

    private static FastNetworkPlan fail(String problem) {
        return new FastNetworkPlan(List.of(), 0, problem);
    }

    private static int product(List<Integer> shape) {
        int p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }
}
