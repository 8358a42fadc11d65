package org.depthlab.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkersTest {

    @Test
    void everyTaskRunsOnceWhateverTheThreadCount() {
        for (int threads : new int[] {1, 2, 3, 8}) {
            int[] hits = new int[37];
            Workers.run(37, threads, "test", () -> null, (s, i) -> {
                synchronized (hits) {
                    hits[i]++;
                }
            });
            int[] once = new int[37];
            java.util.Arrays.fill(once, 1);
            assertArrayEquals(once, hits, "threads = " + threads);
        }
    }

    @Test
    void eachWorkerGetsItsOwnState() {
        AtomicInteger made = new AtomicInteger();
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        Workers.run(10, 3, "test", () -> {
            made.incrementAndGet();
            return new Object();
        }, (s, i) -> seen.add(s));
        assertEquals(3, made.get(), "one state per worker");
        assertEquals(3, seen.size());
    }

    @Test
    void aFailingTaskIsRethrownAndBadArgumentsAreRejected() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Workers.run(5, 2, "test", () -> null, (s, i) -> {
                    if (i == 3) {
                        throw new IllegalStateException("task 3");
                    }
                }));
        assertEquals("task 3", e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Workers.run(5, 0, "test", () -> null, (s, i) -> { }));
        assertThrows(IllegalArgumentException.class,
                () -> Workers.run(-1, 1, "test", () -> null, (s, i) -> { }));
    }
}
