package org.guidancelab.cli;

import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * A bad value found by one of our converters. Converters do not know which option they serve, so the message is
 * completed with the option's name by {@link UsageErrorHandler}: "--threads must be at least 1, got 0".
 */
final class InvalidValue extends TypeConversionException {
    private final boolean namesItself;

    private InvalidValue(String message, boolean namesItself) {
        super(message);
        this.namesItself = namesItself;
    }

    /** A predicate that reads after the option's name: {@code mustBe("at least 1", 0)}. */
    static InvalidValue mustBe(String requirement, Object got) {
        return new InvalidValue("must be " + requirement + ", got " + got, false);
    }

    /** A predicate that reads after the option's name, as given ("must not be blank"). */
    static InvalidValue predicate(String text) {
        return new InvalidValue(text, false);
    }

    /** A complete statement naming the value ("no such file: x.csv"); an option's name goes before it with a colon. */
    static InvalidValue statement(String text) {
        return new InvalidValue(text, true);
    }

    /** The message with the name of the option (or, for a predicate, the positional parameter) that got the value. */
    String describe(ArgSpec arg) {
        String name = arg instanceof OptionSpec o ? o.longestName()
                : arg instanceof PositionalParamSpec p ? p.paramLabel() : null;
        if (name == null) {
            return getMessage();
        }
        if (namesItself) {
            return arg.isOption() ? name + ": " + getMessage() : getMessage();
        }
        return name + " " + getMessage();
    }
}
