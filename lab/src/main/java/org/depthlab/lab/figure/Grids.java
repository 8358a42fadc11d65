package org.depthlab.lab.figure;

/** Grids as NumPy builds them, so that depthlab's presets match the paper's. */
public final class Grids {

    private Grids() {
    }

    /** {@code numpy.linspace(start, stop, num)}: num evenly spaced values, both ends included. */
    public static double[] linspace(double start, double stop, int num) {
        if (num < 1) {
            throw new IllegalArgumentException("linspace needs num >= 1, got " + num);
        }
        double[] v = new double[num];
        if (num == 1) {
            v[0] = start;
            return v;
        }
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            v[i] = start + i * step;
        }
        v[num - 1] = stop;
        return v;
    }

    /** {@code numpy.linspace(start, stop, num, dtype=int)}: truncated towards zero. */
    public static int[] linspaceInt(double start, double stop, int num) {
        double[] d = linspace(start, stop, num);
        int[] v = new int[num];
        for (int i = 0; i < num; i++) {
            v[i] = (int) d[i];
        }
        return v;
    }
}
