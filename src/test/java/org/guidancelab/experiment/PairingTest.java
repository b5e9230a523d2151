package org.guidancelab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The paper's layer mapping: guide tap i -> target tap min(round(i*(nT-1)/(nG-1)), nT-1). */
class PairingTest {
    private static List<String> targetsOf(int nG, int nT) {
        List<String> g = java.util.stream.IntStream.range(0, nG).mapToObj(i -> "g" + i).toList();
        List<String> t = java.util.stream.IntStream.range(0, nT).mapToObj(i -> "t" + i).toList();
        List<TapPair> pairs = Pairing.byRule(g, t);
        assertEquals(nG == 0 || nT == 0 ? 0 : nG, pairs.size(), "every guide tap gets a partner");
        for (int i = 0; i < pairs.size(); i++) {
            assertEquals("g" + i, pairs.get(i).guideTap());
        }
        return pairs.stream().map(TapPair::targetTap).toList();
    }

    @Test
    void equalCountsPairOneToOne() {
        assertEquals(List.of("t0", "t1", "t2", "t3"), targetsOf(4, 4));
    }

    @Test
    void fewerGuideTapsSpreadOverTheTarget() {
        assertEquals(List.of("t0", "t2", "t4"), targetsOf(3, 5));
        assertEquals(List.of("t0", "t4", "t7", "t11"), targetsOf(4, 12));
        assertEquals(List.of("t0"), targetsOf(1, 6));
    }

    @Test
    void moreGuideTapsKeepEveryPairSharingTargets() {
        // nG > nT: several guide taps share a target tap and all those pairs are kept (the paper's code kept the last)
        assertEquals(List.of("t0", "t0", "t1", "t1", "t1"), targetsOf(5, 2));
        assertEquals(List.of("t0", "t0", "t0"), targetsOf(3, 1));
    }

    @Test
    void noTapsNoPairs() {
        assertEquals(List.of(), targetsOf(0, 3));
        assertEquals(List.of(), targetsOf(3, 0));
    }

    @Test
    void manualPairsAreUsedAsGiven() {
        List<TapPair> manual = List.of(new TapPair("g1", "t0"));
        assertEquals(manual, Pairing.manual(manual).resolve(List.of("g0", "g1"), List.of("t0", "t1")));
    }
}
