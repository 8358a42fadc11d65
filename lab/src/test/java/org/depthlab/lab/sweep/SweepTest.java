package org.depthlab.lab.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {

    private static final Table LAYOUT = Table.empty(List.of("cell", "row", "value"),
            Set.of("cell", "row"));

    /** A pure cell function: three rows drawn from the cell's own stream. */
    private static List<double[]> cell(int c) {
        var rng = Streams.generator(11, c);
        return List.of(new double[] {c, 0, rng.nextDouble()}, new double[] {c, 1,
            rng.nextDouble()}, new double[] {c, 2, rng.nextDouble()});
    }

    private static void assertSameTable(Table a, Table b) {
        assertEquals(a.rows().size(), b.rows().size());
        for (int i = 0; i < a.rows().size(); i++) {
            assertArrayEquals(a.rows().get(i), b.rows().get(i), "row " + i);
        }
    }

    @Test
    void resultsDoNotDependOnThreadCount(@TempDir Path dir) {
        Table one = new Sweep(dir.resolve("a"), "f", 1, Progress.NONE).run("t", 17, LAYOUT,
                SweepTest::cell);
        Table three = new Sweep(dir.resolve("b"), "f", 3, Progress.NONE).run("t", 17, LAYOUT,
                SweepTest::cell);
        assertEquals(17 * 3, one.rows().size());
        assertSameTable(one, three);
        for (int i = 0; i < one.rows().size(); i++) {
            assertEquals(i / 3, (int) one.rows().get(i)[0], "rows come back in cell order");
        }
    }

    @Test
    void failingCellKeepsTheOthersAndARerunComputesOnlyWhatIsMissing(@TempDir Path dir) {
        IntFunction<List<double[]>> failsOnFive = c -> {
            if (c == 5) {
                throw new IllegalStateException("boom in cell five");
            }
            return cell(c);
        };
        Sweep.CellsFailed e = assertThrows(Sweep.CellsFailed.class,
                () -> new Sweep(dir, "f", 2, Progress.NONE).run("t", 9, LAYOUT, failsOnFive));
        assertTrue(e.getMessage().contains("1 of 9 cells failed"), e.getMessage());
        assertTrue(e.getMessage().contains("boom in cell five"), e.getMessage());
        assertTrue(Files.exists(dir.resolve(".cells/cell-000004.csv")), "finished cell kept");
        assertFalse(Files.exists(dir.resolve(".cells/cell-000005.csv")), "failed cell absent");

        Set<Integer> computed = ConcurrentHashMap.newKeySet();
        Sweep again = new Sweep(dir, "f", 2, Progress.NONE);
        Table resumed = again.run("t", 9, LAYOUT, c -> {
            computed.add(c);
            return cell(c);
        });
        assertEquals(Set.of(5), computed, "only the failed cell is recomputed");
        Table fresh = new Sweep(dir.resolve("fresh"), "f", 1, Progress.NONE).run("t", 9, LAYOUT,
                SweepTest::cell);
        assertSameTable(fresh, resumed);
    }

    @Test
    void anotherConfigurationDiscardsKeptCells(@TempDir Path dir) throws Exception {
        IntFunction<List<double[]>> failsOnZero = c -> {
            if (c == 0) {
                throw new IllegalStateException("fail");
            }
            return cell(c);
        };
        assertThrows(Sweep.CellsFailed.class,
                () -> new Sweep(dir, "config A", 1, Progress.NONE).run("t", 4, LAYOUT,
                        failsOnZero));
        Set<Integer> computed = ConcurrentHashMap.newKeySet();
        new Sweep(dir, "config B", 1, Progress.NONE).run("t", 4, LAYOUT, c -> {
            computed.add(c);
            return cell(c);
        });
        assertEquals(Set.of(0, 1, 2, 3), computed, "cells of config A are not reused for B");
    }

    @Test
    void cleanRemovesTheKeptCells(@TempDir Path dir) throws Exception {
        Sweep s = new Sweep(dir, "f", 1, Progress.NONE);
        s.run("t", 3, LAYOUT, SweepTest::cell);
        assertTrue(Files.isDirectory(dir.resolve(".cells")));
        s.clean();
        assertFalse(Files.exists(dir.resolve(".cells")));
    }

    @Test
    void overflowValuesSurviveTheRoundTripThroughCellFiles(@TempDir Path dir) {
        IntFunction<List<double[]>> odd = c -> {
            if (c == 1) {
                throw new IllegalStateException("fail once");
            }
            return List.of(new double[] {c, 0, Double.POSITIVE_INFINITY},
                    new double[] {c, 1, Double.NaN});
        };
        assertThrows(Sweep.CellsFailed.class,
                () -> new Sweep(dir, "f", 1, Progress.NONE).run("t", 2, LAYOUT, odd));
        Table t = new Sweep(dir, "f", 1, Progress.NONE).run("t", 2, LAYOUT,
                c -> List.of(new double[] {c, 0, 1.0}, new double[] {c, 1, 2.0}));
        assertEquals(Double.POSITIVE_INFINITY, t.rows().get(0)[2], "reloaded Infinity");
        assertTrue(Double.isNaN(t.rows().get(1)[2]), "reloaded NaN");
    }
}
