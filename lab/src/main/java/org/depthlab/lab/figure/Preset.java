package org.depthlab.lab.figure;

import java.util.Locale;

/** Scale of a figure's grid: {@code quick} (a minute or two on two cores) or the paper's. */
public enum Preset {
    QUICK, PAPER;

    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Preset parse(String text) {
        for (Preset p : values()) {
            if (p.spec().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + text + "'; expected quick | paper");
    }
}
