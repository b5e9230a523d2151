package org.guidancelab.platform;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The product version, from {@code version.properties} beside this class (filtered from the pom's version by the
 * build). "dev" when the resource is missing or unfiltered (classes compiled by an IDE without Maven).
 */
public final class Version {
    static final String RESOURCE = "version.properties";
    static final String UNKNOWN = "dev";
    private static final String VERSION = load();

    private Version() {
    }

    /** E.g. "0.1.0-SNAPSHOT". */
    public static String version() {
        return VERSION;
    }

    /** "Guidance Lab 0.1.0-SNAPSHOT". */
    public static String productName() {
        return "Guidance Lab " + VERSION;
    }

    /** "Java 17.0.15 (Debian, OpenJDK 64-Bit Server VM)": the runtime the app runs on. */
    public static String javaLine() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties p = new Properties();
            p.load(in);
            return parse(p.getProperty("version"));
        } catch (IOException e) {
            return UNKNOWN;
        }
    }

    /** The version text, or "dev" when it is missing or still the unfiltered Maven placeholder. */
    static String parse(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return UNKNOWN;
        }
        return value.strip();
    }
}
