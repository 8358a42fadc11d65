package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Dyadic nesting: accepted ratios, and errors that name both depths. */
class NestedGridsTest {

    @Test
    void ratiosOfNestedGrids() {
        assertEquals(1, NestedGrids.ratio(512, 512));
        assertEquals(64, NestedGrids.ratio(8, 512));
        assertEquals(4, NestedGrids.ratio(3, 12));
    }

    @Test
    void nonPowerOfTwoRatioNamesBothValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NestedGrids.ratio(24, 512));
        assertTrue(e.getMessage().contains("24") && e.getMessage().contains("512"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NestedGrids.ratio(8, 96));
        assertTrue(e.getMessage().contains("8") && e.getMessage().contains("96"),
                e.getMessage());
    }

    @Test
    void depthAboveTheReferenceOrBelowOneIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NestedGrids.ratio(1024, 512));
        assertTrue(e.getMessage().contains("1024") && e.getMessage().contains("512"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NestedGrids.ratio(0, 512));
        assertThrows(IllegalArgumentException.class, () -> NestedGrids.ratio(8, -8));
    }

    @Test
    void powersOfTwo() {
        assertTrue(NestedGrids.isPowerOfTwo(1));
        assertTrue(NestedGrids.isPowerOfTwo(1 << 30));
        assertFalse(NestedGrids.isPowerOfTwo(0));
        assertFalse(NestedGrids.isPowerOfTwo(12));
        assertFalse(NestedGrids.isPowerOfTwo(Integer.MIN_VALUE));
    }
}
