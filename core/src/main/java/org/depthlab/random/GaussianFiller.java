package org.depthlab.random;

/**
 * Exact N(0, 1) sampler for bulk fills: a 1024-layer ziggurat (Marsaglia and Tsang, J. Stat.
 * Softw. 5(8), 2000) that takes the layer and the uniform from disjoint bits of one output
 * (Doornik, "An improved ziggurat method to generate normal random samples", 2005), driven by an
 * inlined xoshiro256++ generator (Blackman and Vigna, ACM TOMS 47(4), 2021). Instances come from
 * {@link Streams#gaussians(long)}; the generator is seeded exactly as
 * {@link Streams#generator(long)} seeds its own, so both read the same 64-bit sequence.
 *
 * <p>Ziggurat. With f(x) = exp(-x^2/2) on x &gt;= 0, the region under f is cut into N =
 * {@link #LAYERS} pieces of equal area v: layer 0 is the strip [0, r] x [0, f(r)] plus the tail
 * {x &gt; r}, together of area v = r f(r) + int_r^inf f; layer i = 1 .. N-1 is the rectangle
 * [0, x_i) x [f(x_i), f(x_{i+1})) with x_1 = r, x_i (f(x_{i+1}) - f(x_i)) = v and x_N = 0.
 * Layer 0 is drawn as the pseudo-rectangle [0, x_0) x [0, f(r)) with x_0 = v / f(r), its part
 * beyond r standing for the tail. r is the root, found by bisection in the static initializer,
 * for which the N - 1 rectangles close at f(0) = 1 (r = 4.0388498461...; the layer areas agree
 * to 4e-12 relative, the top layer's closure being limited by the resolution of r as a double);
 * the tail area uses the continued fraction of Mills' ratio.
 *
 * <p>One variate. One 64-bit output b gives the layer i = b mod 1024 (bits 0..9) and u = b &gt;&gt;
 * 10, its top 54 bits read as a signed integer in [-2^53, 2^53): a sign and a 53-bit magnitude,
 * on bits disjoint from the layer's (the 32-bit original drew both from overlapping bits, which
 * correlates them). x = u x_i 2^-53.
 * <ol>
 * <li>|x| &lt; x_{i+1}: the point lies under f whatever its height; return x. This is 99.7% of
 * outputs and costs one conversion, one multiplication and one comparison.
 * <li>u = -2^53, the one value without a positive twin: start again from a fresh output, so that
 * x is uniform on the symmetric lattice k x_i 2^-53, |k| &lt; 2^53.
 * <li>i = 0, |x| &gt;= r: return +-(r + a) with a drawn from the tail by Marsaglia's method (Ann.
 * Math. Stat. 35, 1964): a = -ln(U1) / r, e = -ln(U2), U in (0, 1], accepted when
 * 2e &gt; a^2, which gives a the density proportional to exp(-(r + a)^2 / 2).
 * <li>i &gt;= 1, |x| &gt;= x_{i+1} (a wedge): draw y uniform in [f(x_i), f(x_{i+1})) from a second
 * output; return x if y &lt; f(|x|), otherwise reject and start again from a fresh output.
 * </ol>
 * Accepted points are uniform under f and the sign is symmetric and independent of them, so the
 * result is exactly N(0, 1) up to the 2^-53 resolution of the uniforms and the rounding of the
 * tables. On average 1.003 outputs are used per variate.
 *
 * <p>An instance is a generator: it holds the 256-bit xoshiro256++ state and is advanced by
 * every draw; it is not thread-safe. The tables (24 KiB) are static, immutable and shared.
 */
public final class GaussianFiller {

    /**
     * Bits of an output that select the layer: 1024 layers send 0.3% of outputs to the slow path
     * (256 would send 1.5%, which costs about 1 ns per variate in wedge and tail work).
     */
    private static final int LAYER_BITS = 10;
    /** Number of ziggurat layers, N. */
    public static final int LAYERS = 1 << LAYER_BITS;

    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;
    private static final int LAYER_MASK = LAYERS - 1;
    /** An output shifted right (arithmetically) by this is the signed 54-bit uniform u. */
    private static final int UNIFORM_SHIFT = 10;
    /** Terms of the continued fraction of Mills' ratio; converged to rounding for x &gt;= 3. */
    private static final int MILLS_TERMS = 400;

    /** Start of the tail, x_1; the root r of the closure of the layers. */
    static final double R;
    /** Area of each layer under f(x) = exp(-x^2/2). */
    static final double V;
    /** x_0 = v / f(r), x_1 = r &gt; x_2 &gt; ... &gt; x_{N-1} &gt; x_N = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** f(x_i); F[0] = 0, the bottom of the base strip, and F[N] = 1. */
    private static final double[] F = new double[LAYERS + 1];
    /** x_i 2^-53: the width of layer i per unit of u. */
    private static final double[] WIDTH = new double[LAYERS];

    static {
        // r: the layers close at f(0) = 1 exactly; excess(r) decreases in r
        double lo = 3.0;
        double hi = 5.0;
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
        for (int i = 0; i < LAYERS; i++) {
            WIDTH[i] = X[i] * TWO_POW_MINUS_53;
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
        double[] width = WIDTH;
        double[] edge = X;
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        int k = off;
        int end = off + len;
        while (k < end) {
            // fast path until an output misses it; the slow path stays out of this loop, which
            // keeps the generator state in registers (about 10% faster)
            long bits = 0L;
            for (; k < end; k++) {
                // xoshiro256++ step
                bits = Long.rotateLeft(a + d, 23) + a;
                long t = b << 17;
                c ^= a;
                d ^= b;
                b ^= c;
                a ^= d;
                c ^= t;
                d = Long.rotateLeft(d, 45);

                // the point lies under f whatever its height
                int i = (int) bits & LAYER_MASK;
                double x = (bits >> UNIFORM_SHIFT) * width[i];
                if (Math.abs(x) < edge[i + 1]) {
                    out[k] = sd * x;
                } else {
                    break;
                }
            }

            // slow path for out[k]
            if (k < end) {
                s0 = a;
                s1 = b;
                s2 = c;
                s3 = d;
                out[k++] = sd * slow(bits);
                a = s0;
                b = s1;
                c = s2;
                d = s3;
            }
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }

    /** The next N(0, 1) variate of this stream; advances this generator. */
    public double sample() {
        long bits = nextLong();
        int i = (int) bits & LAYER_MASK;
        double x = (bits >> UNIFORM_SHIFT) * WIDTH[i];
        return Math.abs(x) < X[i + 1] ? x : slow(bits);
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
     * fresh outputs after a rejection.
     */
    private double slow(long bits) {
        while (true) {
            int i = (int) bits & LAYER_MASK;
            long u = bits >> UNIFORM_SHIFT;
            // the sign of u as the sign bit of a double
            long sign = u & Long.MIN_VALUE;
            long m = Math.abs(u);
            if (m < (1L << 53)) {
                double x = m * WIDTH[i];
                if (x < X[i + 1]) {
                    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) | sign);
                }
                if (i == 0) {
                    return Double.longBitsToDouble(Double.doubleToRawLongBits(tail()) | sign);
                }
                if (wedge(i, x)) {
                    return Double.longBitsToDouble(Double.doubleToRawLongBits(x) | sign);
                }
            }

            // rejected: a fresh draw from the whole ziggurat
            bits = nextLong();
        }
    }

    /**
     * Whether the point (x, y) lies under f, y uniform in [f(x_i), f(x_{i+1})) from one output:
     * the exact test for x in the wedge [x_{i+1}, x_i) of layer i &gt;= 1. Package-private for
     * tests.
     */
    boolean wedge(int i, double x) {
        double y = F[i] + uniform() * (F[i + 1] - F[i]);
        return y < f(x);
    }

    /**
     * r + a with a &gt; 0 of density proportional to exp(-(r + a)^2 / 2) (Marsaglia 1964): a
     * draw of |Z| given |Z| &gt; r. Package-private for tests.
     */
    double tail() {
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
     * v(r) = r f(r) + int_r^inf f(t) dt = f(r) (r + q(r)), with q Mills' ratio evaluated by its
     * continued fraction q(x) = 1 / (x + 1 / (x + 2 / (x + 3 / (x + ...)))), truncated after
     * {@link #MILLS_TERMS} terms.
     */
    static double area(double r) {
        double g = r;
        for (int k = MILLS_TERMS; k >= 1; k--) {
            g = r + k / g;
        }
        return f(r) * (r + 1.0 / g);
    }

    /**
     * f(x_{N-1}) + v / x_{N-1} - 1 for the layers built from r, the mismatch of the top layer:
     * positive when the layers are too wide to fit N of them (r too small; then also whenever
     * they reach f = 1 early), negative when r is too large.
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

    /** A copy of the layer edges x_0 .. x_N (for tests). */
    static double[] edges() {
        return X.clone();
    }

    /** A copy of the layer heights F[0] = 0, f(x_1) .. f(x_N) = 1 (for tests). */
    static double[] heights() {
        return F.clone();
    }
}
