package org.depthlab.lab.figure;

import java.nio.file.Path;
import java.util.List;

/**
 * What a figure wrote, for the report.
 *
 * @param id      the figure's identifier, e.g. "1" or "limit-sde"
 * @param title   one-line title
 * @param caption what the figure shows and what to look for
 * @param command the command that reproduces it
 * @param dir     its output directory
 * @param images  PNG files (each with an SVG twin), in display order
 * @param config  the full configuration as JSON text
 * @param findings measured facts worth stating beside the figure (may be empty)
 * @param seconds wall time of the run
 */
public record FigureOutput(String id, String title, String caption, String command, Path dir,
        List<Path> images, String config, List<String> findings, double seconds) {

    /** The same output with another wall time. */
    public FigureOutput withSeconds(double wallSeconds) {
        return new FigureOutput(id, title, caption, command, dir, images, config, findings,
                wallSeconds);
    }
}
