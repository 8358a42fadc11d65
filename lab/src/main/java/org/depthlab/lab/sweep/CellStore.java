package org.depthlab.lab.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The finished cells of a sweep, kept on disk so that an interrupted sweep resumes where it
 * stopped, whichever executor ran it (the local {@link Sweep} or a Spark job).
 *
 * <p>Layout: {@code dir/.cells/fingerprint} holds the configuration the cells were computed
 * under and {@code dir/.cells/cell-NNNNNN.csv} the rows of cell N, one CSV line each in the
 * format of {@link Table#format}. A cell file is written to a temporary sibling and moved into
 * place, so a reader sees either the whole cell or none. Opening a store under another
 * fingerprint discards the cells found there.
 */
public final class CellStore {

    private final Path cellDir;

    /** The store of the sweep in {@code dir}, unopened: only {@link #clean} may be called. */
    CellStore(Path dir) {
        this.cellDir = dir.resolve(".cells");
    }

    /**
     * Opens (creating if absent) the store of the sweep in {@code dir}; kept cells whose
     * fingerprint differs from {@code fingerprint} are deleted.
     *
     * @param dir         output directory of the experiment
     * @param fingerprint the configuration as text
     */
    public static CellStore open(Path dir, String fingerprint) throws IOException {
        CellStore store = new CellStore(dir);
        Files.createDirectories(store.cellDir);
        Path fp = store.cellDir.resolve("fingerprint");
        if (Files.exists(fp)
                && !Files.readString(fp, StandardCharsets.UTF_8).equals(fingerprint)) {
            store.clean();
            Files.createDirectories(store.cellDir);
        }
        Files.writeString(fp, fingerprint, StandardCharsets.UTF_8);
        return store;
    }

    /** The directory holding the cell files: {@code dir/.cells}. */
    public Path directory() {
        return cellDir;
    }

    /**
     * The kept rows of cell {@code c}, each of {@code width} values, or null when the cell is
     * absent or its file unreadable (it is then computed again).
     */
    public List<double[]> load(int c, int width) {
        Path f = cellFile(c);
        if (!Files.exists(f)) {
            return null;
        }
        try {
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isEmpty()) {
                    rows.add(Table.parse(line, width));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: recompute
        }
    }

    /**
     * Keeps the rows of cell {@code c}, formatted under the columns of {@code layout}; values
     * round-trip exactly (shortest decimal form, {@code Infinity} and {@code NaN} spelled out).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void save(int c, Table layout, List<double[]> rows) {
        StringBuilder sb = new StringBuilder();
        for (double[] r : rows) {
            sb.append(layout.format(r)).append('\n');
        }
        Path f = cellFile(c);
        Path tmp = cellDir.resolve(f.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, sb, StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep cell " + c + " in " + f, e);
        }
    }

    /** Removes the kept cells and their directory once the assembled results are written. */
    public void clean() throws IOException {
        if (!Files.isDirectory(cellDir)) {
            return;
        }
        try (var files = Files.list(cellDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(cellDir);
    }

    private Path cellFile(int c) {
        return cellDir.resolve(String.format(Locale.ROOT, "cell-%06d.csv", c));
    }
}
