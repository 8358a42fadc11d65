package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GaussianProcessLawTest {

    private static final int DEPTH = 40;
    private static final int ROWS = 20;
    private static final int COLS = 20;
    /** Independent sample calls (keys); 5 x 400 = 2000 independent entry paths. */
    private static final int KEYS = 5;
    /**
     * Largest acceptable standard error of a covariance estimate: cols M_k M_{k+l} has variance
     * 1 + kappa^2 &lt;= 2, so with 2000 entries the standard error is at most 0.032.
     */
    private static final double MAX_STANDARD_ERROR = 0.035;
    /**
     * Closed forms are evaluated with exp and a few products: within a few ulps of values &lt;= 1.
     */
    private static final double FORMULA_TOLERANCE = 1e-15;
    /**
     * Entrywise bound on K - F F^T: the residual of the pivoted Cholesky is positive
     * semi-definite with diagonal below RANK_TOLERANCE * trace(K), hence entries below that too;
     * the factor is doubled, and 1e-13 added for the rounding of r-term dot products.
     */
    private static double gramTolerance(int depth) {
        return 2 * GaussianProcessLaw.RANK_TOLERANCE * depth + 1e-13;
    }

    @Test
    void kernelClosedForms() {
        double r = 0.3;
        double ell = 0.2;
        assertEquals(Math.exp(-r * r / (2 * ell * ell)), Kernel.rbf(ell).at(r), FORMULA_TOLERANCE);
        assertEquals(Math.exp(-r / ell), Kernel.matern(0.5, ell).at(r), FORMULA_TOLERANCE);
        double s3 = Math.sqrt(3) * r / ell;
        assertEquals((1 + s3) * Math.exp(-s3), Kernel.matern(1.5, ell).at(r), FORMULA_TOLERANCE);
        double s5 = Math.sqrt(5) * r / ell;
        assertEquals((1 + s5 + 5 * r * r / (3 * ell * ell)) * Math.exp(-s5),
                Kernel.matern(2.5, ell).at(r), FORMULA_TOLERANCE);
        for (Kernel k : kernels()) {
            assertEquals(1.0, k.at(0.0), 0.0, k.spec());
            assertEquals(k.at(0.1), k.at(-0.1), 0.0, k.spec());
        }
    }

    @Test
    void kernelDeclarations() {
        assertEquals("rbf:0.1", Kernel.rbf(0.1).spec());
        assertEquals("matern:1.5:0.2", Kernel.matern(1.5, 0.2).spec());
        assertEquals(1.0, Kernel.rbf(0.1).regularity(), 0.0);
        assertEquals(0.5, Kernel.matern(0.5, 0.1).regularity(), 0.0);
        assertEquals(1.0, Kernel.matern(1.5, 0.1).regularity(), 0.0);
        assertEquals(1.0, Kernel.matern(2.5, 0.1).regularity(), 0.0);
    }

    @Test
    void kernelRejectsInvalidParameters() {
        for (double ell : new double[] {0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Kernel.rbf(ell));
            assertTrue(e.getMessage().contains("positive and finite"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Kernel.matern(1.5, ell));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernel.matern(2.0, 0.1));
        assertTrue(e.getMessage().contains("got 2") && e.getMessage().contains("0.5, 1.5, 2.5"),
                e.getMessage());
    }

    @Test
    void sampleCovarianceAcrossLayersMatchesTheKernel() {
        for (Kernel kernel : kernels()) {
            GaussianProcessLaw law = new GaussianProcessLaw(kernel);
            double[][] paths = entryPaths(law);
            for (int k : new int[] {0, 17}) {
                for (int lag : new int[] {0, 1, 4, 10, 22}) {
                    double[] units = new double[paths.length];
                    for (int e = 0; e < paths.length; e++) {
                        units[e] = COLS * paths[e][k] * paths[e][k + lag];
                    }
                    Moments.assertMean(kernel.spec() + ", layers " + k + ", " + (k + lag), units,
                            kernel.at((double) lag / DEPTH), MAX_STANDARD_ERROR);
                }
            }
        }
    }

    @Test
    void factorReproducesTheGramMatrix() {
        int depth = 300;
        for (Kernel kernel : kernels()) {
            GaussianProcessLaw.Factor factor = new GaussianProcessLaw(kernel).factor(depth);
            int r = factor.rank;
            double worst = 0.0;
            for (int a = 0; a < depth; a++) {
                for (int b = 0; b <= a; b++) {
                    double s = 0.0;
                    for (int q = 0; q < r; q++) {
                        s += factor.at(a, q) * factor.at(b, q);
                    }
                    double exact = kernel.at((double) (factor.perm[a] - factor.perm[b]) / depth);
                    worst = Math.max(worst, Math.abs(s - exact));
                }
            }
            assertTrue(worst <= gramTolerance(depth), kernel.spec() + ": max |K - F F^T| = "
                    + worst + " at rank " + r);
        }
    }

    @Test
    void smoothKernelsAreLowRankAtDepth2000() {
        int depth = 2000;
        for (Kernel kernel : new Kernel[] {Kernel.rbf(0.1), Kernel.rbf(0.5)}) {
            GaussianProcessLaw law = new GaussianProcessLaw(kernel);
            int rank = law.rank(depth);
            assertTrue(rank >= 1 && rank < 100, kernel.spec() + ": rank " + rank);
            assertFinite(law, depth);
        }
    }

    @Test
    void maternHalfIsFullRankAtDepth2000() {
        // the Ornstein-Uhlenbeck Gram matrix has smallest eigenvalue about 1/(2 ell L) = 0.0025
        int depth = 2000;
        GaussianProcessLaw law = new GaussianProcessLaw(Kernel.matern(0.5, 0.1));
        assertEquals(depth, law.rank(depth));
        assertFinite(law, depth);
    }

    @Test
    void correlationIsTheKernelAtLagOverDepth() {
        GaussianProcessLaw law = new GaussianProcessLaw(Kernel.rbf(0.1));
        assertEquals(Kernel.rbf(0.1).at(0.25), law.correlation(250, 1000), 0.0);
        assertEquals(1, law.rank(1));
        assertThrows(IllegalArgumentException.class, () -> law.correlation(1, 0));
        assertThrows(IllegalArgumentException.class, () -> new GaussianProcessLaw(null));
    }

    private static Kernel[] kernels() {
        return new Kernel[] {Kernel.rbf(0.2), Kernel.matern(0.5, 0.2), Kernel.matern(1.5, 0.2),
            Kernel.matern(2.5, 0.2)};
    }

    /** KEYS * ROWS * COLS independent entry paths, each of length DEPTH. */
    private static double[][] entryPaths(WeightLaw law) {
        int size = ROWS * COLS;
        double[][] paths = new double[KEYS * size][DEPTH];
        double[] out = new double[DEPTH * size];
        for (int key = 0; key < KEYS; key++) {
            law.sample(DEPTH, ROWS, COLS, 100 + key, out);
            for (int e = 0; e < size; e++) {
                for (int k = 0; k < DEPTH; k++) {
                    paths[key * size + e][k] = out[k * size + e];
                }
            }
        }
        return paths;
    }

    private static void assertFinite(WeightLaw law, int depth) {
        double[] out = new double[depth * 4];
        law.sample(depth, 2, 2, 9, out);
        for (double v : out) {
            assertTrue(Double.isFinite(v), law.spec() + " drew " + v);
        }
    }
}
