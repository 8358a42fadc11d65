package org.depthlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.depthlab.lab.figure.CellPlan;
import org.depthlab.lab.figure.FigureContext;
import org.depthlab.lab.figure.Figures;
import org.depthlab.lab.figure.Preset;
import org.depthlab.lab.sweep.Progress;
import org.depthlab.lab.sweep.Sweep;
import org.depthlab.lab.sweep.Table;
import org.depthlab.random.Streams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark's {@code local[2]} master against the local executor: the same figure data to the last
 * bit, and the same resume contract when a cell fails. One Spark context serves the class (a JVM
 * holds at most one, and starting one costs seconds); the tests share no other state.
 */
class SparkSweepTest {

    private static JavaSparkContext spark;

    @BeforeAll
    static void startSpark() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("depthlab-test")
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.host", "localhost")
                .set("spark.driver.bindAddress", "127.0.0.1");
        spark = new JavaSparkContext(conf);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    private static FigureContext context(Path dir, int threads) {
        return new FigureContext(Preset.QUICK, 0, dir.resolve("fig1"), threads, Progress.NONE,
                "test");
    }

    private static void assertSameRows(Table expected, Table actual) {
        assertEquals(expected.columns(), actual.columns());
        assertEquals(expected.rows().size(), actual.rows().size(), "rows");
        for (int i = 0; i < expected.rows().size(); i++) {
            assertArrayEquals(expected.rows().get(i), actual.rows().get(i), "row " + i);
        }
    }

    /** Counts the units a sweep reports. */
    private static final class Count implements Progress {
        final AtomicLong total = new AtomicLong();
        final AtomicLong done = new AtomicLong();

        @Override
        public void start(String task, long units) {
            total.set(units);
        }

        @Override
        public void advance(long units) {
            done.addAndGet(units);
        }

        @Override
        public void finish() {
        }
    }

    @Test
    void figureOneOnSparkEqualsTheLocalSweepRowByRow(@TempDir Path dir) throws IOException {
        Path local = dir.resolve("local");
        Path onSpark = dir.resolve("spark");
        Figures.swept("1").run(context(local, 2));
        new SparkSweep(spark, 7).runFigure("1", context(onSpark, 2));

        Table expected = Table.read(local.resolve("fig1/data.csv"), Set.of());
        Table actual = Table.read(onSpark.resolve("fig1/data.csv"), Set.of());
        assertEquals(200 * 3, expected.rows().size(), "10 depths x 20 draws x 3 beta");
        assertSameRows(expected, actual);
        for (String f : new String[] {"data.csv", "summary.csv"}) {
            assertArrayEquals(Files.readAllBytes(local.resolve("fig1").resolve(f)),
                    Files.readAllBytes(onSpark.resolve("fig1").resolve(f)), f + " byte for byte");
        }
        for (String f : new String[] {"config.json", "fig1.png", "fig1.svg"}) {
            assertTrue(Files.size(onSpark.resolve("fig1").resolve(f)) > 0, f + " written");
        }
        assertFalse(Files.exists(onSpark.resolve("fig1/.cells")), "kept cells cleaned");
    }

    /**
     * A small sweep whose cell rows come from the cell's own stream; the cells listed in
     * {@code failing} throw instead. The fingerprint does not depend on {@code failing}, which
     * changes no number, so a rerun with other failing cells reuses the kept ones.
     */
    record Flaky(int cells, Set<Integer> failing) implements SparkSweep.PlanSource {

        static final Table LAYOUT = Table.empty(List.of("cell", "row", "value"),
                Set.of("cell", "row"));

        static List<double[]> rows(int c) {
            UniformRandomProvider rng = Streams.generator(23, c);
            List<double[]> rows = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                rows.add(new double[] {c, r, rng.nextDouble()});
            }
            return rows;
        }

        @Override
        public CellPlan plan() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("experiment", "flaky");
            params.put("cells", cells);
            Set<Integer> fail = Set.copyOf(failing);
            return new CellPlan("flaky", cells, LAYOUT, params, c -> {
                if (fail.contains(c)) {
                    throw new IllegalStateException("injected failure in cell " + c);
                }
                return rows(c);
            });
        }
    }

    private static Set<Integer> allBut(int cells, int kept) {
        Set<Integer> s = new java.util.HashSet<>();
        for (int c = 0; c < cells; c++) {
            if (c != kept) {
                s.add(c);
            }
        }
        return s;
    }

    @Test
    void failingCellKeepsTheOthersAndASparkRerunComputesOnlyTheMissingOne(@TempDir Path dir) {
        Flaky first = new Flaky(9, Set.of(5));
        SparkSweep sweep = new SparkSweep(spark, 3);
        Sweep.CellsFailed e = assertThrows(Sweep.CellsFailed.class,
                () -> sweep.run(first, first.plan(), dir, Progress.NONE));
        assertTrue(e.getMessage().contains("1 of 9 cells of flaky failed: cells 5"),
                e.getMessage());
        assertTrue(e.getMessage().contains("injected failure in cell 5"), e.getMessage());
        assertTrue(e.getMessage().contains("the 8 finished cells are kept"), e.getMessage());
        assertTrue(Files.exists(dir.resolve(".cells/cell-000004.csv")), "finished cell kept");
        assertFalse(Files.exists(dir.resolve(".cells/cell-000005.csv")), "failed cell absent");

        // every cell but 5 now fails: the rerun passes only if it computes cell 5 alone
        Flaky rerun = new Flaky(9, allBut(9, 5));
        Count progress = new Count();
        Table resumed = sweep.run(rerun, rerun.plan(), dir, progress);
        assertEquals(9, progress.total.get(), "progress total");
        assertEquals(9, progress.done.get(), "8 reloaded and 1 computed cells reported");

        Table fresh = new Sweep(dir.resolve("fresh"), "f", 1, Progress.NONE).run("fresh", 9,
                Flaky.LAYOUT, Flaky::rows);
        assertSameRows(fresh, resumed);
    }

    @Test
    void cellsKeptBySparkResumeInTheLocalSweep(@TempDir Path dir) {
        Flaky first = new Flaky(6, Set.of(0, 4));
        Sweep.CellsFailed e = assertThrows(Sweep.CellsFailed.class,
                () -> new SparkSweep(spark).run(first, first.plan(), dir, Progress.NONE));
        assertTrue(e.getMessage().contains("2 of 6 cells of flaky failed: cells 0, 4"),
                e.getMessage());

        CellPlan plan = new Flaky(6, Set.of(1, 2, 3, 5)).plan();
        Table resumed = new Sweep(dir, plan.fingerprint(), 2, Progress.NONE).run(plan.task(),
                plan.cells(), plan.layout(), plan::compute);
        Table fresh = new Sweep(dir.resolve("fresh"), "f", 1, Progress.NONE).run("fresh", 6,
                Flaky.LAYOUT, Flaky::rows);
        assertSameRows(fresh, resumed);
    }

    @Test
    void executorsRefuseAPlanOtherThanTheDriversOne(@TempDir Path dir) {
        Flaky source = new Flaky(4, Set.of());
        CellPlan other = new CellPlan("flaky", 4, Flaky.LAYOUT, Map.of("experiment", "other"),
                Flaky::rows);
        Sweep.CellsFailed e = assertThrows(Sweep.CellsFailed.class,
                () -> new SparkSweep(spark).run(source, other, dir, Progress.NONE));
        assertTrue(e.getMessage().contains("4 of 4 cells of flaky failed"), e.getMessage());
        assertTrue(e.getMessage().contains("the executor rebuilt another plan"), e.getMessage());
    }

    /**
     * Cell {@code cancelOn} cancels the running job, as an operator (or a lost executor) would
     * end it; the others are cells of {@link Flaky}. Reaching the driver's context from a task
     * works in local mode only, where executors live in the driver's JVM.
     */
    record Cancelling(int cells, int cancelOn, Set<Integer> failing)
            implements SparkSweep.PlanSource {

        @Override
        public CellPlan plan() {
            CellPlan flaky = new Flaky(cells, failing).plan();
            return new CellPlan("cancelling", cells, Flaky.LAYOUT, flaky.parameters(), c -> {
                if (c == cancelOn) {
                    pause(300); // let the driver keep the cells finished so far
                    spark.cancelAllJobs();
                    pause(500); // let the scheduler fail the job before this task ends
                }
                return flaky.compute(c);
            });
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void cellsFinishedBeforeAnAbortedJobAreKept(@TempDir Path dir) throws IOException {
        Cancelling first = new Cancelling(6, 5, Set.of());
        Sweep.CellsFailed e = assertThrows(Sweep.CellsFailed.class,
                () -> new SparkSweep(spark, 6).run(first, first.plan(), dir, Progress.NONE));
        assertTrue(e.getMessage().contains("was aborted"), e.getMessage());
        Set<Integer> kept = new java.util.HashSet<>();
        for (int c = 0; c < 6; c++) {
            if (Files.exists(dir.resolve(".cells/cell-00000" + c + ".csv"))) {
                kept.add(c);
            }
        }
        assertFalse(kept.contains(5), "the cancelling cell is not kept");
        assertTrue(kept.size() >= 3, "cells finished before the abort are kept: " + kept);

        // the kept cells now fail: the rerun passes only if it computes the missing ones alone
        Flaky rerun = new Flaky(6, kept);
        Table resumed = new SparkSweep(spark, 6).run(rerun, rerun.plan(), dir, Progress.NONE);
        Table fresh = new Sweep(dir.resolve("fresh"), "f", 1, Progress.NONE).run("fresh", 6,
                Flaky.LAYOUT, Flaky::rows);
        assertSameRows(fresh, resumed);
    }

    @Test
    void onlySweptFiguresRunOnSpark() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SparkSweep.FigurePlan("6", "quick", 0));
        assertTrue(e.getMessage().contains("is not a sweep"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new SparkSweep.FigurePlan("99", "quick", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SparkSweep.FigurePlan("1", "huge", 0));
    }
}
