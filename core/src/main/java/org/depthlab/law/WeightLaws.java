package org.depthlab.law;

import java.util.Locale;

/**
 * Parsing of weight-law specifications and shared argument checks.
 *
 * <p>Grammar: {@code gaussian | uniform | fgn:H | rbf:ell | matern:nu:ell}, with 0 &lt; H &lt; 1,
 * ell &gt; 0 and nu in {1/2, 3/2, 5/2} written {@code 0.5}, {@code 1.5} or {@code 2.5}.
 */
public final class WeightLaws {

    /** The grammar, for error messages and {@code --help}. */
    public static final String GRAMMAR = "gaussian | uniform | fgn:H (0<H<1) | rbf:ell (ell>0)"
            + " | matern:nu:ell (nu in 0.5, 1.5, 2.5; ell>0)";

    private WeightLaws() {
    }

    /**
     * Parses a specification.
     *
     * @throws IllegalArgumentException naming the specification and the rule it breaks
     */
    public static WeightLaw parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("weight law is empty; expected " + GRAMMAR);
        }
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
        switch (parts[0]) {
            case "gaussian":
                expectParts(spec, parts, 1);
                return IidLaw.gaussian();
            case "uniform":
                expectParts(spec, parts, 1);
                return IidLaw.uniform();
            case "fgn":
                expectParts(spec, parts, 2);
                return new FgnLaw(number(spec, parts[1], "H"));
            case "rbf":
                expectParts(spec, parts, 2);
                return new GaussianProcessLaw(Kernel.rbf(number(spec, parts[1], "ell")));
            case "matern":
                expectParts(spec, parts, 3);
                return new GaussianProcessLaw(Kernel.matern(number(spec, parts[1], "nu"),
                        number(spec, parts[2], "ell")));
            default:
                throw new IllegalArgumentException("unknown weight law '" + spec + "'; expected "
                        + GRAMMAR);
        }
    }

    private static void expectParts(String spec, String[] parts, int n) {
        if (parts.length != n) {
            throw new IllegalArgumentException("weight law '" + spec + "' has " + (parts.length - 1)
                    + " parameter(s), expected " + (n - 1) + "; grammar: " + GRAMMAR);
        }
    }

    private static double number(String spec, String text, String name) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("weight law '" + spec + "': " + name + " = '" + text
                    + "' is not a finite number");
        }
    }

    /** Checks the common arguments of {@link WeightLaw#sample}. */
    static void checkShape(int depth, int rows, int cols, double[] out) {
        if (depth < 1 || rows < 1 || cols < 1) {
            throw new IllegalArgumentException("depth, rows and cols must be >= 1, got depth="
                    + depth + ", rows=" + rows + ", cols=" + cols);
        }
        long needed = (long) depth * rows * cols;
        if (needed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("depth*rows*cols = " + needed
                    + " exceeds the largest Java array");
        }
        if (out == null || out.length < needed) {
            throw new IllegalArgumentException("output array holds "
                    + (out == null ? 0 : out.length) + " values, expected at least " + needed);
        }
    }
}
