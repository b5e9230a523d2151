package org.guidancelab.sweep;

/** The kind of value a setting of an experiment takes, as written in JSON. */
public enum SettingType {
    /** A whole number: 3, 300. */
    INT("a whole number"),
    /** Any number: 0.001, 1e-3, 2. */
    NUMBER("a number"),
    BOOLEAN("true or false"),
    /** One of a fixed list of names ({@link Setting#choices()}). */
    CHOICE("one of"),
    /** Free text (a file path). */
    TEXT("a text in quotes"),
    /** The tap pairing: "rule", or {"mode": "manual", "pairs": [...]}. */
    PAIRING("\"rule\" or a pairing object {\"mode\": \"manual\", \"pairs\": [...]}");

    private final String words;

    SettingType(String words) {
        this.words = words;
    }

    /** How a value of this type is described in messages ("a whole number"). */
    public String words() {
        return words;
    }

    public boolean numeric() {
        return this == INT || this == NUMBER;
    }
}
