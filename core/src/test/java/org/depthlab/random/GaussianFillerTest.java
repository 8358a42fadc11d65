package org.depthlab.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.law.FractionalGaussianNoise;
import org.junit.jupiter.api.Test;

/**
 * {@link GaussianFiller}: its tables, its law (moments, distribution function, tails,
 * independence of consecutive draws) and its contract (a pure function of the stream key, bulk
 * fills equal single draws, invalid ranges rejected).
 *
 * <p>Statistical checks compare an estimate with its exact value within
 * {@link #K_STANDARD_ERRORS} exact standard errors, or a goodness-of-fit p-value with
 * {@link #MIN_P_VALUE}; seeds are fixed, so every check is deterministic.
 */
class GaussianFillerTest {

    private static final long SEED = 20_240_611L;
    /** Draws of the moment, chi-square and tail checks. */
    private static final int N = 10_000_000;
    /** Draws of the Kolmogorov-Smirnov check (sorted, so kept smaller). */
    private static final int N_KS = 1_000_000;
    /** Chunk in which the large samples are drawn and consumed (keeps memory small). */
    private static final int CHUNK = 1 << 16;
    /**
     * Allowed distance of an estimate from its exact value, in exact standard errors: the
     * estimates are means of 10^5 to 10^7 i.i.d. terms, normal to high accuracy, and |Z| &gt; 5
     * has probability 6e-7; a wrong layer, wedge or tail shifts them by many standard errors.
     */
    private static final double K_STANDARD_ERRORS = 5.0;
    /**
     * Smallest accepted goodness-of-fit p-value. A correct sampler falls below it with
     * probability 1e-4 per seed; the tests' seeds are fixed, so a pass is reproducible, and a
     * wrong layer area or tail shows as p-values far below 1e-10 with these sample sizes.
     */
    private static final double MIN_P_VALUE = 1e-4;
    /** Equiprobable bins of the chi-square check: about 9800 draws per bin. */
    private static final int BINS = 1024;
    /**
     * Relative agreement of the layer areas with v and of v with its closed form. r is a double,
     * and one ulp of r moves the closure of the top layer by about 4e-12 relative; the other
     * layers and v agree to about 1e-15. A layer probability off by 1e-11 relative would take
     * some 10^25 draws to detect.
     */
    private static final double TABLE_TOLERANCE = 1e-11;
    /**
     * Largest acceptable standard error of an fGn lag average: each path's average of
     * X_t X_{t+l} has variance at most E X^4 = 3, so over 2000 units it is at most 0.039.
     */
    private static final double MAX_FGN_STANDARD_ERROR = 0.04;

    /** Calls {@code sink} on consecutive chunks of the first {@code n} draws of {@code key}. */
    private interface ChunkSink {
        void accept(double[] z, int len);
    }

    private static void draw(long key, int n, ChunkSink sink) {
        GaussianFiller g = Streams.gaussians(key);
        double[] z = new double[CHUNK];
        for (int done = 0; done < n; done += CHUNK) {
            int len = Math.min(CHUNK, n - done);
            g.fill(z, 0, len, 1.0);
            sink.accept(z, len);
        }
    }

    private static void assertWithin(String what, double estimate, double exact, double se) {
        assertTrue(Math.abs(estimate - exact) <= K_STANDARD_ERRORS * se, what + ": expected "
                + exact + " but estimated " + estimate + " (standard error " + se + ", "
                + Math.abs(estimate - exact) / se + " standard errors away)");
    }

    /** P(|Z| &gt; t) for Z ~ N(0, 1). */
    private static double twoSidedTail(double t) {
        return Erf.erfc(t / Math.sqrt(2.0));
    }

    @Test
    void tablesCloseTheZigguratAndMatchTheClosedFormArea() {
        double r = GaussianFiller.R;
        double v = GaussianFiller.V;
        double tail = Math.sqrt(Math.PI / 2.0) * Erf.erfc(r / Math.sqrt(2.0));
        assertEquals(r * Math.exp(-0.5 * r * r) + tail, v, TABLE_TOLERANCE * v,
                "v = r f(r) + int_r^inf f");
        double[] x = GaussianFiller.edges();
        double[] y = GaussianFiller.heights();
        int n = GaussianFiller.LAYERS;
        assertEquals(r, x[1], 0.0);
        assertEquals(v, x[0] * y[1], TABLE_TOLERANCE * v, "base strip x_0 f(r)");
        assertEquals(0.0, x[n], 0.0);
        assertEquals(1.0, y[n], 0.0);
        for (int i = 1; i < n; i++) {
            assertTrue(x[i + 1] < x[i], "edges decrease at " + i);
            assertEquals(Math.exp(-0.5 * x[i] * x[i]), y[i], 0.0, "height " + i);
            assertEquals(v, x[i] * (y[i + 1] - y[i]), TABLE_TOLERANCE * v, "area of layer " + i);
        }
    }

    @Test
    void momentsAreThoseOfTheStandardNormal() {
        // raw moments about the exact mean 0: E Z = 0, E Z^2 = 1, E Z^3 = 0 (skewness), E Z^4 = 3
        // (kurtosis); their exact variances are E Z^2 = 1, E Z^4 - 1 = 2, E Z^6 = 15 and
        // E Z^8 - 9 = 96
        double[] sums = new double[4];
        draw(Streams.key(SEED, 1), N, (z, len) -> {
            for (int i = 0; i < len; i++) {
                double x = z[i];
                double x2 = x * x;
                sums[0] += x;
                sums[1] += x2;
                sums[2] += x2 * x;
                sums[3] += x2 * x2;
            }
        });
        assertWithin("mean", sums[0] / N, 0.0, Math.sqrt(1.0 / N));
        assertWithin("variance", sums[1] / N, 1.0, Math.sqrt(2.0 / N));
        assertWithin("skewness", sums[2] / N, 0.0, Math.sqrt(15.0 / N));
        assertWithin("kurtosis", sums[3] / N, 3.0, Math.sqrt(96.0 / N));
    }

    @Test
    void chiSquareAgainstTheNormalDistributionFunction() {
        // BINS equiprobable bins between normal quantiles; layer or wedge errors show as lumps
        NormalDistribution normal = new NormalDistribution(0.0, 1.0);
        double[] bounds = new double[BINS - 1];
        for (int j = 1; j < BINS; j++) {
            bounds[j - 1] = normal.inverseCumulativeProbability((double) j / BINS);
        }
        long[] observed = new long[BINS];
        draw(Streams.key(SEED, 2), N, (z, len) -> {
            for (int i = 0; i < len; i++) {
                int at = Arrays.binarySearch(bounds, z[i]);
                observed[at >= 0 ? at + 1 : -at - 1]++;
            }
        });
        double[] expected = new double[BINS];
        Arrays.fill(expected, (double) N / BINS);
        double p = new ChiSquareTest().chiSquareTest(expected, observed);
        assertTrue(p >= MIN_P_VALUE, "chi-square p-value " + p + " below " + MIN_P_VALUE);
    }

    @Test
    void kolmogorovSmirnovAgainstTheNormalDistributionFunction() {
        double[] z = new double[N_KS];
        Streams.gaussians(Streams.key(SEED, 3)).fill(z, 0, N_KS, 1.0);
        double p = new KolmogorovSmirnovTest()
                .kolmogorovSmirnovTest(new NormalDistribution(0.0, 1.0), z);
        assertTrue(p >= MIN_P_VALUE, "Kolmogorov-Smirnov p-value " + p + " below " + MIN_P_VALUE);
    }

    @Test
    void tailFrequenciesAndTailMeanAreExact() {
        // thresholds below, at and beyond the start r of the ziggurat's tail
        double r = GaussianFiller.R;
        double[] t = {3.0, 4.0, r, 4.5};
        long[] beyond = new long[t.length];
        double[] tailSum = new double[1];
        draw(Streams.key(SEED, 4), N, (z, len) -> {
            for (int i = 0; i < len; i++) {
                double a = Math.abs(z[i]);
                for (int j = 0; j < t.length; j++) {
                    if (a > t[j]) {
                        beyond[j]++;
                    }
                }
                if (a > r) {
                    tailSum[0] += a;
                }
            }
        });
        for (int j = 0; j < t.length; j++) {
            double p = twoSidedTail(t[j]);
            assertWithin("P(|Z| > " + t[j] + ")", (double) beyond[j] / N, p,
                    Math.sqrt(p * (1.0 - p) / N));
        }

        int count = (int) beyond[2];
        assertWithin("E[|Z| given |Z| > r]", tailSum[0] / count, tailMean(r),
                Math.sqrt(tailVariance(r) / count));
    }

    @Test
    void tailAlgorithmSamplesTheNormalTailBeyondR() {
        // the full sampler reaches the tail once in 18000 draws, too rarely to test its shape
        // closely; here the tail routine alone: U = Q(T) / Q(r) is U(0, 1) when T has the law
        // of |Z| given |Z| > r, with Q(t) = P(Z > t)
        int n = 200_000;
        double r = GaussianFiller.R;
        double qr = 0.5 * twoSidedTail(r);
        GaussianFiller g = Streams.gaussians(Streams.key(SEED, 12));
        double[] u = new double[n];
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            double t = g.tail();
            assertTrue(t > r, "tail draw " + t + " not beyond r = " + r);
            sum += t;
            u[i] = 0.5 * twoSidedTail(t) / qr;
        }
        double p = new KolmogorovSmirnovTest()
                .kolmogorovSmirnovTest(new UniformRealDistribution(0.0, 1.0), u);
        assertTrue(p >= MIN_P_VALUE, "tail Kolmogorov-Smirnov p-value " + p + " below "
                + MIN_P_VALUE);
        assertWithin("E[|Z| given |Z| > r], tail routine", sum / n, tailMean(r),
                Math.sqrt(tailVariance(r) / n));
    }

    @Test
    void wedgeTestAcceptsTheAreaUnderTheCurve() {
        // x uniform in the wedge [x_{i+1}, x_i) of layer i is accepted with probability
        // (int f - (x_i - x_{i+1}) f(x_i)) / ((x_i - x_{i+1}) (f(x_{i+1}) - f(x_i))), the
        // integral over the wedge; layers near the tail, in the convex and concave parts of f,
        // and the top layer
        int n = 200_000;
        double[] x = GaussianFiller.edges();
        double[] y = GaussianFiller.heights();
        GaussianFiller g = Streams.gaussians(Streams.key(SEED, 13));
        UniformRandomProvider position = Streams.generator(Streams.key(SEED, 14));
        for (int i : new int[] {1, 2, 100, 500, 900, GaussianFiller.LAYERS - 1}) {
            double width = x[i] - x[i + 1];
            double under = Math.sqrt(Math.PI / 2.0)
                    * Erf.erf(x[i + 1] / Math.sqrt(2.0), x[i] / Math.sqrt(2.0));
            double p = (under - width * y[i]) / (width * (y[i + 1] - y[i]));
            int accepted = 0;
            for (int k = 0; k < n; k++) {
                double at = x[i + 1] + width * position.nextDouble();
                accepted += g.wedge(i, at) ? 1 : 0;
            }
            assertWithin("wedge acceptance in layer " + i, (double) accepted / n, p,
                    Math.sqrt(p * (1.0 - p) / n));
        }
    }

    /** E[|Z| given |Z| &gt; r] = lambda = phi(r) / Q(r), the inverse Mills ratio. */
    private static double tailMean(double r) {
        return Math.exp(-0.5 * r * r) / Math.sqrt(2.0 * Math.PI) / (0.5 * twoSidedTail(r));
    }

    /** Var[|Z| given |Z| &gt; r] = 1 + r lambda - lambda^2. */
    private static double tailVariance(double r) {
        double lambda = tailMean(r);
        return 1.0 + r * lambda - lambda * lambda;
    }

    @Test
    void consecutiveDrawsAreUncorrelated() {
        // products of neighbours, and of their squares: dependence between the layer, sign and
        // uniform bits of consecutive outputs would show in either
        int n = 1_000_000;
        double[] z = new double[n + 1];
        Streams.gaussians(Streams.key(SEED, 5)).fill(z, 0, n + 1, 1.0);
        double s1 = 0.0;
        double s2 = 0.0;
        for (int i = 0; i < n; i++) {
            s1 += z[i] * z[i + 1];
            s2 += z[i] * z[i] * z[i + 1] * z[i + 1];
        }
        // Var(Z Z') = 1 and neighbouring terms are uncorrelated: the first sum has variance n;
        // Var(Z^2 Z'^2) = 9 - 1 = 8 and neighbouring terms, sharing one factor, have covariance
        // E Z^4 - 1 = 2: the second sum has variance n (8 + 2 * 2) = 12 n
        assertWithin("E[Z_t Z_t+1]", s1 / n, 0.0, Math.sqrt(1.0 / n));
        assertWithin("E[Z_t^2 Z_t+1^2]", s2 / n, 1.0, Math.sqrt(12.0 / n));
    }

    @Test
    void sameKeySameDrawsDifferentKeysUncorrelatedDraws() {
        int n = 100_000;
        long key = Streams.key(SEED, 6, 0);
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        Streams.gaussians(key).fill(a, 0, n, 1.0);
        GaussianFiller.fill(key, b, 0, n, 1.0);
        Streams.gaussians(Streams.key(SEED, 6, 1)).fill(c, 0, n, 1.0);
        assertArrayEquals(a, b, 0.0, "a stream's draws are a pure function of its key");
        int equal = 0;
        double product = 0.0;
        for (int i = 0; i < n; i++) {
            equal += a[i] == c[i] ? 1 : 0;
            product += a[i] * c[i];
        }
        assertEquals(0, equal, "draws shared by keys that differ");
        assertWithin("correlation of two streams", product / n, 0.0, Math.sqrt(1.0 / n));
    }

    @Test
    void readsTheSequenceOfStreamsGenerator() {
        long key = Streams.key(SEED, 7);
        UniformRandomProvider reference = Streams.generator(key);
        GaussianFiller g = Streams.gaussians(key);
        for (int i = 0; i < 1000; i++) {
            assertEquals(reference.nextLong(), g.nextLong(), "output " + i);
        }
    }

    @Test
    void chunkedFillsSingleDrawsAndScalingAgree() {
        int n = 50_000;
        long key = Streams.key(SEED, 8);
        double[] whole = new double[n];
        Streams.gaussians(key).fill(whole, 0, n, 1.0);

        // chunks of uneven lengths, including 0 and 1, at an offset
        double[] chunked = new double[n + 3];
        GaussianFiller g = Streams.gaussians(key);
        int done = 0;
        for (int len = 0; done < n; len = (len * 7 + 1) % 997) {
            int m = Math.min(len, n - done);
            g.fill(chunked, 3 + done, m, 1.0);
            done += m;
        }
        assertArrayEquals(whole, Arrays.copyOfRange(chunked, 3, n + 3), 0.0, "chunked fills");

        GaussianFiller single = Streams.gaussians(key);
        for (int i = 0; i < n; i++) {
            assertEquals(whole[i], single.sample(), 0.0, "single draw " + i);
        }

        double sd = 2.5;
        double[] scaled = new double[n];
        Streams.gaussians(key).fill(scaled, 0, n, sd);
        for (int i = 0; i < n; i++) {
            assertEquals(sd * whole[i], scaled[i], 0.0, "scaled draw " + i);
        }
    }

    @Test
    void writesOnlyTheRequestedRange() {
        double sentinel = 12345.0;
        double[] out = new double[100];
        Arrays.fill(out, sentinel);
        Streams.gaussians(Streams.key(SEED, 9)).fill(out, 10, 80, 1.0);
        for (int i = 0; i < out.length; i++) {
            boolean inside = i >= 10 && i < 90;
            assertEquals(inside, out[i] != sentinel, "out[" + i + "]");
        }
    }

    @Test
    void rejectsInvalidArguments() {
        GaussianFiller g = Streams.gaussians(Streams.key(SEED, 10));
        double[] out = new double[10];
        assertThrows(IllegalArgumentException.class, () -> g.fill(null, 0, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> g.fill(out, -1, 1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> g.fill(out, 0, -1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> g.fill(out, 5, 6, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> g.fill(out, Integer.MAX_VALUE, 1, 1.0));
        for (double sd : new double[] {-1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> g.fill(out, 0, 10, sd));
            assertTrue(e.getMessage().contains("got " + sd), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Draws.gaussian(1L, out, 0, 11, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianFiller(0L, 0L, 0L, 0L));
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.7, 10);
        assertThrows(IllegalArgumentException.class,
                () -> fgn.sample((GaussianFiller) null, out, 0, 1.0, null));
    }

    @Test
    void fractionalGaussianNoiseDrawnByTheFillerHasTheFgnCovariance() {
        // the circulant-embedding sampler fed by the filler (the path FgnLaw takes): sample
        // autocovariances of 4000 paths of length 100 at H = 0.8, and the pair's independence
        int length = 100;
        int pairs = 2000;
        int maxLag = 3;
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.8, length);
        assertFalse(fgn.usesCholeskyFallback());
        double[] x = new double[length];
        double[] y = new double[length];
        double[] workspace = new double[fgn.workspaceLength()];
        double[][] units = new double[maxLag + 2][2 * pairs];
        for (int p = 0; p < pairs; p++) {
            long key = Streams.key(SEED, 11, p);
            fgn.samplePair(Streams.gaussians(key), x, 0, y, 0, 1.0, workspace);
            for (int lag = 0; lag <= maxLag; lag++) {
                units[lag][2 * p] = lagAverage(x, x, lag);
                units[lag][2 * p + 1] = lagAverage(y, y, lag);
            }
            units[maxLag + 1][p] = lagAverage(x, y, 0);
            if (p == 0) {
                double[] first = new double[length];
                fgn.sample(Streams.gaussians(key), first, 0, 1.0, null);
                assertArrayEquals(x, first, 0.0, "a single path is the first of the pair");
            }
        }
        for (int lag = 0; lag <= maxLag; lag++) {
            assertMean("fgn autocovariance at lag " + lag, units[lag],
                    FractionalGaussianNoise.autocovariance(0.8, lag));
        }
        assertMean("fgn pair cross-covariance", Arrays.copyOf(units[maxLag + 1], pairs), 0.0);
    }

    private static double lagAverage(double[] x, double[] y, int lag) {
        double s = 0.0;
        for (int t = 0; t + lag < x.length; t++) {
            s += x[t] * y[t + lag];
        }
        return s / (x.length - lag);
    }

    /**
     * Mean of independent units against {@code exact}, within K estimated standard errors, and
     * that standard error at most {@link #MAX_FGN_STANDARD_ERROR} (so the check has power).
     */
    private static void assertMean(String what, double[] units, double exact) {
        int n = units.length;
        double mean = Arrays.stream(units).sum() / n;
        double ss = 0.0;
        for (double u : units) {
            ss += (u - mean) * (u - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        assertTrue(se <= MAX_FGN_STANDARD_ERROR, what + ": standard error " + se + " exceeds "
                + MAX_FGN_STANDARD_ERROR + "; the check would have no power");
        assertWithin(what, mean, exact, se);
    }
}
