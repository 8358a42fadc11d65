package org.depthlab.lab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SummaryTest {

    /** Exact arithmetic on small integers: only rounding of the last bits is allowed. */
    private static final double EXACT = 1e-12;

    @Test
    void statsOfAKnownSample() {
        double[] s = Summary.stats(new double[] {1, 2, 3, 4, 5});
        assertEquals(3.0, s[0], EXACT, "mean");
        assertEquals(Math.sqrt(2.5), s[1], EXACT, "sample standard deviation");
        double half = Summary.Z_975 * Math.sqrt(2.5) / Math.sqrt(5);
        assertEquals(3 - half, s[2], EXACT, "ci low");
        assertEquals(3 + half, s[3], EXACT, "ci high");
        assertEquals(3.0, s[4], EXACT, "median");
        assertEquals(1.1, s[5], EXACT, "2.5% quantile, type 7: 1 + 0.1 * (2 - 1)");
        assertEquals(4.9, s[6], EXACT, "97.5% quantile");
        assertEquals(0.0, s[7], "no overflow");
    }

    @Test
    void overflowMakesTheMeanInfiniteAndIsCounted() {
        double[] s = Summary.stats(new double[] {1, Double.POSITIVE_INFINITY, Double.NaN, 2});
        assertEquals(Double.POSITIVE_INFINITY, s[0]);
        assertEquals(2.0, s[7], "Infinity and NaN both count as overflow");
        assertEquals(Double.POSITIVE_INFINITY, s[6], "upper quantile is the overflow");
        assertEquals(1.3, Summary.quantile(new double[] {1, 2}, 0.3), EXACT);
    }

    @Test
    void groupsByKeysAndSummarizesLog10() {
        Table t = Table.empty(List.of("beta", "x"), Set.of());
        t.add(0.5, 10);
        t.add(0.5, 1000);
        t.add(1.0, 0.1);
        Table s = Summary.of(t, List.of("beta"), List.of("log10_x", "x"));
        assertEquals(2, s.rows().size());
        assertEquals(2.0, s.rows().get(0)[s.column("log10_x_mean")], EXACT, "mean of 1 and 3");
        assertEquals(505.0, s.rows().get(0)[s.column("x_mean")], EXACT);
        assertEquals(-1.0, s.rows().get(1)[s.column("log10_x_mean")], EXACT);
        assertEquals(1.0, s.rows().get(1)[s.column("n")]);
        assertTrue(s.integers().contains("n"));
    }
}
