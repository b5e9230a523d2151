package org.guidancelab.ui.model;

import java.util.ArrayList;
import java.util.List;
import org.guidancelab.experiment.ExperimentSpec;
import org.guidancelab.experiment.Pairing;
import org.guidancelab.experiment.TapPair;

/**
 * Pair bookkeeping. Under the paper's rule pairs follow the taps by themselves; manual pairs name layers, so they
 * must follow renames and lose partners that stop being taps, or the experiment would point at nothing.
 */
public final class Pairs {
    private Pairs() {
    }

    /** Manual pairs whose guide and target layers both still exist as taps; rule pairings untouched. */
    public static ExperimentSpec prune(ExperimentSpec spec) {
        Pairing p = spec.pairing();
        if (p.mode() != Pairing.Mode.MANUAL) {
            return spec;
        }
        List<String> g = spec.guide().tapNames();
        List<String> t = spec.target().tapNames();
        List<TapPair> kept = new ArrayList<>();
        for (TapPair pair : p.pairs()) {
            if (g.contains(pair.guideTap()) && t.contains(pair.targetTap()) && !kept.contains(pair)) {
                kept.add(pair);
            }
        }
        return kept.equals(p.pairs()) ? spec : spec.withPairing(Pairing.manual(kept));
    }

    /** Manual pairs follow a layer renamed from {@code from} to {@code to} in {@code lane}. */
    public static ExperimentSpec rename(ExperimentSpec spec, Lane lane, String from, String to) {
        Pairing p = spec.pairing();
        if (p.mode() != Pairing.Mode.MANUAL || from.equals(to)) {
            return spec;
        }
        List<TapPair> out = new ArrayList<>();
        for (TapPair pair : p.pairs()) {
            if (lane == Lane.GUIDE && pair.guideTap().equals(from)) {
                out.add(new TapPair(to, pair.targetTap()));
            } else if (lane == Lane.TARGET && pair.targetTap().equals(from)) {
                out.add(new TapPair(pair.guideTap(), to));
            } else {
                out.add(pair);
            }
        }
        return spec.withPairing(Pairing.manual(out));
    }

    /** The pairs in force, made explicit: the starting point of any manual edit. */
    public static List<TapPair> current(ExperimentSpec spec) {
        return new ArrayList<>(spec.resolvedPairs());
    }
}
