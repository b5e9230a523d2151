package org.guidancelab.ui.sweep;

/** The paragraph beside a sweep's results: what the warmup sweep shows, and what to look for in any sweep. */
final class SweepTeaching {
    private SweepTeaching() {
    }

    static String paragraph() {
        return "What to look for. The warmup sweep disconnects the guide after a number of steps (0 is the network "
                + "alone, the last value is guidance all the way) and plots the final validation accuracy against that "
                + "number, the line the mean over seeds and the band one standard deviation either side. If the curve "
                + "rises steeply over the first few dozen steps and then flattens, guidance mostly acts early: it moves "
                + "the untrainable network into a region where it can learn on its own, and the rest of the run keeps "
                + "the benefit without the guide. A curve that keeps rising to the end means the network still leans "
                + "on the guide. Read differences against the bands: two warmups whose bands overlap are not told apart "
                + "by this many seeds. Each tile is a cell of the grid (darker is lower); click one to open its run.";
    }
}
