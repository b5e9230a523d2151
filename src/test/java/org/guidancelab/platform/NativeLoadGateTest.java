package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gate that keeps ND4J's first native loading out of JavaFX's first frames. */
class NativeLoadGateTest {
    @AfterEach
    void leaveItOpen() {
        NativeLoadGate.open();
    }

    @Test
    void openUnlessTheAppClosedIt() {
        assertTrue(NativeLoadGate.isOpen());
        assertTrue(NativeLoadGate.await(), "an open gate lets a loader through at once");
    }

    @Test
    void aClosedGateHoldsLoadersUntilItOpens() throws Exception {
        NativeLoadGate.closeUntilOpened();
        assertFalse(NativeLoadGate.isOpen());
        CountDownLatch passed = new CountDownLatch(1);
        Thread loader = new Thread(() -> {
            if (NativeLoadGate.await()) {
                passed.countDown();
            }
        });
        loader.start();
        assertFalse(passed.await(300, TimeUnit.MILLISECONDS), "the loader waits while the gate is closed");
        NativeLoadGate.open();
        assertTrue(passed.await(5, TimeUnit.SECONDS), "opening the gate lets it through");
        loader.join();
    }
}
