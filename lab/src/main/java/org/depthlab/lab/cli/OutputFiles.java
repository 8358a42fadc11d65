package org.depthlab.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Checks and atomic writes of output files: a failed run leaves no partial file behind. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** Fails with {@link BadOption} now, before any work, if {@code out} cannot be written. */
    static Path checkWritable(String option, String out) {
        Path p;
        try {
            p = Path.of(out).toAbsolutePath();
        } catch (RuntimeException e) {
            throw new BadOption(option, out, "is not a valid path");
        }
        if (Files.isDirectory(p)) {
            throw new BadOption(option, out, "is a directory, expected a file path");
        }
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new BadOption(option, out, "directory " + dir + " does not exist");
        }
        if (!Files.isWritable(dir) || (Files.exists(p) && !Files.isWritable(p))) {
            throw new BadOption(option, out, "is not writable");
        }
        return p;
    }

    /** A writer of one file through a temporary sibling, moved into place on {@link #commit}. */
    interface Body {
        void write(Path tmp) throws IOException;
    }

    static void writeAtomically(Path target, Body body) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-",
                ".tmp");
        try {
            body.write(tmp);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
