package org.depthlab.lab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the cells of a sweep on local threads, keeping each finished cell on disk so that an
 * interrupted sweep, or one that meets a failing cell, resumes where it stopped.
 *
 * <p>Cell {@code c} is a pure function of its index (its randomness comes from streams keyed by
 * the seed and the cell), so cells may run in any order on any thread and the assembled table
 * does not depend on either. Finished cells are kept in the {@link CellStore} of {@code dir}
 * ({@code dir/.cells/}) under the fingerprint of the configuration they were computed under; a
 * sweep whose configuration differs starts afresh. {@link #run} returns the rows of all cells
 * in cell order; {@link #clean} deletes the cell files once the caller has written the table.
 */
public final class Sweep {

    /** A sweep in which some cells failed; every other cell is kept for the next run. */
    public static final class CellsFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CellsFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path dir;
    private final String fingerprint;
    private final int threads;
    private final Progress progress;

    /**
     * @param dir         output directory of the experiment (created if absent)
     * @param fingerprint the configuration as text; cells computed under another are discarded
     * @param threads     worker threads, at least 1
     * @param progress    receives one unit per finished cell
     */
    public Sweep(Path dir, String fingerprint, int threads, Progress progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Computes (or reloads) every cell and returns their rows in cell order.
     *
     * @param task    name shown by the progress listener
     * @param cells   number of cells
     * @param columns the columns of the rows every cell returns
     * @param compute cell index to its rows; must be a pure function of the index
     * @throws CellsFailed if a cell threw; the finished cells stay on disk
     */
    public Table run(String task, int cells, Table columns, IntFunction<List<double[]>> compute) {
        CellStore store;
        try {
            store = CellStore.open(dir, fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir.resolve(".cells"), e);
        }
        Path cellDir = store.directory();
        List<List<double[]>> results = new ArrayList<>(cells);
        List<Integer> todo = new ArrayList<>();
        for (int c = 0; c < cells; c++) {
            List<double[]> kept = store.load(c, columns.columns().size());
            results.add(kept);
            if (kept == null) {
                todo.add(c);
            }
        }

        progress.start(task, cells);
        progress.advance(cells - todo.size());
        AtomicInteger failures = new AtomicInteger();
        Throwable[] firstFailure = new Throwable[1];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads,
                todo.size())), r -> {
                    Thread t = new Thread(r, "depthlab-sweep");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c : todo) {
                futures.add(pool.submit(() -> {
                    try {
                        List<double[]> rows = compute.apply(c);
                        store.save(c, columns, rows);
                        synchronized (results) {
                            results.set(c, rows);
                        }
                    } catch (RuntimeException | Error e) {
                        failures.incrementAndGet();
                        synchronized (firstFailure) {
                            if (firstFailure[0] == null) {
                                firstFailure[0] = new IllegalStateException("cell " + c
                                        + " failed: " + e, e);
                            }
                        }
                    } finally {
                        progress.advance(1);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CellsFailed("sweep interrupted; finished cells are kept in " + cellDir, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        if (failures.get() > 0) {
            throw new CellsFailed(String.format(Locale.ROOT,
                    "%d of %d cells failed (first: %s); the %d finished cells are kept in %s and"
                            + " a rerun computes only the missing ones", failures.get(), cells,
                    firstFailure[0].getMessage(), cells - failures.get(), cellDir),
                    firstFailure[0]);
        }

        Table table = Table.empty(columns.columns(), columns.integers());
        for (List<double[]> rows : results) {
            for (double[] r : rows) {
                table.add(r);
            }
        }
        return table;
    }

    /** Removes the kept cells once the assembled results are safely written. */
    public void clean() throws IOException {
        new CellStore(dir).clean();
    }
}
