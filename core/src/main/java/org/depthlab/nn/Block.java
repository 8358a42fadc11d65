package org.depthlab.nn;

import java.util.Locale;

/**
 * The three residual branch forms of the paper; h_{k+1} = h_k + alpha f_{k+1}(h_k).
 */
public enum Block {
    /** f(h) = V sigma(h). */
    RES1("res1", false),
    /** f(h) = sigma(V h). */
    RES2("res2", false),
    /** f(h) = V sigma(W h + b), bias b optional and zero at initialization. */
    RES3("res3", true);

    /** The grammar, for error messages and {@code --help}. */
    public static final String GRAMMAR = "res1 | res2 | res3";

    private final String spec;
    private final boolean hasInnerWeights;

    Block(String spec, boolean hasInnerWeights) {
        this.spec = spec;
        this.hasInnerWeights = hasInnerWeights;
    }

    /** The name on the command line and in files. */
    public String spec() {
        return spec;
    }

    /** Whether the branch has a second weight matrix W (and optional bias b). */
    public boolean hasInnerWeights() {
        return hasInnerWeights;
    }

    /** Parses {@code res1}, {@code res-1}, {@code RES1}, ...; fails naming the value. */
    public static Block parse(String text) {
        if (text != null) {
            String s = text.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (Block b : values()) {
                if (b.spec.equals(s)) {
                    return b;
                }
            }
        }
        throw new IllegalArgumentException("unknown block '" + text + "'; expected " + GRAMMAR);
    }
}
