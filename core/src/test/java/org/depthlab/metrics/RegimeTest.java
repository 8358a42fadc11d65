package org.depthlab.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link Regime#classify}: thresholds on log10 of the difference ratio, overflow, bad input. */
class RegimeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1e6, EXPLOSION",
        "10.0, EXPLOSION",      // log10 = 1 exactly: the upper threshold is inclusive
        "9.99, NON_TRIVIAL",
        "1.0, NON_TRIVIAL",
        "0.5, NON_TRIVIAL",
        "0.1000001, NON_TRIVIAL",
        "0.0999, IDENTITY",
        "1e-8, IDENTITY",
        "0.0, IDENTITY",        // log10(0) = -Infinity
        "NaN, EXPLOSION",       // Inf - Inf after overflow
        "Infinity, EXPLOSION",
    })
    void defaultThresholds(double ratio, Regime expected) {
        assertEquals(expected, Regime.classify(ratio));
        assertEquals(expected, Regime.classify(ratio, Regime.DEFAULT_IDENTITY_LOG10,
                Regime.DEFAULT_EXPLOSION_LOG10));
    }

    @Test
    void defaultThresholdsAreAFactorTen() {
        assertEquals(1.0, Regime.DEFAULT_EXPLOSION_LOG10);
        assertEquals(-1.0, Regime.DEFAULT_IDENTITY_LOG10);
        // 0.1 is not exactly 10^-1 in binary, but log10 maps it to -1: inclusive lower threshold
        assertEquals(Regime.IDENTITY, Regime.classify(0.1));
    }

    @ParameterizedTest(name = "{0} in ({1}, {2}) -> {3}")
    @CsvSource({
        "5.0, -2.0, 0.5, EXPLOSION",       // log10 5 = 0.70 >= 0.5
        "3.0, -2.0, 0.5, NON_TRIVIAL",     // log10 3 = 0.477 < 0.5
        "0.02, -2.0, 0.5, NON_TRIVIAL",    // log10 = -1.70
        "0.01, -2.0, 0.5, IDENTITY",       // log10 = -2 exactly
        "1e300, -300, 299, EXPLOSION",
        "1e-300, -299, 300, IDENTITY",
        "Infinity, 100, 200, EXPLOSION",
        "NaN, -5, 5, EXPLOSION",
    })
    void customThresholds(double ratio, double lower, double upper, Regime expected) {
        assertEquals(expected, Regime.classify(ratio, lower, upper));
    }

    @ParameterizedTest(name = "lower={0} upper={1}")
    @CsvSource({
        "1.0, 1.0",
        "1.0, -1.0",
        "NaN, 1.0",
        "-1.0, NaN",
        "-Infinity, 1.0",
        "-1.0, Infinity",
    })
    void invalidThresholdsAreRejectedNamingThem(double lower, double upper) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Regime.classify(1.0, lower, upper));
        assertTrue(e.getMessage().contains("lower=" + lower)
                && e.getMessage().contains("upper=" + upper), e.getMessage());
    }

    @Test
    void specNamesAreLowerCaseWithHyphens() {
        assertEquals("explosion", Regime.EXPLOSION.spec());
        assertEquals("non-trivial", Regime.NON_TRIVIAL.spec());
        assertEquals("identity", Regime.IDENTITY.spec());
    }
}
