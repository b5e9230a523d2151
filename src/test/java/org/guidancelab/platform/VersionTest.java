package org.guidancelab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VersionTest {
    @Test
    void theBuildFiltersThePomVersionIntoTheResource() {
        assertFalse(Version.version().contains("${"), Version.version());
        assertTrue(Version.version().matches("\\d+\\.\\d+\\.\\d+.*"), Version.version());
        assertEquals("Guidance Lab " + Version.version(), Version.productName());
    }

    @Test
    void anUnfilteredOrMissingValueReadsAsDev() {
        assertEquals("dev", Version.parse("${project.version}"));
        assertEquals("dev", Version.parse(null));
        assertEquals("1.2.3", Version.parse(" 1.2.3 "));
    }

    @Test
    void theJavaLineNamesTheRuntime() {
        assertTrue(Version.javaLine().startsWith("Java " + System.getProperty("java.version")));
    }
}
