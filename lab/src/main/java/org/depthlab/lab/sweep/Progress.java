package org.depthlab.lab.sweep;

/**
 * Events of a long run: the sweep emits them, a listener turns them into a progress bar, a log
 * or nothing. Implementations must be thread-safe: cells finish on worker threads.
 */
public interface Progress {

    /** A listener that ignores every event. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {
        }

        @Override
        public void advance(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /** A task of {@code total} units begins. */
    void start(String task, long total);

    /** {@code done} more units are finished. */
    void advance(long done);

    /** The task ended (successfully or not). */
    void finish();
}
