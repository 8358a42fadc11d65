package org.depthlab.lab.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.depthlab.lab.sweep.Table;
import org.junit.jupiter.api.Test;

/**
 * The contract every swept figure keeps so that another executor can rebuild its sweep: the
 * plan is a function of (preset, seed) alone, its fingerprint names the seed, and a cell gives
 * the same rows each time it is computed.
 */
class SweptFigureTest {

    /** Figures whose first cell is cheap (a depth-10 network or one fGn network). */
    private static final Set<String> CHEAP_FIRST_CELL = Set.of("1", "3", "4", "5", "7");

    @Test
    void theSweptFiguresAreOneToFiveAndSeven() {
        for (String id : List.of("1", "2", "3", "4", "5", "7")) {
            assertEquals(id, Figures.swept(id).id());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Figures.swept("6"));
        assertTrue(e.getMessage().contains("swept figures: 1, 2, 3, 4, 5, 7"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Figures.swept("limit-sde"));
        assertThrows(IllegalArgumentException.class, () -> Figures.swept("8"));
    }

    @Test
    void aPlanIsRebuiltFromPresetAndSeedAlone() {
        for (String id : List.of("1", "2", "3", "4", "5", "7")) {
            CellPlan a = Figures.swept(id).plan(Preset.QUICK, 3);
            CellPlan b = Figures.swept(id).plan(Preset.QUICK, 3);
            assertEquals(a.fingerprint(), b.fingerprint(), "figure " + id);
            assertEquals(a.cells(), b.cells(), "figure " + id);
            assertEquals(a.layout().columns(), b.layout().columns(), "figure " + id);
            assertNotEquals(a.fingerprint(), Figures.swept(id).plan(Preset.QUICK, 4)
                    .fingerprint(), "figure " + id + ": the seed is in the fingerprint");
            assertNotEquals(a.fingerprint(), Figures.swept(id).plan(Preset.PAPER, 3)
                    .fingerprint(), "figure " + id + ": the grid is in the fingerprint");
            if (CHEAP_FIRST_CELL.contains(id)) {
                List<double[]> first = a.compute(0);
                List<double[]> again = b.compute(0);
                assertEquals(first.size(), again.size(), "figure " + id);
                for (int i = 0; i < first.size(); i++) {
                    assertEquals(a.layout().columns().size(), first.get(i).length);
                    assertArrayEquals(first.get(i), again.get(i), "figure " + id + " row " + i);
                }
            }
        }
    }

    @Test
    void cellsOutsideThePlanAndMistypedParametersAreRefused() {
        Table layout = Table.empty(List.of("x"), Set.of());
        CellPlan plan = new CellPlan("t", 2, layout, Map.of("n", 3, "v", new double[] {1}),
                c -> List.of(new double[] {c}));
        assertThrows(IllegalArgumentException.class, () -> plan.compute(2));
        assertThrows(IllegalArgumentException.class, () -> plan.compute(-1));
        assertEquals(3, plan.integer("n"));
        assertEquals(3.0, plan.number("n"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> plan.integers("v"));
        assertTrue(e.getMessage().contains("parameter 'v' of t should be int[]"),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> plan.integer("absent"));
        assertThrows(IllegalArgumentException.class,
                () -> new CellPlan("t", 0, layout, Map.of(), c -> List.of()));
    }
}
