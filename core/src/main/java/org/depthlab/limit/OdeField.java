package org.depthlab.limit;

/** The right-hand side f of an ordinary differential equation dy/dt = f(t, y). */
@FunctionalInterface
public interface OdeField {

    /**
     * dydt = f(t, y). Reads {@code y}, overwrites {@code dydt} (same length, distinct arrays).
     * May keep scratch buffers, so one field serves one thread.
     */
    void evaluate(double t, double[] y, double[] dydt);
}
