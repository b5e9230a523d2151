package org.guidancelab.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChartWarmupTest {
    @Test
    void drawsAHeatmapABeforeAfterPairAndALiveChartEachRound() {
        assertEquals(3 * ChartWarmup.ROUNDS, ChartWarmup.warm());
    }
}
