package org.guidancelab.arch;

import java.util.Arrays;
import java.util.List;

/**
 * What flows between two layers during shape inference: the per-example shape, and whether the values are
 * token ids (of a vocabulary of {@code vocab}) rather than real numbers. Only an Embedding can read token ids.
 */
record Flow(int[] shape, boolean tokens, int vocab) {

    static Flow real(int... shape) {
        return new Flow(shape.clone(), false, 0);
    }

    int rank() {
        return shape.length;
    }

    int dim(int axis) {
        return shape[axis];
    }

    int last() {
        return shape[shape.length - 1];
    }

    long elements() {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    List<Integer> asList() {
        return Arrays.stream(shape).boxed().toList();
    }

    /** "[16, 28, 28]", as the student sees it in the builder. */
    String text() {
        return text(shape);
    }

    static String text(int[] shape) {
        return Arrays.toString(shape);
    }

    /** Words for the kind of value: "a vector [256]", "an image [3, 32, 32]", ... */
    String describe() {
        if (tokens) {
            return "token ids " + text();
        }
        return switch (rank()) {
            case 1 -> "a vector " + text();
            case 2 -> "a sequence " + text();
            case 3 -> "an image " + text();
            default -> text();
        };
    }

    boolean sameShape(Flow other) {
        return Arrays.equals(shape, other.shape);
    }
}
