package org.guidancelab.cli;

import picocli.CommandLine.ITypeConverter;

/** A "key=value" pair with a non-empty key, kept as text: the consumer parses the value and names a bad one. */
final class KeyValue implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
        if (value.indexOf('=') <= 0) {
            throw InvalidValue.statement("'" + value + "' is not of the form key=value");
        }
        return value;
    }
}
