package org.guidancelab.sweep;

/**
 * Where a sweep stands: of its cells, how many finished (before or now), run, failed, stopped or wait; and the
 * estimated seconds left for the cells this invocation runs (NaN until something was measured).
 */
public record SweepCounts(int cells, int finished, int running, int failed, int stopped, int pending,
                          double etaSeconds) {
}
