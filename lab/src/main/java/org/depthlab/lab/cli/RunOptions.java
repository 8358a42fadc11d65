package org.depthlab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.depthlab.lab.figure.Preset;
import picocli.CommandLine.Option;

/** The options of a figure run, shared by {@code figure} and {@code reproduce}. */
public final class RunOptions {

    @Option(names = "--preset", defaultValue = "quick", paramLabel = "P",
            description = "quick (a minute or two) or paper (the full grids). "
                    + "Default: ${DEFAULT-VALUE}.")
    String preset;

    @Option(names = "--out", defaultValue = "results", paramLabel = "DIR",
            description = "Run directory. Default: ${DEFAULT-VALUE}.")
    String out;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Root seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", paramLabel = "N",
            description = "Worker threads (default: all cores). Does not change the results.")
    Integer threads;

    /** The preset, or {@link BadOption} naming the value. */
    Preset preset() {
        try {
            return Preset.parse(preset);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--preset", preset, "expected quick | paper");
        }
    }

    long seed() {
        return seed;
    }

    /** The thread count: the option, or all cores. */
    int threads() {
        return threadsOf(threads);
    }

    static int threadsOf(Integer threads) {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        NetworkOptions.atLeastOne("--threads", t);
        return t;
    }

    /** Creates the run directory or fails with a one-line message naming it. */
    Path directory() {
        Path dir = Path.of(out).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            throw new BadOption("--out", out, "cannot create the directory (" + e.getMessage()
                    + ")");
        }
        if (!Files.isWritable(dir)) {
            throw new BadOption("--out", out, "is not writable");
        }
        return dir;
    }
}
