package org.depthlab.law;

import org.depthlab.random.Draws;
import org.depthlab.random.Streams;

/**
 * White noise along depth: every entry of every layer i.i.d., variance 1/cols.
 *
 * <p>{@code gaussian}: N(0, 1/cols), drawn by {@link org.depthlab.random.GaussianFiller}.
 * {@code uniform}: U[-sqrt(3/cols), sqrt(3/cols)], the
 * reference implementation's default (PyTorch-style fan-in initialization). Layer k is drawn
 * from the sub-stream {@code child(key, k)}, so one layer can be redrawn alone.
 */
public final class IidLaw implements WeightLaw {

    /** The shape of the i.i.d. entries. */
    public enum Shape { GAUSSIAN, UNIFORM }

    private final Shape shape;

    public IidLaw(Shape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("i.i.d. law shape must not be null");
        }
        this.shape = shape;
    }

    public static IidLaw gaussian() {
        return new IidLaw(Shape.GAUSSIAN);
    }

    public static IidLaw uniform() {
        return new IidLaw(Shape.UNIFORM);
    }

    public Shape shape() {
        return shape;
    }

    @Override
    public void sample(int depth, int rows, int cols, long key, double[] out) {
        WeightLaws.checkShape(depth, rows, cols, out);
        int size = rows * cols;
        for (int k = 0; k < depth; k++) {
            fillLayer(rows, cols, Streams.child(key, k), out, k * size);
        }
    }

    /**
     * Fills one layer's {@code rows*cols} entries at {@code out[off ..]} from stream
     * {@code key}.
     */
    public void fillLayer(int rows, int cols, long key, double[] out, int off) {
        int size = rows * cols;
        if (shape == Shape.GAUSSIAN) {
            Draws.gaussian(key, out, off, size, Math.sqrt(1.0 / cols));
        } else {
            double bound = Math.sqrt(3.0 / cols);
            Draws.uniform(Streams.generator(key), out, off, size, -bound, bound);
        }
    }

    @Override
    public String spec() {
        return shape == Shape.GAUSSIAN ? "gaussian" : "uniform";
    }

    @Override
    public double correlation(int lag, int depth) {
        return lag == 0 ? 1.0 : 0.0;
    }

    @Override
    public double regularity() {
        return 0.0;
    }

    @Override
    public boolean independentAcrossLayers() {
        return true;
    }

    @Override
    public String toString() {
        return spec();
    }
}
