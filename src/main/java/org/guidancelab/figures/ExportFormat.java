package org.guidancelab.figures;

import java.util.Locale;

/** Image formats of exported figures (each image is written with a CSV of its numbers beside it). */
public enum ExportFormat {
    PNG("png"),
    SVG("svg");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Parses "png" or "svg" (any case), naming the accepted values when the text is neither. */
    public static ExportFormat parse(String text) {
        for (ExportFormat f : values()) {
            if (f.extension.equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown figure format '" + text + "': expected png or svg");
    }

    @Override
    public String toString() {
        return extension.toLowerCase(Locale.ROOT);
    }
}
