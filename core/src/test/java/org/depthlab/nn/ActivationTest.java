package org.depthlab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@link Activation}: derivative against central differences, bulk methods against the
 * scalar ones, known values, the declared Lipschitz and smoothness properties, and parsing.
 */
class ActivationTest {

    /** Specifications of every activation, with a non-default leaky slope. */
    private static final String[] SPECS = {"identity", "relu", "leaky-relu:0.1", "tanh",
        "sigmoid", "gelu"};

    /** Points away from the kink at 0 of ReLU and leaky ReLU, on both sides and in the tails. */
    private static final double[] POINTS = {-6.0, -2.5, -1.3, -0.7, -0.2, 0.15, 0.4, 1.1, 2.2,
        4.5};

    /** Central-difference step: truncation ~ STEP^2 |sigma'''| / 6 ~ 2e-11, rounding ~ 1e-11. */
    private static final double STEP = 1e-5;
    /** Tolerance on sigma': two orders above the finite-difference error estimated above. */
    private static final double DERIVATIVE_TOL = 1e-8;
    /**
     * Distance from 0 at which one-sided derivatives are compared to decide smoothness. A C^1
     * activation here has |sigma''| &lt;= 1, so its derivative moves by at most 2e-6 across
     * [-EPS, EPS]; ReLU-type kinks jump by 1 - slope &gt;= 0.5 in the cases tested.
     */
    private static final double EPS = 1e-6;
    /** Jump in sigma' at 0 below which an activation counts as C^1 numerically. */
    private static final double SMOOTH_JUMP = 1e-4;
    /** Exactness of closed-form values such as sigmoid(0) = 1/2: a few ulps of O(1) values. */
    private static final double VALUE_TOL = 1e-15;
    /**
     * Upper bound on |sigma'| for every activation here: the largest is GELU, whose derivative
     * peaks at Phi(sqrt 2) + sqrt(2) phi(sqrt 2) = 1.12891 at z = sqrt(2).
     */
    private static final double DERIVATIVE_BOUND = 1.13;
    /** Phi(1) = 0.8413447460685429..., to the digits quoted. */
    private static final double PHI_1 = 0.8413447460685429;

    static Stream<Arguments> activations() {
        return Stream.of(SPECS).map(s -> Arguments.of(s));
    }

    @ParameterizedTest
    @MethodSource("activations")
    void derivativeMatchesCentralDifferences(String spec) {
        Activation a = Activation.parse(spec);
        for (double z : POINTS) {
            double fd = (a.apply(z + STEP) - a.apply(z - STEP)) / (2 * STEP);
            assertEquals(fd, a.derivative(z), DERIVATIVE_TOL, spec + "'(" + z + ")");
        }
    }

    @ParameterizedTest
    @MethodSource("activations")
    void bulkMethodsAgreeWithScalarOnes(String spec) {
        Activation a = Activation.parse(spec);
        // the points, 0 (a kink for ReLU), two leading pad values and two trailing ones
        double[] z = new double[POINTS.length + 5];
        z[0] = 9.0;
        z[1] = -9.0;
        System.arraycopy(POINTS, 0, z, 2, POINTS.length);
        z[2 + POINTS.length] = 0.0;
        int n = POINTS.length + 1;
        double[] out = new double[z.length + 1];
        out[0] = 123.0;
        a.apply(z, 2, out, 1, n);
        assertEquals(123.0, out[0], "apply writes only out[outOff .. outOff+n)");
        assertEquals(0.0, out[n + 1], "apply writes only out[outOff .. outOff+n)");
        double[] g = new double[z.length];
        java.util.Arrays.fill(g, 3.0);
        double[] zCopy = z.clone();
        a.multiplyByDerivative(z, 2, g, 2, n);
        assertTrue(java.util.Arrays.equals(zCopy, z), "multiplyByDerivative reads z only");
        assertEquals(3.0, g[0]);
        assertEquals(3.0, g[1]);
        for (int i = 0; i < n; i++) {
            assertEquals(a.apply(z[2 + i]), out[1 + i], spec + "(" + z[2 + i] + ") in bulk");
            assertEquals(3.0 * a.derivative(z[2 + i]), g[2 + i],
                    spec + "'(" + z[2 + i] + ") in bulk");
        }
        assertEquals(3.0, g[2 + n], "multiplyByDerivative writes only g[gOff .. gOff+n)");
    }

    @Test
    void knownValues() {
        assertEquals(-1.5, Activation.identity().apply(-1.5));
        assertEquals(0.0, Activation.relu().apply(-1.5));
        assertEquals(2.0, Activation.relu().apply(2.0));
        assertEquals(-0.15, Activation.leakyRelu(0.1).apply(-1.5), VALUE_TOL);
        assertEquals(-0.015, Activation.parse("leaky-relu").apply(-1.5), VALUE_TOL,
                "default slope 0.01");
        assertEquals(Activation.DEFAULT_LEAKY_SLOPE, 0.01);
        assertEquals(Math.tanh(0.8), Activation.tanh().apply(0.8));
        assertEquals(0.5, Activation.sigmoid().apply(0.0), VALUE_TOL);
        assertEquals(1.0 / (1.0 + Math.exp(-1.2)), Activation.sigmoid().apply(1.2), VALUE_TOL);
        assertEquals(1.0 / (1.0 + Math.exp(1.2)), Activation.sigmoid().apply(-1.2), VALUE_TOL);
        assertEquals(PHI_1, Activation.gelu().apply(1.0), VALUE_TOL, "gelu(1) = Phi(1), exact");
        assertEquals(-(1 - PHI_1), Activation.gelu().apply(-1.0), VALUE_TOL,
                "gelu(-1) = -Phi(-1)");
        assertEquals(0.5, Activation.gelu().derivative(0.0), VALUE_TOL, "gelu'(0) = Phi(0)");
    }

    @Test
    void extremeArgumentsStayFinite() {
        Activation s = Activation.sigmoid();
        assertEquals(0.0, s.apply(-800.0), "sigmoid(-800) underflows to 0, not NaN");
        assertEquals(1.0, s.apply(800.0));
        assertEquals(0.0, s.derivative(-800.0));
        assertEquals(0.0, s.derivative(800.0));
        Activation g = Activation.gelu();
        assertEquals(0.0, g.apply(-60.0), VALUE_TOL);
        assertEquals(60.0, g.apply(60.0), VALUE_TOL);
        assertEquals(0.0, g.apply(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, g.apply(Double.POSITIVE_INFINITY));
        assertEquals(1.0, g.derivative(Double.POSITIVE_INFINITY));
        assertEquals(0.0, g.derivative(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, Activation.tanh().apply(1e6));
        assertEquals(0.0, Activation.tanh().derivative(1e6));
    }

    @Test
    void declaredPropertiesAreAsDocumented() {
        assertTrue(Activation.identity().isLipschitz() && Activation.identity().isSmooth());
        assertTrue(Activation.relu().isLipschitz());
        assertFalse(Activation.relu().isSmooth(), "relu has a kink at 0");
        assertTrue(Activation.leakyRelu(0.1).isLipschitz());
        assertFalse(Activation.leakyRelu(0.1).isSmooth(), "leaky relu has a kink at 0");
        assertTrue(Activation.tanh().isLipschitz() && Activation.tanh().isSmooth());
        assertTrue(Activation.sigmoid().isLipschitz() && Activation.sigmoid().isSmooth());
        assertTrue(Activation.gelu().isLipschitz() && Activation.gelu().isSmooth());
    }

    /** isSmooth() agrees with a numerical jump of sigma' across 0, where ReLU-types kink. */
    @ParameterizedTest
    @MethodSource("activations")
    void smoothnessDeclarationMatchesTheDerivative(String spec) {
        Activation a = Activation.parse(spec);
        double jump = Math.abs(a.derivative(EPS) - a.derivative(-EPS));
        assertEquals(a.isSmooth(), jump < SMOOTH_JUMP,
                spec + ": isSmooth() = " + a.isSmooth() + " but sigma' jumps by " + jump
                        + " across 0");
    }

    /** Lipschitz activations have a bounded derivative; checked on a wide grid. */
    @ParameterizedTest
    @MethodSource("activations")
    void lipschitzActivationsHaveBoundedDerivative(String spec) {
        Activation a = Activation.parse(spec);
        assertTrue(a.isLipschitz(), spec + " is documented Lipschitz");
        double sup = 0;
        for (double z = -50; z <= 50; z += 0.01) {
            sup = Math.max(sup, Math.abs(a.derivative(z)));
        }
        assertTrue(sup < DERIVATIVE_BOUND, spec + ": sup |sigma'| = " + sup);
    }

    @ParameterizedTest
    @MethodSource("activations")
    void specificationRoundTrips(String spec) {
        Activation a = Activation.parse(spec);
        assertEquals(spec, a.spec());
        assertEquals(spec, a.toString());
        assertEquals(a.spec(), Activation.parse(a.spec()).spec());
    }

    @Test
    void parsingAcceptsAliasesAndCase() {
        assertSame(Activation.relu(), Activation.parse(" ReLU "));
        assertSame(Activation.identity(), Activation.parse("linear"));
        assertEquals("leaky-relu:0.01", Activation.parse("leaky_relu").spec());
        assertEquals("leaky-relu:0.25", Activation.parse("leaky-relu:0.25").spec());
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "relu6", "leaky-relu:abc", "leaky-relu:1.5", "leaky-relu:-0.1",
        "leaky-relu:1"})
    void parseErrorsNameTheValue(String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activation.parse(spec));
        String offending = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1) : spec;
        assertTrue(e.getMessage().contains(offending),
                "message should name '" + offending + "': " + e.getMessage());
    }

    @Test
    void unknownActivationMessageGivesTheGrammar() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Activation.parse("swish"));
        assertTrue(e.getMessage().contains(Activation.GRAMMAR), e.getMessage());
    }

    @Test
    void emptyOrNullSpecificationIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Activation.parse(""));
        assertThrows(IllegalArgumentException.class, () -> Activation.parse("   "));
        assertThrows(IllegalArgumentException.class, () -> Activation.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Activation.leakyRelu(Double.NaN));
    }
}
