package org.guidancelab.platform;

import java.lang.management.ManagementFactory;

/**
 * Bounds the process's native memory before ND4J loads. ND4J frees an array's native buffer only when the garbage
 * collector finds its Java object unreachable; a step that allocates (SameDiff layers, a guide trained through
 * SameDiff) makes native garbage far faster than the small Java heap fills, so without a bound the collector seldom
 * runs and the resident size climbs until JavaCPP's default limit, twice the maximum heap (half of RAM with the
 * default heap), enough to get other processes killed (docs/decisions/0017-bounded-native-memory.md).
 * With {@code org.bytedeco.javacpp.maxPhysicalBytes} set, JavaCPP triggers a collection whenever the resident size
 * passes it, which frees those buffers; the live set of our models is far below it.
 */
public final class NativeMemoryLimit {
    static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";
    static final long FLOOR = 3L << 30;

    private NativeMemoryLimit() {
    }

    /**
     * Sets the limit unless the user already did (-Dorg.bytedeco.javacpp.maxPhysicalBytes=...): the larger of 3 GB
     * and a quarter of the machine's RAM. Must run before the first ND4J or JavaCPP class loads.
     */
    public static void applyDefault() {
        if (System.getProperty(PROPERTY) == null && System.getProperty(PROPERTY.toLowerCase()) == null) {
            System.setProperty(PROPERTY, Long.toString(defaultLimit(totalRam())));
        }
    }

    static long defaultLimit(long totalRam) {
        return Math.max(FLOOR, totalRam / 4);
    }

    private static long totalRam() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** The bound in force, in bytes: the property (as JavaCPP reads it, with an optional k, m or g) or JavaCPP's default. */
    public static long inForce() {
        String set = System.getProperty(PROPERTY);
        try {
            return set == null ? Runtime.getRuntime().maxMemory() * 2 : parseBytes(set);
        } catch (NumberFormatException e) {
            return Runtime.getRuntime().maxMemory() * 2;
        }
    }

    static long parseBytes(String s) {
        String t = s.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        if (t.endsWith("g")) {
            unit = 1L << 30;
        } else if (t.endsWith("m")) {
            unit = 1L << 20;
        } else if (t.endsWith("k")) {
            unit = 1L << 10;
        }
        if (unit > 1) {
            t = t.substring(0, t.length() - 1);
        }
        return Long.parseLong(t) * unit;
    }
}
