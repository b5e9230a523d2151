package org.guidancelab.figures;

import java.text.Normalizer;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * File names of exported figures: {@code RUN_FIGURE[_stepNNNNNN].EXT}, every part reduced to letters, digits, dot,
 * dash and underscore so a run called "deep FCN / ResNet (α=1)" still gives a portable name.
 */
public final class FigureFiles {
    static final int MAX_PART = 80;

    private FigureFiles() {
    }

    public static String name(String run, String figure, OptionalInt step, String extension) {
        StringBuilder sb = new StringBuilder(sanitise(run)).append('_').append(sanitise(figure));
        step.ifPresent(s -> sb.append("_step").append(String.format(Locale.ROOT, "%06d", s)));
        return sb.append('.').append(sanitise(extension)).toString();
    }

    /**
     * Accents dropped (é -> e), runs of anything else replaced by one dash, no leading or trailing dots or dashes (no
     * hidden files, no ".." tricks), at most {@value #MAX_PART} characters; "untitled" if nothing is left.
     */
    public static String sanitise(String part) {
        String ascii = Normalizer.normalize(part == null ? "" : part, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String cleaned = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("-{2,}", "-")
                .replaceAll("\\.{2,}", ".")
                .replaceAll("^[-.]+|[-.]+$", "");
        if (cleaned.length() > MAX_PART) {
            cleaned = cleaned.substring(0, MAX_PART).replaceAll("[-.]+$", "");
        }
        return cleaned.isEmpty() ? "untitled" : cleaned;
    }
}
