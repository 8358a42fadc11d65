package org.depthlab.lab.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-cell aggregates of a results table: for each group of rows sharing the key columns and
 * each metric, the count, the number of overflowed (infinite or NaN) values, mean, standard
 * deviation, a 95% normal interval for the mean (mean +- 1.96 sd / sqrt(n)), median and the
 * 2.5% and 97.5% quantiles.
 *
 * <p>Moments of a group with an overflowed value are {@code Infinity} (the mean of a sample that
 * contains an infinity is infinite); quantiles treat overflow as {@code +Infinity}. A metric may
 * be summarized on the log10 scale ({@code log10_} prefix), as the paper's heatmaps are.
 */
public final class Summary {

    /** The two-sided 97.5% standard normal quantile. */
    public static final double Z_975 = 1.959963984540054;

    /** Statistics written per metric, as column suffixes. */
    public static final List<String> STATS = List.of("mean", "sd", "ci_low", "ci_high", "median",
            "q025", "q975", "overflow");

    private Summary() {
    }

    /**
     * Groups {@code data} by {@code keys} (in order of first appearance) and summarizes each
     * metric; a metric named {@code log10_X} is summarized as log10 of column X.
     */
    public static Table of(Table data, List<String> keys, List<String> metrics) {
        List<String> columns = new ArrayList<>(keys);
        columns.add("n");
        for (String m : metrics) {
            for (String s : STATS) {
                columns.add(m + "_" + s);
            }
        }
        Set<String> ints = new HashSet<>(keys);
        ints.retainAll(data.integers());
        ints.add("n");
        for (String m : metrics) {
            ints.add(m + "_overflow");
        }

        int[] keyCols = keys.stream().mapToInt(data::column).toArray();
        Map<List<Double>, List<double[]>> groups = new LinkedHashMap<>();
        for (double[] r : data.rows()) {
            List<Double> k = new ArrayList<>(keyCols.length);
            for (int c : keyCols) {
                k.add(r[c]);
            }
            groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
        }

        Table out = Table.empty(columns, ints);
        for (Map.Entry<List<Double>, List<double[]>> g : groups.entrySet()) {
            double[] row = new double[columns.size()];
            int i = 0;
            for (double k : g.getKey()) {
                row[i++] = k;
            }
            List<double[]> rows = g.getValue();
            row[i++] = rows.size();
            for (String m : metrics) {
                boolean log = m.startsWith("log10_");
                int c = data.column(log ? m.substring("log10_".length()) : m);
                double[] v = new double[rows.size()];
                for (int j = 0; j < v.length; j++) {
                    double x = rows.get(j)[c];
                    v[j] = log ? Math.log10(x) : x;
                }
                double[] s = stats(v);
                System.arraycopy(s, 0, row, i, s.length);
                i += s.length;
            }
            out.add(row);
        }
        return out;
    }

    /** mean, sd, ci_low, ci_high, median, q025, q975, overflow count of a sample. */
    public static double[] stats(double[] v) {
        int n = v.length;
        int overflow = 0;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            double x = v[i];
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                overflow++;
                // overflow of a ratio is +Infinity; a log10 of 0 would be -Infinity
                x = Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
            }
            sorted[i] = x;
        }
        Arrays.sort(sorted);
        double mean;
        double sd;
        if (overflow > 0) {
            mean = Double.POSITIVE_INFINITY;
            for (double x : sorted) {
                if (x == Double.NEGATIVE_INFINITY) {
                    mean = Double.NaN;
                }
            }
            sd = Double.NaN;
        } else {
            double s = 0;
            for (double x : v) {
                s += x;
            }
            mean = s / n;
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0.0;
        }
        double half = n > 1 ? Z_975 * sd / Math.sqrt(n) : Double.NaN;
        return new double[] {mean, sd, mean - half, mean + half, quantile(sorted, 0.5),
            quantile(sorted, 0.025), quantile(sorted, 0.975), overflow};
    }

    /** Linear-interpolation quantile (type 7) of a sorted sample. */
    public static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double a = sorted[lo];
        double b = sorted[hi];
        if (a == b) {
            return a;
        }
        return a + (h - lo) * (b - a);
    }
}
