package org.depthlab.lab.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Rows of numbers under named columns, written as CSV. Columns named in {@code integers} print
 * without a decimal point; others print with {@link Double#toString} (shortest round-trip form,
 * {@code Infinity} and {@code NaN} spelled out).
 */
public record Table(List<String> columns, Set<String> integers, List<double[]> rows) {

    public Table {
        columns = List.copyOf(columns);
        integers = Set.copyOf(integers);
        for (double[] r : rows) {
            if (r.length != columns.size()) {
                throw new IllegalArgumentException("row of " + r.length + " values under "
                        + columns.size() + " columns");
            }
        }
    }

    /** An empty table with room to add rows. */
    public static Table empty(List<String> columns, Set<String> integers) {
        return new Table(columns, integers, new ArrayList<>());
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no column '" + name + "' in " + columns);
        }
        return i;
    }

    /** The values of one column, in row order. */
    public double[] values(String name) {
        int c = column(name);
        double[] v = new double[rows.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows.get(i)[c];
        }
        return v;
    }

    /** One row as CSV text, without the line end. */
    public String format(double[] row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                sb.append(',');
            }
            double v = row[c];
            if (integers.contains(columns.get(c)) && v == Math.rint(v) && Math.abs(v) < 1e15) {
                sb.append((long) v);
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
    }

    /** Parses one CSV line written by {@link #format}. */
    public static double[] parse(String line, int width) {
        String[] parts = line.split(",", -1);
        if (parts.length != width) {
            throw new IllegalArgumentException("expected " + width + " fields, found "
                    + parts.length + " in '" + line + "'");
        }
        double[] r = new double[width];
        for (int i = 0; i < width; i++) {
            r[i] = Double.parseDouble(parts[i]);
        }
        return r;
    }

    public void write(Writer w) throws IOException {
        w.write(String.join(",", columns));
        w.write('\n');
        for (double[] r : rows) {
            w.write(format(r));
            w.write('\n');
        }
    }

    /** Writes the table to a file, through a temporary sibling moved into place. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            write(w);
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Reads a CSV written by {@link #write(Path)}. */
    public static Table read(Path file, Set<String> integers) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            throw new IOException(file + " is empty: expected a header line");
        }
        List<String> columns = List.of(lines.get(0).split(","));
        List<double[]> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            if (!l.isEmpty()) {
                rows.add(parse(l, columns.size()));
            }
        }
        return new Table(columns, integers, rows);
    }

    public List<double[]> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** Appends a row; the table must have been made with a mutable list. */
    public void add(double... row) {
        if (row.length != columns.size()) {
            throw new IllegalArgumentException("row of " + row.length + " values under "
                    + columns.size() + " columns");
        }
        rows.add(row);
    }
}
