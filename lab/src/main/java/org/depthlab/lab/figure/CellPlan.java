package org.depthlab.lab.figure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.depthlab.lab.sweep.Table;

/**
 * The swept part of a figure: {@code cells} independent cells, cell c giving rows under the
 * columns of {@code layout}. The parameters alone decide every number (they are written to
 * {@code config.json} and their canonical JSON is the resume fingerprint), so an executor that
 * rebuilds the plan from the figure id, the preset and the seed computes the same cells.
 *
 * <p>The cell function must be a pure function of the cell index and thread-safe: its
 * randomness comes from streams keyed by the seed and the cell, so cells may run in any order,
 * on any thread or machine. A plan holds live objects (weight laws with their caches, lambdas)
 * and is not serializable; a distributed executor ships the recipe, not the plan.
 *
 * @param task         name shown by progress listeners, e.g. "figure 1"
 * @param cells        number of cells, at least 1
 * @param layout       an empty table naming the columns (and integer columns) of every row
 * @param parameters   the parameters of the sweep, as written to {@code config.json}
 * @param cellFunction cell index to its rows
 */
public record CellPlan(String task, int cells, Table layout, Map<String, Object> parameters,
        IntFunction<List<double[]>> cellFunction) {

    public CellPlan {
        if (cells < 1) {
            throw new IllegalArgumentException("a plan needs at least 1 cell, got " + cells);
        }
        if (!layout.rows().isEmpty()) {
            throw new IllegalArgumentException("layout must be an empty table, found "
                    + layout.rows().size() + " rows");
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The rows of cell {@code cell}, in 0 .. cells - 1. */
    public List<double[]> compute(int cell) {
        if (cell < 0 || cell >= cells) {
            throw new IllegalArgumentException("cell " + cell + " outside 0 .. " + (cells - 1)
                    + " of " + task);
        }
        return cellFunction.apply(cell);
    }

    /** The canonical JSON of the parameters: cells kept under another are not reused. */
    public String fingerprint() {
        return Config.fingerprint(parameters);
    }

    /** An integer parameter. */
    public int integer(String name) {
        return parameter(name, Integer.class);
    }

    /** A real parameter (an integer one is widened). */
    public double number(String name) {
        return parameter(name, Number.class).doubleValue();
    }

    /** An array-of-integers parameter; the caller must not modify it. */
    public int[] integers(String name) {
        return parameter(name, int[].class);
    }

    /** An array-of-reals parameter; the caller must not modify it. */
    public double[] numbers(String name) {
        return parameter(name, double[].class);
    }

    private <T> T parameter(String name, Class<T> type) {
        Object v = parameters.get(name);
        if (!type.isInstance(v)) {
            throw new IllegalStateException("parameter '" + name + "' of " + task + " should be "
                    + type.getSimpleName() + " but is "
                    + (v == null ? "absent" : v.getClass().getSimpleName() + " " + v)
                    + "; parameters: " + parameters.keySet());
        }
        return type.cast(v);
    }
}
