package org.depthlab.lab.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridsTest {

    @Test
    void integerDepthGridMatchesNumpy() {
        // numpy.linspace(10, 1e3, num=10, dtype=int)
        assertArrayEquals(new int[] {10, 120, 230, 340, 450, 560, 670, 780, 890, 1000},
                Grids.linspaceInt(10, 1000, 10));
    }

    @Test
    void linspaceHitsBothEnds() {
        double[] b = Grids.linspace(0, 1.3, 70);
        assertEquals(70, b.length);
        assertEquals(0.0, b[0]);
        assertEquals(1.3, b[69]);
        assertEquals(1.3 / 69, b[1], 1e-15);
    }
}
