package org.depthlab.lab.figure;

import java.io.IOException;

/**
 * One figure of the paper (or of depthlab's own): runs its grid for a preset and writes, in its
 * directory, {@code data.csv} (raw rows), {@code summary.csv} (aggregates per cell), plots as
 * PNG and SVG and {@code config.json} (full configuration, seed, version, time).
 */
public interface Figure {

    /** The identifier used on the command line and in directory names ("1" gives fig1). */
    String id();

    /** One-line title. */
    String title();

    /** Runs the figure. */
    FigureOutput run(FigureContext context) throws IOException;
}
