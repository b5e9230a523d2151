package org.guidancelab.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How guide taps are paired with target taps: the paper's rule, or a manual list.
 *
 * <p>The paper's rule: with nG guide taps and nT target taps, guide tap i maps to target tap
 * {@code min(round(i * (nT-1)/(nG-1)), nT-1)}. Every guide tap gets a partner; when nG > nT several guide taps
 * share a target tap and <b>all</b> those pairs are kept (the paper's code silently kept only the last one).
 */
public record Pairing(Mode mode, List<TapPair> pairs) {
    public enum Mode { RULE, MANUAL }

    public Pairing {
        Objects.requireNonNull(mode, "mode");
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    public static Pairing rule() {
        return new Pairing(Mode.RULE, List.of());
    }

    public static Pairing manual(List<TapPair> pairs) {
        return new Pairing(Mode.MANUAL, pairs);
    }

    /** The pairs in force for these tap lists: the manual list, or the rule applied to them. */
    public List<TapPair> resolve(List<String> guideTaps, List<String> targetTaps) {
        return mode == Mode.MANUAL ? pairs : byRule(guideTaps, targetTaps);
    }

    /** The paper's rule, every guide tap paired (empty if either side has no taps). */
    public static List<TapPair> byRule(List<String> guideTaps, List<String> targetTaps) {
        int nG = guideTaps.size();
        int nT = targetTaps.size();
        List<TapPair> out = new ArrayList<>();
        if (nG == 0 || nT == 0) {
            return out;
        }
        for (int i = 0; i < nG; i++) {
            int t = nG == 1 ? 0 : (int) Math.min(Math.round(i * (nT - 1) / (double) (nG - 1)), nT - 1);
            out.add(new TapPair(guideTaps.get(i), targetTaps.get(t)));
        }
        return out;
    }
}
