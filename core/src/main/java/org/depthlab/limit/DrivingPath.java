package org.depthlab.limit;

import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.law.FractionalGaussianNoise;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;

/**
 * A d x d matrix-valued path X on [0, 1] sampled on the grid t_n = n / N, n = 0 .. N, stored as
 * its N increments dX_n = X(t_{n+1}) - X(t_n). It drives dH_t = dX_t sigma(H_t).
 *
 * <p>Layout: {@code increments[n*d*d + i*d + j] = dX_n[i, j]}, matrices out x in like the
 * network weights. Instances are immutable: the factories own their arrays and {@link #of}
 * copies.
 *
 * <ul>
 *   <li>{@link #brownian}: entries independent Brownian motions of variance t / d, the matrix
 *       Brownian motion of the neural-SDE limit;</li>
 *   <li>{@link #fractionalBrownian}: entries independent fractional Brownian motions of Hurst
 *       index H and variance t^2H / d.</li>
 * </ul>
 */
public final class DrivingPath {

    private final int width;
    private final int steps;
    private final double[] increments;

    private DrivingPath(int width, int steps, double[] increments) {
        this.width = width;
        this.steps = steps;
        this.increments = increments;
    }

    /**
     * A copy of given increments.
     *
     * @param width      d, at least 1
     * @param steps      N, at least 1
     * @param increments N*d*d values in the class layout; read only
     * @throws IllegalArgumentException on a bad size or a non-finite increment
     */
    public static DrivingPath of(int width, int steps, double[] increments) {
        checkShape(width, steps);
        long size = (long) steps * width * width;
        if (increments == null || increments.length != size) {
            throw new IllegalArgumentException("a path of " + steps + " steps of " + width + " x "
                    + width + " matrices needs " + size + " increments, got "
                    + (increments == null ? "null" : increments.length));
        }
        for (int i = 0; i < increments.length; i++) {
            if (!Double.isFinite(increments[i])) {
                throw new IllegalArgumentException("increment " + i + " is not finite: "
                        + increments[i]);
            }
        }
        return new DrivingPath(width, steps, increments.clone());
    }

    /**
     * A d x d matrix Brownian motion, entries of variance t / d: increments i.i.d.
     * N(0, 1 / (N d)) drawn in layout order from the single stream {@code key}.
     *
     * @throws IllegalArgumentException if width or steps is below 1 or N d^2 is too large
     */
    public static DrivingPath brownian(int width, int steps, long key) {
        checkShape(width, steps);
        double[] inc = new double[steps * width * width];
        UniformRandomProvider rng = Streams.generator(key);
        Draws.gaussian(rng, inc, 0, inc.length, Math.sqrt(1.0 / ((double) steps * width)));
        return new DrivingPath(width, steps, inc);
    }

    /**
     * A d x d matrix of independent fractional Brownian motions of index H = noise.hurst(),
     * entries of variance t^2H / d, on N = noise.length() steps: the increments of entry e are a
     * unit-variance fGn path times N^-H / sqrt(d) (exact by self-similarity). Entries 2p and 2p+1
     * are the two paths of one circulant-embedding FFT drawn from {@code Streams.child(key, p)},
     * the stream layout of {@link org.depthlab.law.FgnLaw}.
     *
     * @param noise a prepared fGn sampler (shared, thread-safe)
     * @throws IllegalArgumentException if width is below 1 or N d^2 is too large
     */
    public static DrivingPath fractionalBrownian(FractionalGaussianNoise noise, int width,
            long key) {
        int n = noise.length();
        checkShape(width, n);
        int size = width * width;
        double scale = Math.pow(n, -noise.hurst()) / Math.sqrt(width);
        double[] inc = new double[n * size];
        double[] workspace = new double[noise.workspaceLength()];
        double[] pair = new double[2 * n];

        // two entries per FFT, then scatter each path along the steps
        for (int e = 0; e < size; e += 2) {
            UniformRandomProvider rng = Streams.generator(Streams.child(key, e / 2));
            boolean two = e + 1 < size;
            if (two) {
                noise.samplePair(rng, pair, 0, pair, n, scale, workspace);
            } else {
                noise.sample(rng, pair, 0, scale, workspace);
            }
            for (int t = 0; t < n; t++) {
                inc[t * size + e] = pair[t];
                if (two) {
                    inc[t * size + e + 1] = pair[n + t];
                }
            }
        }
        return new DrivingPath(width, n, inc);
    }

    private static void checkShape(int width, int steps) {
        if (width < 1 || steps < 1) {
            throw new IllegalArgumentException("a driving path needs width >= 1 and steps >= 1,"
                    + " got width " + width + ", steps " + steps);
        }
        long size = (long) steps * width * width;
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("steps * width^2 = " + size + " increments exceed"
                    + " the largest Java array; reduce the reference depth or the width");
        }
    }

    /** d. */
    public int width() {
        return width;
    }

    /** N, the number of grid intervals. */
    public int steps() {
        return steps;
    }

    /**
     * out[off + i*d + j] = X(to / N)[i, j] - X(from / N)[i, j], the sum of the increments
     * from .. to-1 in increasing order. Modifies {@code out} only.
     *
     * @throws IllegalArgumentException unless 0 &lt;= from &lt;= to &lt;= N and out has room
     */
    public void increment(int from, int to, double[] out, int off) {
        if (from < 0 || from > to || to > steps) {
            throw new IllegalArgumentException("increment over [" + from + ", " + to
                    + "] outside the grid 0 .. " + steps);
        }
        int size = width * width;
        if (out == null || off < 0 || (long) off + size > out.length) {
            throw new IllegalArgumentException("out must hold " + size + " values from offset "
                    + off);
        }
        java.util.Arrays.fill(out, off, off + size, 0.0);
        for (int n = from; n < to; n++) {
            int o = n * size;
            for (int e = 0; e < size; e++) {
                out[off + e] += increments[o + e];
            }
        }
    }

    /** A copy of all increments, in the class layout. */
    public double[] increments() {
        return increments.clone();
    }

    /** The live increments, for the solvers of this package; never modified. */
    double[] raw() {
        return increments;
    }
}
