package org.depthlab.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * Runs indexed tasks on a fixed number of threads, each thread with its own state (a
 * propagator, buffers). Task i goes to worker i mod threads; tasks must write their results by
 * index, so the outcome does not depend on the thread count or on scheduling.
 */
public final class Workers {

    private Workers() {
    }

    /**
     * Runs {@code task.accept(state, i)} for i in [0, tasks), each worker with a state made by
     * {@code state} on its own thread. With one thread (or one task) everything runs on the
     * caller's thread. The first exception of a task is rethrown once all workers stop.
     *
     * @throws IllegalArgumentException if tasks &lt; 0 or threads &lt; 1
     */
    public static <S> void run(int tasks, int threads, String name, Supplier<S> state,
            ObjIntConsumer<S> task) {
        if (tasks < 0) {
            throw new IllegalArgumentException("task count must be >= 0, got " + tasks);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int t = Math.min(threads, tasks);
        if (t <= 1) {
            S s = tasks > 0 ? state.get() : null;
            for (int i = 0; i < tasks; i++) {
                task.accept(s, i);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, name);
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> futures = new ArrayList<>(t);
            for (int w = 0; w < t; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    S s = state.get();
                    for (int i = worker; i < tasks; i += t) {
                        task.accept(s, i);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name + " interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
