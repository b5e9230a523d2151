package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ComputeThreadsTest {

    @Test
    void theCpuBuildSetsNd4jAndOpenBlasThreads() {
        try {
            ComputeThreads.set(1);
            assertEquals(1, Nd4j.getEnvironment().maxThreads());
            assertTrue(ComputeThreads.setBlasThreads(1), "the CPU build carries OpenBLAS, found by name");
        } finally {
            ComputeThreads.set(1);
        }
    }

    @Test
    void lessThanOneThreadIsRefusedWithTheOptionName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ComputeThreads.set(0));
        assertTrue(e.getMessage().contains("--threads"), e.getMessage());
    }
}
