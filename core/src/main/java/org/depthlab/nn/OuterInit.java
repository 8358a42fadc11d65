package org.depthlab.nn;

import java.util.Locale;

/** Law of the entries of the input layer A and the output layer B, variance 1/fan_in. */
public enum OuterInit {
    /** U[-sqrt(3/fan_in), sqrt(3/fan_in)], the reference implementation's choice. */
    UNIFORM,
    /** N(0, 1/fan_in). */
    GAUSSIAN;

    public String spec() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OuterInit parse(String text) {
        if (text != null) {
            for (OuterInit o : values()) {
                if (o.spec().equalsIgnoreCase(text.trim())) {
                    return o;
                }
            }
        }
        throw new IllegalArgumentException("unknown outer-layer init '" + text
                + "'; expected uniform | gaussian");
    }
}
