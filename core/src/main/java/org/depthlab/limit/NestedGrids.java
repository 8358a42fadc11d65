package org.depthlab.limit;

/**
 * Dyadic nesting of depth grids on [0, 1]: a network of depth L and a reference of depth
 * L_ref are compared at the common times k / L only when L_ref = 2^m L for some m &gt;= 0, so that
 * every coarse grid point is a reference grid point and every coarse increment is a sum of
 * reference increments.
 */
public final class NestedGrids {

    private NestedGrids() {
    }

    /**
     * The refinement ratio r = referenceDepth / depth.
     *
     * @return r, a power of two (1 when the depths are equal)
     * @throws IllegalArgumentException naming both values if either is below 1, if depth exceeds
     *                                  referenceDepth or if the ratio is not a power of two
     */
    public static int ratio(int depth, int referenceDepth) {
        if (depth < 1 || referenceDepth < 1) {
            throw new IllegalArgumentException("depth " + depth + " and reference depth "
                    + referenceDepth + " must both be >= 1");
        }
        if (depth > referenceDepth) {
            throw new IllegalArgumentException("depth " + depth + " exceeds the reference depth "
                    + referenceDepth + "; the reference grid must be at least as fine as every"
                    + " depth");
        }
        if (referenceDepth % depth != 0 || !isPowerOfTwo(referenceDepth / depth)) {
            throw new IllegalArgumentException("reference depth " + referenceDepth + " is not a"
                    + " power-of-two multiple of depth " + depth + " (L_ref / L must be 2^m);"
                    + " use depths L_ref / 2^m, e.g. " + suggestion(referenceDepth));
        }
        return referenceDepth / depth;
    }

    /** Whether n = 2^m for some m &gt;= 0. */
    public static boolean isPowerOfTwo(int n) {
        return n > 0 && (n & (n - 1)) == 0;
    }

    private static String suggestion(int referenceDepth) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (int r = 1; r <= referenceDepth && shown < 4; r <<= 1) {
            if (referenceDepth % r == 0) {
                if (shown > 0) {
                    sb.append(", ");
                }
                sb.append(referenceDepth / r);
                shown++;
            }
            if (r > Integer.MAX_VALUE / 2) {
                break;
            }
        }
        return sb.toString();
    }
}
