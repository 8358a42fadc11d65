package org.depthlab.lab.figure;

import java.util.List;
import java.util.Set;
import org.depthlab.lab.sweep.Table;
import org.depthlab.metrics.PropagationMetrics;

/** Column layouts shared by the figures at initialization. */
final class InitFigures {

    /** The columns of {@code depthlab propagate}. */
    static final List<String> PROPAGATE_COLUMNS = List.of("sample", "input", "depth", "beta",
            "hidden_ratio", "hidden_diff", "grad_ratio", "grad_diff");

    static final Set<String> INTEGER_COLUMNS = Set.of("sample", "input", "depth");

    private InitFigures() {
    }

    static Table propagateTable() {
        return Table.empty(PROPAGATE_COLUMNS, INTEGER_COLUMNS);
    }

    static double[] row(int sample, int input, int depth, double beta, PropagationMetrics m) {
        return new double[] {sample, input, depth, beta, m.hiddenRatio(), m.hiddenDiff(),
            m.gradRatio(), m.gradDiff()};
    }

    /** Shortest decimal text of a number for titles: 0.5, 1, 0.25. */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(java.util.Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
