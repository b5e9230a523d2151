package org.guidancelab.cli;

import java.util.List;
import picocli.CommandLine.ITypeConverter;

/** A word from a fixed list, matched ignoring case and returned as listed; subclasses give the list. */
abstract class Choice implements ITypeConverter<String> {
    private final List<String> allowed;

    Choice(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    @Override
    public String convert(String value) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        throw InvalidValue.mustBe(alternatives(), "'" + value + "'");
    }

    private String alternatives() {
        int last = allowed.size() - 1;
        return last == 0 ? allowed.get(0) : String.join(", ", allowed.subList(0, last)) + " or " + allowed.get(last);
    }
}
