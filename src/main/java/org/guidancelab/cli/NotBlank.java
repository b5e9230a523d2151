package org.guidancelab.cli;

import picocli.CommandLine.ITypeConverter;

/** Text that must say something (a program to run, a name). */
final class NotBlank implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value.isBlank()) {
            throw InvalidValue.predicate("must not be blank");
        }
        return value;
    }
}
