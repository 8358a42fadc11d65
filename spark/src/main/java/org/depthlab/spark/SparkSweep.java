package org.depthlab.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Serializable;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.depthlab.lab.figure.CellPlan;
import org.depthlab.lab.figure.FigureContext;
import org.depthlab.lab.figure.FigureOutput;
import org.depthlab.lab.figure.Figures;
import org.depthlab.lab.figure.Preset;
import org.depthlab.lab.figure.SweptFigure;
import org.depthlab.lab.sweep.CellStore;
import org.depthlab.lab.sweep.Progress;
import org.depthlab.lab.sweep.Sweep;
import org.depthlab.lab.sweep.Table;
import scala.collection.Iterator;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * Runs the cells of a figure's sweep as one Spark job and assembles the same table as the local
 * {@link Sweep}: the cells are pure functions of their index, so where they run does not change
 * a single bit of the result.
 *
 * <p>The job parallelizes the indices of the cells still missing from the figure's
 * {@link CellStore}. An executor never receives the plan itself (weight laws and lambdas are
 * not serializable): it receives a {@link PlanSource} of primitives (figure id, preset, seed),
 * rebuilds the plan once per partition, checks that the rebuilt plan has the driver's
 * fingerprint, and computes its cells one by one. A cell that throws is returned as a failure
 * and does not stop the others. As each partition finishes, the driver keeps its cells in the
 * same store the local sweep uses, so a rerun, local or on Spark, computes only the missing
 * cells, even after the job itself was aborted (an executor lost more often than
 * {@code spark.task.maxFailures}).
 *
 * <p>Partitions: by default {@link #SLICES_PER_CORE} per core of the cluster's default
 * parallelism, at most one per cell. Contiguous cells share a partition, so the caches of one
 * rebuilt plan (one fGn or Gaussian-process factorization per depth) serve several cells; more
 * partitions balance the load better and cost one plan per partition.
 */
public final class SparkSweep {

    /** Default partitions per core of {@code defaultParallelism}. */
    public static final int SLICES_PER_CORE = 4;

    /** Failed cells listed by number in an exception message; the rest are counted. */
    private static final int LISTED_FAILURES = 20;

    /**
     * How an executor rebuilds a plan: a serializable value of primitives whose {@link #plan}
     * is a pure function of them.
     */
    public interface PlanSource extends Serializable {

        /** The plan; called on the driver and once per partition on the executors. */
        CellPlan plan();
    }

    /** The plan of a registered swept figure ({@link Figures#swept}) at a preset and seed. */
    public record FigurePlan(String figureId, String preset, long seed) implements PlanSource {

        public FigurePlan {
            Figures.swept(figureId);
            Preset.parse(preset);
        }

        @Override
        public CellPlan plan() {
            return Figures.swept(figureId).plan(Preset.parse(preset), seed);
        }
    }

    /**
     * What one cell gave on an executor: its rows, or the text of its failure.
     *
     * @param cell    the cell index
     * @param rows    the rows (null on failure)
     * @param failure the exception as {@code toString()} (null on success)
     * @param trace   the stack trace of the failure (null on success)
     */
    record CellResult(int cell, double[][] rows, String failure, String trace)
            implements Serializable {
    }

    private final JavaSparkContext spark;
    private final int slices;

    /** A sweep with the default number of partitions. */
    public SparkSweep(JavaSparkContext spark) {
        this(spark, 0);
    }

    /**
     * @param spark  the context the jobs run on; not stopped by this class
     * @param slices partitions per job (capped at the number of missing cells), or 0 for
     *               {@link #SLICES_PER_CORE} per core of the default parallelism
     */
    public SparkSweep(JavaSparkContext spark, int slices) {
        if (slices < 0) {
            throw new IllegalArgumentException("slices must be >= 0 (0: default), got " + slices);
        }
        this.spark = spark;
        this.slices = slices;
    }

    /**
     * Runs figure {@code figureId}'s sweep at {@code ctx.preset()} and {@code ctx.seed()} on
     * Spark, then the figure's {@link SweptFigure#finish} on the driver: the same files in
     * {@code ctx.dir()} as {@code depthlab figure}, with identical {@code data.csv} and
     * {@code summary.csv}. The kept cells are deleted once the outputs are written.
     *
     * @throws IllegalArgumentException if the figure does not exist or is not a sweep
     * @throws Sweep.CellsFailed        if cells failed; the finished ones are kept for a rerun
     */
    public FigureOutput runFigure(String figureId, FigureContext ctx) throws IOException {
        long started = System.nanoTime();
        SweptFigure figure = Figures.swept(figureId);
        PlanSource source = new FigurePlan(figureId, ctx.preset().spec(), ctx.seed());
        CellPlan plan = source.plan();
        Table data = run(source, plan, ctx.dir(), ctx.progress());
        FigureOutput output = figure.finish(ctx, plan, data);
        CellStore.open(ctx.dir(), plan.fingerprint()).clean();
        return output.withSeconds((System.nanoTime() - started) * 1e-9);
    }

    /**
     * Computes the cells of {@code plan} missing from the cell store of {@code dir} on Spark,
     * keeps them there, and returns the rows of every cell in cell order.
     *
     * @param source   rebuilds {@code plan} on the executors
     * @param plan     the driver's copy of {@code source.plan()}
     * @param dir      output directory whose {@code .cells/} keeps finished cells
     * @param progress receives one unit per cell, on the driver
     * @throws Sweep.CellsFailed if cells failed or the job was aborted; the finished cells are
     *                           kept and a rerun computes only the missing ones
     */
    public Table run(PlanSource source, CellPlan plan, Path dir, Progress progress) {
        int width = plan.layout().columns().size();
        CellStore store;
        try {
            Files.createDirectories(dir);
            store = CellStore.open(dir, plan.fingerprint());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the cell store in " + dir, e);
        }

        // reload the kept cells
        List<List<double[]>> results = new ArrayList<>(plan.cells());
        List<Integer> todo = new ArrayList<>();
        for (int c = 0; c < plan.cells(); c++) {
            List<double[]> kept = store.load(c, width);
            results.add(kept);
            if (kept == null) {
                todo.add(c);
            }
        }

        // one job over the missing cells; each partition's cells are kept as it finishes
        progress.start(plan.task(), plan.cells());
        progress.advance(plan.cells() - todo.size());
        TreeMap<Integer, CellResult> failures = new TreeMap<>();
        Exception aborted = null;
        try {
            if (!todo.isEmpty()) {
                int n = slices > 0 ? slices : SLICES_PER_CORE * spark.defaultParallelism();
                JavaRDD<Integer> cells = spark.parallelize(todo, Math.min(n, todo.size()));
                spark.setJobDescription(String.format(Locale.ROOT, "depthlab %s: %d of %d cells",
                        plan.task(), todo.size(), plan.cells()));
                spark.sc().runJob(cells.rdd(),
                        new ComputePartition(source, plan.fingerprint(), width),
                        (Object partition, CellResult[] done) -> {
                            keep(done, plan.layout(), store, results, failures);
                            progress.advance(done.length);
                            return BoxedUnit.UNIT;
                        }, resultTag());
            }
        } catch (Exception e) { // a SparkException, unchecked from Java's point of view
            aborted = e;
        } finally {
            spark.setJobDescription(null);
            progress.finish();
        }

        // report what is missing, else assemble in cell order
        synchronized (results) {
            int missing = 0;
            for (List<double[]> rows : results) {
                missing += rows == null ? 1 : 0;
            }
            if (missing > 0) {
                throw failed(plan, store, failures, missing, aborted);
            }
            Table table = Table.empty(plan.layout().columns(), plan.layout().integers());
            for (List<double[]> rows : results) {
                for (double[] r : rows) {
                    table.add(r);
                }
            }
            return table;
        }
    }

    /** Keeps the cells of one finished partition; called on the driver's scheduler thread. */
    private static void keep(CellResult[] done, Table layout, CellStore store,
            List<List<double[]>> results, TreeMap<Integer, CellResult> failures) {
        synchronized (results) {
            for (CellResult r : done) {
                if (r.failure() != null) {
                    failures.put(r.cell(), r);
                    continue;
                }
                List<double[]> rows = List.of(r.rows());
                store.save(r.cell(), layout, rows);
                results.set(r.cell(), rows);
            }
        }
    }

    private static Sweep.CellsFailed failed(CellPlan plan, CellStore store,
            TreeMap<Integer, CellResult> failures, int missing, Exception aborted) {
        int finished = plan.cells() - missing;
        StringBuilder b = new StringBuilder();
        Throwable cause = aborted;
        if (!failures.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%d of %d cells of %s failed: cells ",
                    failures.size(), plan.cells(), plan.task()));
            int listed = 0;
            for (int c : failures.keySet()) {
                if (listed == LISTED_FAILURES) {
                    b.append(" and ").append(failures.size() - listed).append(" more");
                    break;
                }
                b.append(listed++ == 0 ? "" : ", ").append(c);
            }
            CellResult first = failures.firstEntry().getValue();
            b.append(" (first: cell ").append(first.cell()).append(": ").append(first.failure())
                    .append(")");
            IllegalStateException remote = new IllegalStateException("cell " + first.cell()
                    + " failed on an executor: " + first.trace());
            if (cause == null) {
                cause = remote;
            } else {
                cause.addSuppressed(remote);
            }
        }
        if (aborted != null) {
            b.append(b.length() == 0 ? "" : "; ").append("the Spark job for ").append(plan.task())
                    .append(" was aborted (").append(firstLine(aborted)).append(")");
        }
        b.append(b.length() == 0 ? "cells of " + plan.task() + " are missing" : "");
        b.append(String.format(Locale.ROOT, "; the %d finished cells are kept in %s and a rerun"
                + " (local or Spark) computes only the %d missing ones", finished,
                store.directory(), missing));
        return new Sweep.CellsFailed(b.toString(), cause);
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl));
    }

    @SuppressWarnings("unchecked")
    private static ClassTag<CellResult[]> resultTag() {
        return (ClassTag<CellResult[]>) (ClassTag<?>) ClassTag$.MODULE$.apply(CellResult[].class);
    }

    /**
     * The task of one partition, run on an executor: rebuilds the plan from its source, checks
     * its fingerprint against the driver's, and computes the partition's cells, each failure
     * caught and returned as data.
     */
    static final class ComputePartition extends AbstractFunction1<Iterator<Integer>, CellResult[]>
            implements Serializable {

        private static final long serialVersionUID = 1L;

        private final PlanSource source;
        private final String fingerprint;
        private final int width;

        ComputePartition(PlanSource source, String fingerprint, int width) {
            this.source = source;
            this.fingerprint = fingerprint;
            this.width = width;
        }

        @Override
        public CellResult[] apply(Iterator<Integer> cells) {
            List<Integer> indices = new ArrayList<>();
            while (cells.hasNext()) {
                indices.add(cells.next());
            }
            List<CellResult> out = new ArrayList<>(indices.size());

            // rebuild the plan; a different one (another depthlab on the executors) fails all
            CellPlan plan;
            try {
                plan = source.plan();
                if (!plan.fingerprint().equals(fingerprint)) {
                    throw new IllegalStateException("the executor rebuilt another plan from "
                            + source + ": fingerprint " + plan.fingerprint() + ", expected "
                            + fingerprint + "; do the driver and executors run the same"
                            + " depthlab jar?");
                }
            } catch (RuntimeException | Error e) {
                for (int c : indices) {
                    out.add(failure(c, e));
                }
                return out.toArray(new CellResult[0]);
            }

            // the cells, one by one
            for (int c : indices) {
                try {
                    List<double[]> rows = plan.compute(c);
                    for (double[] r : rows) {
                        if (r.length != width) {
                            throw new IllegalStateException("cell " + c + " gave a row of "
                                    + r.length + " values, expected " + width + " columns");
                        }
                    }
                    out.add(new CellResult(c, rows.toArray(new double[0][]), null, null));
                } catch (RuntimeException | Error e) {
                    out.add(failure(c, e));
                }
            }
            return out.toArray(new CellResult[0]);
        }

        private static CellResult failure(int cell, Throwable e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            return new CellResult(cell, null, e.toString(), trace.toString());
        }
    }
}
