package org.depthlab.lab;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and environment facts stamped on every output. */
public final class Provenance {

    private static final String VERSION = loadVersion();

    private Provenance() {
    }

    /** The depthlab version, from the build. */
    public static String version() {
        return VERSION;
    }

    private static String loadVersion() {
        try (InputStream in = Provenance.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The Java runtime that runs depthlab, e.g. "25.0.1 (Eclipse Adoptium)". */
    public static String runtime() {
        return System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
                + ")";
    }
}
