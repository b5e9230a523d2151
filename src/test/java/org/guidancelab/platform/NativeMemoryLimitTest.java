package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NativeMemoryLimitTest {
    @Test
    void theLimitIsAQuarterOfRamButNeverBelowThreeGigabytes() {
        assertEquals(6L << 30, NativeMemoryLimit.defaultLimit(24L << 30));
        assertEquals(3L << 30, NativeMemoryLimit.defaultLimit(8L << 30));
        assertEquals(3L << 30, NativeMemoryLimit.defaultLimit(0));
    }

    @Test
    void aLimitTheUserSetIsKept() {
        String before = System.getProperty(NativeMemoryLimit.PROPERTY);
        try {
            System.setProperty(NativeMemoryLimit.PROPERTY, "123456789");
            NativeMemoryLimit.applyDefault();
            assertEquals("123456789", System.getProperty(NativeMemoryLimit.PROPERTY));
            System.clearProperty(NativeMemoryLimit.PROPERTY);
            NativeMemoryLimit.applyDefault();
            assertEquals(true, Long.parseLong(System.getProperty(NativeMemoryLimit.PROPERTY)) >= NativeMemoryLimit.FLOOR);
        } finally {
            if (before == null) {
                System.clearProperty(NativeMemoryLimit.PROPERTY);
            } else {
                System.setProperty(NativeMemoryLimit.PROPERTY, before);
            }
        }
    }

    @Test
    void theBoundInForceReadsTheSizesJavaCppAccepts() {
        assertEquals(3L << 30, NativeMemoryLimit.parseBytes("3g"));
        assertEquals(512L << 20, NativeMemoryLimit.parseBytes(" 512M "));
        assertEquals(1234L, NativeMemoryLimit.parseBytes("1234"));
        assertEquals(true, NativeMemoryLimit.inForce() >= NativeMemoryLimit.FLOOR, "prepare() set at least the floor");
    }
}
