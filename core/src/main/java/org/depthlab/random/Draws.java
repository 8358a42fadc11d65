package org.depthlab.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Bulk fills of arrays with uniform and Gaussian variates; the hot path of weight drawing.
 *
 * <p>Uniforms use the top 53 bits of one 64-bit output each. Gaussians from a stream key use
 * {@link GaussianFiller} (exact 1024-layer ziggurat on an inlined xoshiro256++, about 2.4 ns
 * per variate); Gaussians from a {@link UniformRandomProvider} use the McFarland ziggurat of
 * commons-rng (exact, about one 64-bit output per variate, 4-6 ns per variate).
 */
public final class Draws {

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private Draws() {
    }

    /** Fills {@code out[off .. off+len)} with i.i.d. U[lo, hi). Modifies {@code out} only. */
    public static void uniform(UniformRandomProvider rng, double[] out, int off, int len,
            double lo, double hi) {
        double width = hi - lo;
        for (int i = off, end = off + len; i < end; i++) {
            out[i] = lo + width * ((rng.nextLong() >>> 11) * TWO_POW_MINUS_53);
        }
    }

    /**
     * Fills {@code out[off .. off+len)} with i.i.d. N(0, sd^2) drawn from the stream {@code key}
     * by {@link GaussianFiller}. Modifies {@code out} only.
     *
     * @throws IllegalArgumentException if the range does not lie in {@code out} or sd is not a
     *                                  finite nonnegative number
     */
    public static void gaussian(long key, double[] out, int off, int len, double sd) {
        GaussianFiller.fill(key, out, off, len, sd);
    }

    /**
     * Fills {@code out[off .. off+len)} with i.i.d. N(0, sd^2) drawn from {@code rng} by the
     * commons-rng ziggurat. Modifies {@code out} only; advances {@code rng}.
     */
    public static void gaussian(UniformRandomProvider rng, double[] out, int off, int len,
            double sd) {
        ZigguratSampler.NormalizedGaussian z = ZigguratSampler.NormalizedGaussian.of(rng);
        for (int i = off, end = off + len; i < end; i++) {
            out[i] = sd * z.sample();
        }
    }
}
