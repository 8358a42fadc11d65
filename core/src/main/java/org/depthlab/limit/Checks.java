package org.depthlab.limit;

/** Argument checks shared by the solvers of this package. */
final class Checks {

    private Checks() {
    }

    /** A state of {@code width} finite values. */
    static void state(double[] h, int width, String name) {
        if (h == null || h.length != width) {
            throw new IllegalArgumentException(name + " must hold " + width + " values (the"
                    + " width), got " + (h == null ? "null" : h.length));
        }
        for (int i = 0; i < width; i++) {
            if (!Double.isFinite(h[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + h[i]);
            }
        }
    }

    /** Room for the states h_0 .. h_steps of {@code width} values each. */
    static void trajectory(double[] trajectory, int steps, int width) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        long needed = (long) (steps + 1) * width;
        if (trajectory == null || trajectory.length < needed) {
            throw new IllegalArgumentException("trajectory must hold (steps + 1) * width = "
                    + needed + " values, got " + (trajectory == null ? "null"
                    : trajectory.length));
        }
    }
}
