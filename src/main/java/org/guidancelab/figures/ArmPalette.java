package org.guidancelab.figures;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Colours arms with the Okabe-Ito palette (distinguishable under the common colour-vision deficiencies). An arm keeps
 * its colour for the life of the palette, so every figure of a run drawn with one palette agrees; a palette built from
 * the experiment's arm list gives the same colours in every run of that experiment.
 */
public final class ArmPalette {
    /**
     * Okabe and Ito (2008), reordered for lines on white: the pale yellow is last because it is hard to see there.
     */
    static final List<Color> COLOURS = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000), // black
            new Color(0xF0E442)); // yellow

    private final Map<String, Color> assigned = new LinkedHashMap<>();

    public ArmPalette() {
    }

    /** A palette whose arms get colours in the given order (the experiment's arm order). */
    public static ArmPalette of(List<String> arms) {
        ArmPalette p = new ArmPalette();
        arms.forEach(p::colour);
        return p;
    }

    /** The arm's colour, assigning the next unused one the first time an arm is seen. */
    public synchronized Color colour(String arm) {
        return assigned.computeIfAbsent(arm, a -> COLOURS.get(assigned.size() % COLOURS.size()));
    }

    /** The arms seen so far, in the order they got their colours. */
    public synchronized List<String> arms() {
        return List.copyOf(assigned.keySet());
    }
}
