package org.depthlab.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Streams} and {@link Draws}: streams are pure functions of (seed, indices), distinct
 * paths give distinct and uncorrelated sequences, and the bulk draws have the right moments.
 *
 * <p>Moment checks compare a sample statistic with its exact expectation within
 * {@link #K_STANDARD_ERRORS} of its exact standard error; seeds are fixed, so every check is
 * deterministic.
 */
class StreamsTest {

    private static final long SEED = 424_242L;
    private static final int N = 400_000;
    /** Values compared when checking that two streams coincide or differ. */
    private static final int SEQUENCE = 64;
    /**
     * Allowed distance of a sample moment from its expectation, in exact standard errors: the
     * moments are sums of 4e5 i.i.d. terms, normal to high accuracy, and |Z| &gt; 5 has
     * probability 6e-7; a wrong scale, shift or law is hundreds of standard errors off.
     */
    private static final double K_STANDARD_ERRORS = 5.0;

    private static long[] longs(UniformRandomProvider rng) {
        long[] x = new long[SEQUENCE];
        for (int i = 0; i < SEQUENCE; i++) {
            x[i] = rng.nextLong();
        }
        return x;
    }

    @Test
    void sameKeyGivesTheSameSequence() {
        long key = Streams.key(SEED, 3, 1, 4);
        assertEquals(key, Streams.key(SEED, 3, 1, 4), "key is a pure function of its path");
        assertArrayEquals(longs(Streams.generator(key)), longs(Streams.generator(key)));
        assertArrayEquals(longs(Streams.generator(key)),
                longs(Streams.generator(SEED, 3, 1, 4)), "generator(seed, path) shorthand");
        assertEquals(Streams.child(Streams.child(Streams.key(SEED), 3), 1),
                Streams.key(SEED, 3, 1), "a path is a chain of children");
    }

    @Test
    void differentPathsGiveDifferentSequences() {
        long[][] keys = {
            {Streams.key(SEED)},
            {Streams.key(SEED + 1)},
            {Streams.key(SEED, 0)},
            {Streams.key(SEED, 1)},
            {Streams.key(SEED, 0, 1)},
            {Streams.key(SEED, 1, 0)},
            {Streams.key(SEED, 0, 0)},
            {Streams.key(SEED, -1)},
        };
        for (int i = 0; i < keys.length; i++) {
            for (int j = i + 1; j < keys.length; j++) {
                assertNotEquals(keys[i][0], keys[j][0], "keys " + i + " and " + j);
                long[] a = longs(Streams.generator(keys[i][0]));
                long[] b = longs(Streams.generator(keys[j][0]));
                int same = 0;
                for (int t = 0; t < SEQUENCE; t++) {
                    same += a[t] == b[t] ? 1 : 0;
                }
                assertEquals(0, same, "streams " + i + " and " + j + " share values");
            }
        }
    }

    @Test
    void childrenOfOneParentAreDistinct() {
        long parent = Streams.key(SEED, 9);
        Set<Long> keys = new HashSet<>();
        Set<Long> firsts = new HashSet<>();
        int children = 100_000;
        for (int i = 0; i < children; i++) {
            long k = Streams.child(parent, i);
            keys.add(k);
            firsts.add(Streams.generator(k).nextLong());
        }
        assertEquals(children, keys.size(), "child keys collide");
        assertEquals(children, firsts.size(), "first outputs of child streams collide");
    }

    @Test
    void uniformHasTheMeanAndVarianceOfItsLaw() {
        double lo = -2.0;
        double hi = 3.0;
        double[] x = new double[N + 2];
        x[0] = 99;
        x[N + 1] = 99;
        Draws.uniform(Streams.generator(SEED, 1), x, 1, N, lo, hi);
        assertEquals(99, x[0], "fills only out[off .. off+len)");
        assertEquals(99, x[N + 1], "fills only out[off .. off+len)");
        for (int i = 1; i <= N; i++) {
            assertTrue(x[i] >= lo && x[i] < hi, "U[lo, hi) value " + x[i]);
        }
        double w = hi - lo;
        double mean = (lo + hi) / 2;
        double var = w * w / 12;
        double centralM4 = w * w * w * w / 80;
        double[] m = centralMoments(x, 1, N, mean);
        assertWithin(mean, m[0], Math.sqrt(var / N), "uniform mean");
        assertWithin(var, m[1], Math.sqrt((centralM4 - var * var) / N), "uniform variance");
    }

    @Test
    void gaussianHasTheMomentsOfItsLaw() {
        double sd = 1.7;
        double[] x = new double[N];
        Draws.gaussian(Streams.generator(SEED, 2), x, 0, N, sd);
        double var = sd * sd;
        double[] m = centralMoments(x, 0, N, 0.0);
        assertWithin(0.0, m[0], sd / Math.sqrt(N), "gaussian mean");
        // Var((X)^2) = 2 sd^4, Var(X^4) = 96 sd^8 for centred normal X
        assertWithin(var, m[1], var * Math.sqrt(2.0 / N), "gaussian variance");
        assertWithin(3 * var * var, m[3], var * var * Math.sqrt(96.0 / N),
                "gaussian fourth moment (tails)");
        assertWithin(0.0, m[2], sd * sd * sd * Math.sqrt(15.0 / N), "gaussian third moment");
    }

    @Test
    void successiveDrawsAndSiblingStreamsAreUncorrelated() {
        double[] a = new double[N];
        double[] b = new double[N];
        Draws.gaussian(Streams.generator(SEED, 3, 0), a, 0, N, 1.0);
        Draws.gaussian(Streams.generator(SEED, 3, 1), b, 0, N, 1.0);
        double lag1 = 0;
        double cross = 0;
        for (int i = 0; i < N; i++) {
            lag1 += i + 1 < N ? a[i] * a[i + 1] : 0.0;
            cross += a[i] * b[i];
        }
        // each is a mean of N products of independent unit normals: standard error 1/sqrt(N)
        assertWithin(0.0, lag1 / (N - 1), 1.0 / Math.sqrt(N - 1), "lag-1 autocorrelation");
        assertWithin(0.0, cross / N, 1.0 / Math.sqrt(N), "correlation of sibling streams");
    }

    /** Mean and central moments 2, 3, 4 about {@code center}. */
    private static double[] centralMoments(double[] x, int off, int n, double center) {
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        for (int i = off; i < off + n; i++) {
            double d = x[i] - center;
            double d2 = d * d;
            s1 += x[i];
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }
        return new double[] {s1 / n, s2 / n, s3 / n, s4 / n};
    }

    private static void assertWithin(double expected, double actual, double standardError,
            String what) {
        double z = (actual - expected) / standardError;
        assertTrue(Math.abs(z) <= K_STANDARD_ERRORS, what + ": " + actual + ", expected "
                + expected + " (standard error " + standardError + ", z = " + z + ")");
    }
}
