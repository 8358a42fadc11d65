package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The battery every {@link WeightLaw} passes, applied to one law of each kind. */
class WeightLawContractTest {

    private static final int DEPTH = 64;
    /** 13 x 25 = 325 entries per layer: odd, so one fgn entry has no partner in its pair. */
    private static final int ROWS = 13;
    private static final int COLS = 25;
    /** Independent sample calls; 4 x 325 = 1300 independent entry paths. */
    private static final int KEYS = 4;
    /**
     * Largest acceptable standard error of a per-entry moment estimate: each entry's average
     * over layers of cols M M' has variance at most 2 (no reduction assumed from averaging
     * correlated layers), so with 1300 entries the standard error is at most 0.040.
     */
    private static final double MAX_STANDARD_ERROR = 0.045;
    /** Fraction of entries that two different keys must both change (equal only by chance). */
    private static final double MIN_CHANGED_FRACTION = 0.999;

    static Stream<String> laws() {
        return Stream.of("gaussian", "uniform", "fgn:0.3", "fgn:0.7", "rbf:0.1", "matern:1.5:0.2");
    }

    @ParameterizedTest
    @MethodSource("laws")
    void entryVarianceIsOneOverCols(String spec) {
        double[][] paths = entryPaths(WeightLaws.parse(spec));
        Moments.assertMean(spec + ": cols E[M^2]", lagProducts(paths, paths, 0), 1.0,
                MAX_STANDARD_ERROR);
    }

    @ParameterizedTest
    @MethodSource("laws")
    void distinctEntriesAreUncorrelated(String spec) {
        double[][] paths = entryPaths(WeightLaws.parse(spec));
        int n = paths.length / 2;
        // neighbours (e, e+1) for even e: the two halves of one FFT for fgn
        double[][] even = new double[n][];
        double[][] odd = new double[n][];
        for (int p = 0; p < n; p++) {
            even[p] = paths[2 * p];
            odd[p] = paths[2 * p + 1];
        }
        Moments.assertMean(spec + ": (e, e+1)", lagProducts(even, odd, 0), 0.0,
                MAX_STANDARD_ERROR);
        Moments.assertMean(spec + ": (e, e+1), lag 1", lagProducts(even, odd, 1), 0.0,
                MAX_STANDARD_ERROR);
        // (i, j) against (i+1, j)
        int size = ROWS * COLS;
        int m = 0;
        double[][] upper = new double[KEYS * (ROWS - 1) * COLS][];
        double[][] lower = new double[upper.length][];
        for (int key = 0; key < KEYS; key++) {
            for (int e = 0; e + COLS < size; e++) {
                upper[m] = paths[key * size + e];
                lower[m++] = paths[key * size + e + COLS];
            }
        }
        Moments.assertMean(spec + ": (i, j), (i+1, j)", lagProducts(upper, lower, 0), 0.0,
                MAX_STANDARD_ERROR);
    }

    @ParameterizedTest
    @MethodSource("laws")
    void lagOneCorrelationMatchesTheDeclaration(String spec) {
        WeightLaw law = WeightLaws.parse(spec);
        double[][] paths = entryPaths(law);
        Moments.assertMean(spec + ": lag-1 correlation", lagProducts(paths, paths, 1),
                law.correlation(1, DEPTH), MAX_STANDARD_ERROR);
        assertEquals(1.0, law.correlation(0, DEPTH), 1e-15, spec);
    }

    @ParameterizedTest
    @MethodSource("laws")
    void sameKeySameDrawDifferentKeyDifferentDraw(String spec) {
        WeightLaw law = WeightLaws.parse(spec);
        int n = DEPTH * ROWS * COLS;
        double[] a = new double[n];
        double[] b = new double[n];
        double[] c = new double[n];
        law.sample(DEPTH, ROWS, COLS, 42, a);
        law.sample(DEPTH, ROWS, COLS, 42, b);
        law.sample(DEPTH, ROWS, COLS, 43, c);
        assertArrayEquals(a, b, 0.0, spec);
        int changed = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] != c[i]) {
                changed++;
            }
        }
        assertTrue(changed >= MIN_CHANGED_FRACTION * n, spec + ": only " + changed + " of " + n
                + " values differ between keys 42 and 43");
    }

    @ParameterizedTest
    @MethodSource("laws")
    void drawsDoNotDependOnThreads(String spec) throws Exception {
        // a fresh law per run, so that its per-depth cache is also built under contention
        int n = DEPTH * ROWS * COLS;
        int draws = 8;
        WeightLaw sequential = WeightLaws.parse(spec);
        double[][] expected = new double[draws][n];
        for (int d = 0; d < draws; d++) {
            sequential.sample(DEPTH, ROWS, COLS, 500 + d, expected[d]);
        }
        WeightLaw shared = WeightLaws.parse(spec);
        double[][] actual = new double[draws][n];
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int d = 0; d < draws; d++) {
                int draw = d;
                futures.add(pool.submit(
                        () -> shared.sample(DEPTH, ROWS, COLS, 500 + draw, actual[draw])));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        for (int d = 0; d < draws; d++) {
            assertArrayEquals(expected[d], actual[d], 0.0, spec + ", draw " + d);
        }
    }

    @ParameterizedTest
    @MethodSource("laws")
    void writesExactlyDepthTimesRowsTimesCols(String spec) {
        WeightLaw law = WeightLaws.parse(spec);
        int n = DEPTH * ROWS * COLS;
        double sentinel = 12345.0;
        double[] out = new double[n + 7];
        Arrays.fill(out, sentinel);
        law.sample(DEPTH, ROWS, COLS, 5, out);
        for (int i = 0; i < n; i++) {
            assertTrue(Double.isFinite(out[i]) && out[i] != sentinel, spec + ": out[" + i + "]");
        }
        for (int i = n; i < out.length; i++) {
            assertEquals(sentinel, out[i], 0.0, spec + ": out[" + i + "] was modified");
        }
    }

    @ParameterizedTest
    @MethodSource("laws")
    void rejectsInvalidArguments(String spec) {
        WeightLaw law = WeightLaws.parse(spec);
        double[] out = new double[DEPTH * ROWS * COLS];
        assertThrows(IllegalArgumentException.class, () -> law.sample(0, ROWS, COLS, 1, out));
        assertThrows(IllegalArgumentException.class, () -> law.sample(DEPTH, 0, COLS, 1, out));
        assertThrows(IllegalArgumentException.class, () -> law.sample(DEPTH, ROWS, 0, 1, out));
        assertThrows(IllegalArgumentException.class,
                () -> law.sample(DEPTH, ROWS, COLS, 1, new double[out.length - 1]));
        assertThrows(IllegalArgumentException.class,
                () -> law.sample(DEPTH, ROWS, COLS, 1, null));
    }

    @ParameterizedTest
    @MethodSource("laws")
    void specParsesBackToAnEqualLaw(String spec) {
        WeightLaw law = WeightLaws.parse(spec);
        assertEquals(spec, law.spec());
        WeightLaw again = WeightLaws.parse(law.spec());
        assertEquals(law.spec(), again.spec());
        assertEquals(law.regularity(), again.regularity(), 0.0);
        assertEquals(law.independentAcrossLayers(), again.independentAcrossLayers());
        for (int lag = 0; lag < 4; lag++) {
            assertEquals(law.correlation(lag, DEPTH), again.correlation(lag, DEPTH), 0.0);
        }
        double[] a = new double[DEPTH * ROWS * COLS];
        double[] b = new double[a.length];
        law.sample(DEPTH, ROWS, COLS, 77, a);
        again.sample(DEPTH, ROWS, COLS, 77, b);
        assertArrayEquals(a, b, 0.0, spec);
        assertTrue(law.regularity() >= 0.0 && law.regularity() <= 1.0, spec);
    }

    static Stream<Arguments> invalidSpecs() {
        return Stream.of(Arguments.of("fgn:1.2", "got 1.2"), Arguments.of("fgn:0", "got 0"),
                Arguments.of("rbf:-1", "got -1"), Arguments.of("matern:2:0.1", "got 2"),
                Arguments.of("foo", "'foo'"), Arguments.of("fgn", "'fgn'"),
                Arguments.of("fgn:abc", "'abc'"), Arguments.of("matern:1.5:0", "got 0"));
    }

    @ParameterizedTest
    @MethodSource("invalidSpecs")
    void parseErrorsNameTheOffendingValue(String spec, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeightLaws.parse(spec));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fgn:0.7", "fgn:0.30", "rbf:0.1", "matern:2.5:1e-1"})
    void specIsPrintedWithoutNoise(String spec) {
        WeightLaw law = WeightLaws.parse(spec);
        assertEquals(Double.parseDouble(spec.substring(spec.lastIndexOf(':') + 1)),
                Double.parseDouble(law.spec().substring(law.spec().lastIndexOf(':') + 1)), 0.0);
        assertTrue(law.spec().length() <= spec.length(), law.spec());
    }

    /** KEYS * ROWS * COLS independent entry paths, each of length DEPTH. */
    private static double[][] entryPaths(WeightLaw law) {
        int size = ROWS * COLS;
        double[][] paths = new double[KEYS * size][DEPTH];
        double[] out = new double[DEPTH * size];
        for (int key = 0; key < KEYS; key++) {
            law.sample(DEPTH, ROWS, COLS, 1000 + key, out);
            for (int e = 0; e < size; e++) {
                for (int k = 0; k < DEPTH; k++) {
                    paths[key * size + e][k] = out[k * size + e];
                }
            }
        }
        return paths;
    }

    /** Per pair of paths: cols times the average over k of x_k y_{k+lag}. */
    private static double[] lagProducts(double[][] x, double[][] y, int lag) {
        double[] units = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            double s = 0.0;
            for (int k = 0; k + lag < DEPTH; k++) {
                s += x[p][k] * y[p][k + lag];
            }
            units[p] = COLS * s / (DEPTH - lag);
        }
        return units;
    }
}
