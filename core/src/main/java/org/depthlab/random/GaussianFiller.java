package org.depthlab.random;

/**
 * Exact N(0, 1) sampler for bulk fills: a 256-layer ziggurat (Marsaglia and Tsang, J. Stat.
 * Softw. 5(8), 2000) with independent bits for the layer, the sign and the uniform (Doornik,
 * "An improved ziggurat method to generate normal random samples", 2005), driven by an inlined
 * xoshiro256++ generator (Blackman and Vigna, ACM TOMS 47(4), 2021). Instances come from
 * {@link Streams#gaussians(long)}; the generator is seeded exactly as
 * {@link Streams#generator(long)} seeds its own, so both read the same 64-bit sequence.
 *
 * <p>Ziggurat. With f(x) = exp(-x^2/2) on x &gt;= 0, the region under f is cut into
 * {@link #LAYERS} pieces of equal area v: layer 0 is the strip [0, r] x [0, f(r)] plus the tail
 * {x &gt; r}, which together have area v = r f(r) + int_r^inf f; layer i &gt;= 1 is the rectangle
 * [0, x_i) x [f(x_i), f(x_{i+1})) with x_1 = r, x_i (f(x_{i+1}) - f(x_i)) = v and x_256 = 0.
 * Layer 0 is drawn as the pseudo-rectangle [0, x_0) x [0, f(r)) with x_0 = v / f(r). r is the
 * root, found by bisection in the static initializer, for which the 255 rectangles close
 * exactly at f(0) = 1 (r = 3.6541528853610...); the tail area uses the continued fraction of
 * Mills' ratio.
 *
 * <p>One variate. One 64-bit output b gives the sign (bit 0), the layer i (bits 1..8) and a
 * 53-bit uniform u (bits 11..63, disjoint from the others, so the layer and the value are not
 * correlated as in the original 32-bit scheme); x = x_i u 2^-53.
 * <ol>
 * <li>x &lt; x_{i+1}: the point lies under f whatever its height; return +-x (about 99% of
 * draws, one multiplication and one comparison; the comparison is done on u against a
 * precomputed integer threshold, rounded down so that it never accepts a point above f).
 * <li>i = 0, x &gt;= r: return +-(r + a) with a drawn from the tail by Marsaglia's method (Ann.
 * Math. Stat. 35, 1964): a = -ln(U1) / r, e = -ln(U2), U in (0, 1], accepted when
 * 2e &gt; a^2, which gives a the density proportional to exp(-(r + a)^2 / 2).
 * <li>i &gt;= 1, x &gt;= x_{i+1} (a wedge): draw y uniform in [f(x_i), f(x_{i+1})) from a second
 * output; return +-x if y &lt; f(x), otherwise reject and start again from a fresh output.
 * </ol>
 * Accepted points are uniform under f and the sign is an independent bit, so the result is
 * exactly N(0, 1) up to the 2^-53 resolution of the uniforms and the rounding of the tables.
 * On average 1.01 outputs are used per variate.
 *
 * <p>An instance is a generator: it holds the 256-bit xoshiro256++ state and is advanced by
 * every draw; it is not thread-safe. The tables are static, immutable and shared.
 */
public final class GaussianFiller {

    /** Number of ziggurat layers; a power of two, the layer index takes 8 bits. */
    public static final int LAYERS = 256;

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    /** Mask of the low 9 bits of an output: sign (bit 0) and layer (bits 1..8). */
    private static final int INDEX_MASK = 2 * LAYERS - 1;
    /** Terms of the continued fraction of Mills' ratio; converged to 1 ulp for x &gt;= 3. */
    private static final int MILLS_TERMS = 400;

    /** Start of the tail, x_1; the root r of the closure of the layers. */
    static final double R;
    /** Area of each layer under f(x) = exp(-x^2/2). */
    static final double V;
    /** x_0 = v / f(r), x_1 = r &gt; x_2 &gt; ... &gt; x_255 &gt; x_256 = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** f(x_i); F[0] = 0, the bottom of the base strip, and F[256] = 1. */
    private static final double[] F = new double[LAYERS + 1];
    /** Indexed by b &amp; 511: floor(2^53 x_{i+1} / x_i) for the layer i = (b &amp; 511) / 2. */
    private static final long[] THRESHOLD = new long[2 * LAYERS];
    /** Indexed by b &amp; 511: +-x_i 2^-53, the sign given by bit 0 (set: negative). */
    private static final double[] WIDTH = new double[2 * LAYERS];

    static {
        // r: the layers close at f(0) = 1 exactly; excess(r) decreases in r
        double lo = 3.0;
        double hi = 4.5;
        while (true) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) {
                break;
            }
            if (excess(mid) > 0.0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        R = hi;
        V = area(R);

        // the layer edges and heights
        X[0] = V / f(R);
        X[1] = R;
        F[0] = 0.0;
        F[1] = f(R);
        for (int i = 1; i < LAYERS - 1; i++) {
            X[i + 1] = Math.sqrt(-2.0 * Math.log(F[i] + V / X[i]));
            F[i + 1] = f(X[i + 1]);
        }
        X[LAYERS] = 0.0;
        F[LAYERS] = 1.0;

        // the fast-path tables, one entry per (layer, sign)
        for (int j = 0; j < 2 * LAYERS; j++) {
            int i = j >>> 1;
            THRESHOLD[j] = (long) Math.floor(X[i + 1] / X[i] * 0x1.0p53);
            WIDTH[j] = ((j & 1) == 0 ? X[i] : -X[i]) * TWO_POW_MINUS_53;
        }
    }

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    /** A generator in the xoshiro256++ state (s0, s1, s2, s3), not all zero. */
    GaussianFiller(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0L) {
            throw new IllegalArgumentException("xoshiro256++ state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /**
     * Fills {@code out[off .. off+len)} with i.i.d. N(0, sd^2) from the stream {@code key}: the
     * values {@code Streams.gaussians(key).fill(out, off, len, sd)} gives. Modifies {@code out}
     * only; allocates nothing that escapes.
     */
    public static void fill(long key, double[] out, int off, int len, double sd) {
        Streams.gaussians(key).fill(out, off, len, sd);
    }

    /**
     * Fills {@code out[off .. off+len)} with the next {@code len} i.i.d. N(0, sd^2) variates of
     * this stream, in order. Modifies {@code out} and advances this generator.
     *
     * @param sd standard deviation, finite and &gt;= 0
     * @throws IllegalArgumentException if the range does not lie in {@code out} or sd is not a
     *                                  finite nonnegative number
     */
    public void fill(double[] out, int off, int len, double sd) {
        if (out == null || off < 0 || len < 0 || (long) off + len > out.length) {
            throw new IllegalArgumentException("range [" + off + ", " + off + " + " + len
                    + ") must lie in an array of " + (out == null ? "null" : out.length
                    + " values") + "; expected 0 <= off, 0 <= len, off + len <= length");
        }
        if (!(sd >= 0.0 && sd < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("standard deviation must be finite and >= 0, got "
                    + sd);
        }
        long[] threshold = THRESHOLD;
        double[] width = WIDTH;
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        for (int k = off, end = off + len; k < end; k++) {
            // xoshiro256++ step
            long bits = Long.rotateLeft(a + d, 23) + a;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);

            // fast path: the point lies under f
            int j = (int) bits & INDEX_MASK;
            long u = bits >>> 11;
            double z;
            if (u < threshold[j]) {
                z = u * width[j];
            } else {
                s0 = a;
                s1 = b;
                s2 = c;
                s3 = d;
                z = edge(j, u);
                a = s0;
                b = s1;
                c = s2;
                d = s3;
            }
            out[k] = sd * z;
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /** The next N(0, 1) variate of this stream; advances this generator. */
    public double sample() {
        long bits = nextLong();
        int j = (int) bits & INDEX_MASK;
        long u = bits >>> 11;
        return u < THRESHOLD[j] ? u * WIDTH[j] : edge(j, u);
    }

    /** The next output of the xoshiro256++ generator, the one {@code Streams.generator} gives. */
    long nextLong() {
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        long bits = Long.rotateLeft(a + d, 23) + a;
        long t = b << 17;
        c ^= a;
        d ^= b;
        b ^= c;
        a ^= d;
        c ^= t;
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = Long.rotateLeft(d, 45);
        return bits;
    }

    /**
     * The slow path for an output that missed the fast path: tail or wedge of its layer, and
     * fresh outputs after a wedge rejection. {@code j} is the output's low 9 bits, {@code u} its
     * 53-bit uniform with u &gt;= THRESHOLD[j].
     */
    private double edge(int j, long u) {
        while (true) {
            int i = j >>> 1;
            double sign = (j & 1) == 0 ? 1.0 : -1.0;
            if (i == 0) {
                return sign * tail();
            }
            double x = u * (X[i] * TWO_POW_MINUS_53);
            double y = F[i] + uniform() * (F[i + 1] - F[i]);
            if (y < f(x)) {
                return sign * x;
            }

            // rejected: a fresh draw from the whole ziggurat
            long bits = nextLong();
            j = (int) bits & INDEX_MASK;
            u = bits >>> 11;
            if (u < THRESHOLD[j]) {
                return u * WIDTH[j];
            }
        }
    }

    /** r + a with a &gt; 0 of density proportional to exp(-(r + a)^2 / 2) (Marsaglia 1964). */
    private double tail() {
        while (true) {
            double a = -Math.log(positiveUniform()) / R;
            double e = -Math.log(positiveUniform());
            if (e + e > a * a) {
                return R + a;
            }
        }
    }

    /** U[0, 1) from the top 53 bits of one output. */
    private double uniform() {
        return (nextLong() >>> 11) * TWO_POW_MINUS_53;
    }

    /** U(0, 1] from the top 53 bits of one output: never 0, so its logarithm is finite. */
    private double positiveUniform() {
        return ((nextLong() >>> 11) + 1L) * TWO_POW_MINUS_53;
    }

    private static double f(double x) {
        return Math.exp(-0.5 * x * x);
    }

    /**
     * v(r) = r f(r) + int_r^inf f(t) dt = f(r) (r + m(r)), with m Mills' ratio evaluated by its
     * continued fraction m(x) = 1 / (x + 1 / (x + 2 / (x + 3 / (x + ...)))).
     */
    static double area(double r) {
        double g = r;
        for (int k = MILLS_TERMS; k >= 1; k--) {
            g = r + k / g;
        }
        return f(r) * (r + 1.0 / g);
    }

    /**
     * f(x_255) + v / x_255 - 1 for the layers built from r: positive when the layers are too
     * wide to fit 256 of them (r too small; then also whenever they reach f = 1 early),
     * negative when r is too large.
     */
    private static double excess(double r) {
        double v = area(r);
        double x = r;
        for (int i = 1; i < LAYERS - 1; i++) {
            double y = f(x) + v / x;
            if (y >= 1.0) {
                return LAYERS - i;
            }
            x = Math.sqrt(-2.0 * Math.log(y));
        }
        return f(x) + v / x - 1.0;
    }

    /** A copy of the layer edges x_0 .. x_256 (for tests). */
    static double[] edges() {
        return X.clone();
    }

    /** A copy of the layer heights f(x_0) .. f(x_256), F[0] = 0 (for tests). */
    static double[] heights() {
        return F.clone();
    }
}
