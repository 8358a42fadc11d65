package org.depthlab.limit;

/**
 * A d x d matrix function known on the grid t_m = m / M, m = 0 .. M (both ends included), and
 * nowhere else: {@link #at} accepts a time only if t M is within {@link #GRID_TOLERANCE} of an
 * integer, so a solver that asks for an unsampled time fails instead of interpolating.
 *
 * <p>Layout: {@code values[m*d*d + i*d + j] = V(t_m)[i, j]}. Immutable: the array is owned.
 */
public final class SampledMatrixFunction implements MatrixFunction {

    /** Largest |t M - m| accepted as the grid point m: rounding of t = k / L only. */
    public static final double GRID_TOLERANCE = 1e-7;

    private final int width;
    private final int intervals;
    private final double[] values;

    /**
     * @param width     d, at least 1
     * @param intervals M, at least 1
     * @param values    (M+1)*d*d finite values in the class layout; copied
     */
    public static SampledMatrixFunction of(int width, int intervals, double[] values) {
        if (width < 1 || intervals < 1) {
            throw new IllegalArgumentException("need width >= 1 and intervals >= 1, got "
                    + width + ", " + intervals);
        }
        long size = (long) (intervals + 1) * width * width;
        if (values == null || values.length != size) {
            throw new IllegalArgumentException("a function on " + (intervals + 1) + " points of "
                    + width + " x " + width + " matrices needs " + size + " values, got "
                    + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + i + " is not finite: "
                        + values[i]);
            }
        }
        return new SampledMatrixFunction(width, intervals, values.clone());
    }

    /** Wraps an array this package just filled; not copied. */
    static SampledMatrixFunction wrap(int width, int intervals, double[] values) {
        return new SampledMatrixFunction(width, intervals, values);
    }

    private SampledMatrixFunction(int width, int intervals, double[] values) {
        this.width = width;
        this.intervals = intervals;
        this.values = values;
    }

    /** d. */
    public int width() {
        return width;
    }

    /** M: the grid is m / M, m = 0 .. M. */
    public int intervals() {
        return intervals;
    }

    /** The grid index m of time t. @throws IllegalArgumentException if t is not a grid point */
    public int index(double t) {
        double x = t * intervals;
        double m = Math.rint(x);
        if (!(Math.abs(x - m) <= GRID_TOLERANCE) || m < 0 || m > intervals) {
            throw new IllegalArgumentException("t = " + t + " is not on the sampling grid m / "
                    + intervals + ", m = 0 .. " + intervals);
        }
        return (int) m;
    }

    @Override
    public void at(double t, double[] out) {
        atIndex(index(t), out, 0);
    }

    /** out[off + i*d + j] = V(m / M)[i, j]. Modifies {@code out} only. */
    public void atIndex(int m, double[] out, int off) {
        if (m < 0 || m > intervals) {
            throw new IllegalArgumentException("grid index " + m + " outside 0 .. " + intervals);
        }
        int size = width * width;
        System.arraycopy(values, m * size, out, off, size);
    }
}
