package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.depthlab.random.Streams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MaternStateSpaceTest {

    /**
     * The recursion's covariance is an exact algebraic identity; what separates it from the
     * kernel is rounding in exp(F dt) and in A^k (k up to 500), far below 1e-9.
     */
    private static final double EXACT = 1e-9;

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.5, 2.5})
    void recursionCovarianceIsTheKernelAtEveryLag(double nu) {
        for (double ell : new double[] {0.05, 0.2, 1.0}) {
            for (int depth : new int[] {10, 1000}) {
                Kernel kernel = Kernel.matern(nu, ell);
                MaternStateSpace chain = new MaternStateSpace(kernel, 1.0 / depth);
                for (int k : new int[] {0, 1, 2, 7, depth / 2}) {
                    assertEquals(kernel.at((double) k / depth), chain.lagCovariance(k), EXACT,
                            kernel.spec() + ", depth " + depth + ", lag " + k);
                }
                assertTrue(chain.stationarityDefect() < EXACT, kernel.spec()
                        + ": A P A^T + Q = P, defect " + chain.stationarityDefect());
            }
        }
    }

    /** Scaling and squaring loses a few ulps per squaring: 1e-14 relative is ample. */
    private static final double EXPM_RELATIVE = 1e-14;

    @Test
    void expmOfADiagonalMatrixIsTheExponentials() {
        double[] e = MaternStateSpace.expm(new double[] {-3.0, 0, 0, 0.25}, 2);
        assertEquals(Math.exp(-3.0), e[0], EXPM_RELATIVE * Math.exp(-3.0));
        assertEquals(Math.exp(0.25), e[3], EXPM_RELATIVE * Math.exp(0.25));
        assertEquals(0.0, e[1], 0.0);
    }

    @Test
    void samplesAreFiniteAndTheRbfIsRefused() {
        MaternStateSpace chain = new MaternStateSpace(Kernel.matern(2.5, 0.01), 1e-3);
        double[] out = new double[3000];
        chain.sample(Streams.gaussians(5), out, 0, 3, 1000, 1.0);
        for (int k = 0; k < 1000; k++) {
            assertTrue(Double.isFinite(out[3 * k]), "step " + k);
        }
        assertEquals(0.0, out[1], 0.0, "stride leaves other slots alone");
        assertThrows(IllegalArgumentException.class,
                () -> new MaternStateSpace(Kernel.rbf(0.1), 0.01));
        assertThrows(IllegalArgumentException.class,
                () -> new MaternStateSpace(Kernel.matern(0.5, 0.1), 0.0));
    }
}
