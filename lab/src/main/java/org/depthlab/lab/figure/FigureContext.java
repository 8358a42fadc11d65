package org.depthlab.lab.figure;

import java.nio.file.Path;
import org.depthlab.lab.sweep.Progress;

/**
 * Where and how a figure runs.
 *
 * @param preset   grid scale
 * @param seed     root seed of every draw
 * @param dir      the figure's own output directory (created by the figure)
 * @param threads  worker threads, at least 1; results do not depend on it
 * @param progress receives progress events
 * @param command  the command line that reproduces this figure, for provenance
 */
public record FigureContext(Preset preset, long seed, Path dir, int threads, Progress progress,
        String command) {

    public FigureContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }
}
