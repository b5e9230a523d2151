package org.guidancelab.cli;

import picocli.CommandLine.ITypeConverter;

/** An int option with a lower bound; the nested classes are the bounds the commands use. */
abstract class MinInt implements ITypeConverter<Integer> {
    private final int min;

    MinInt(int min) {
        this.min = min;
    }

    @Override
    public Integer convert(String value) {
        int v;
        try {
            v = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidValue.mustBe("a whole number", "'" + value + "'");
        }
        if (v < min) {
            throw InvalidValue.mustBe("at least " + min, v);
        }
        return v;
    }

    /** Counts where 0 means "none" or "off". */
    static final class Zero extends MinInt {
        Zero() {
            super(0);
        }
    }

    /** Counts of threads, jobs, seeds, steps. */
    static final class One extends MinInt {
        One() {
            super(1);
        }
    }

    /** The bench's timed steps: a rate needs at least two. */
    static final class Two extends MinInt {
        Two() {
            super(2);
        }
    }
}
