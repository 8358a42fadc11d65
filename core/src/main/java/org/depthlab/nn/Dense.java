package org.depthlab.nn;

/**
 * Dense kernels on row-major primitive arrays, batched over inputs.
 *
 * <p>A matrix M of shape rows x cols sits at {@code m[mOff + i*cols + j]}; a batch of n vectors
 * of length c sits at {@code x[xOff + b*c + j]}. No method allocates; each modifies only the
 * array it names as output. Overflow propagates as infinities and NaNs, never as an exception.
 */
public final class Dense {

    private Dense() {
    }

    /**
     * Y = X M^T: {@code y[b*rows + i] = sum_j m[i*cols + j] x[b*cols + j]}. Overwrites y.
     *
     * <p>Register-blocked 2 rows x 4 inputs so that each loaded weight serves four dot products.
     */
    public static void multiplyTransposed(double[] m, int mOff, int rows, int cols,
            double[] x, int xOff, int batch, double[] y, int yOff) {
        int b = 0;
        for (; b + 4 <= batch; b += 4) {
            int x0 = xOff + b * cols;
            int x1 = x0 + cols;
            int x2 = x1 + cols;
            int x3 = x2 + cols;
            int i = 0;
            for (; i + 2 <= rows; i += 2) {
                int r0 = mOff + i * cols;
                int r1 = r0 + cols;
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
                double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                for (int j = 0; j < cols; j++) {
                    double a0 = m[r0 + j];
                    double a1 = m[r1 + j];
                    double v0 = x[x0 + j];
                    double v1 = x[x1 + j];
                    double v2 = x[x2 + j];
                    double v3 = x[x3 + j];
                    s00 += a0 * v0;
                    s01 += a0 * v1;
                    s02 += a0 * v2;
                    s03 += a0 * v3;
                    s10 += a1 * v0;
                    s11 += a1 * v1;
                    s12 += a1 * v2;
                    s13 += a1 * v3;
                }
                int y0 = yOff + b * rows + i;
                y[y0] = s00;
                y[y0 + 1] = s10;
                y[y0 + rows] = s01;
                y[y0 + rows + 1] = s11;
                y[y0 + 2 * rows] = s02;
                y[y0 + 2 * rows + 1] = s12;
                y[y0 + 3 * rows] = s03;
                y[y0 + 3 * rows + 1] = s13;
            }
            for (; i < rows; i++) {
                int r0 = mOff + i * cols;
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
                for (int j = 0; j < cols; j++) {
                    double a0 = m[r0 + j];
                    s0 += a0 * x[x0 + j];
                    s1 += a0 * x[x1 + j];
                    s2 += a0 * x[x2 + j];
                    s3 += a0 * x[x3 + j];
                }
                int y0 = yOff + b * rows + i;
                y[y0] = s0;
                y[y0 + rows] = s1;
                y[y0 + 2 * rows] = s2;
                y[y0 + 3 * rows] = s3;
            }
        }
        for (; b < batch; b++) {
            multiplyVector(m, mOff, rows, cols, x, xOff + b * cols, y, yOff + b * rows);
        }
    }

    /** y = M x for one vector: {@code y[i] = sum_j m[i*cols + j] x[j]}. Overwrites y. */
    public static void multiplyVector(double[] m, int mOff, int rows, int cols,
            double[] x, int xOff, double[] y, int yOff) {
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            int r0 = mOff + i * cols;
            int r1 = r0 + cols;
            int r2 = r1 + cols;
            int r3 = r2 + cols;
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int j = 0; j < cols; j++) {
                double v = x[xOff + j];
                s0 += m[r0 + j] * v;
                s1 += m[r1 + j] * v;
                s2 += m[r2 + j] * v;
                s3 += m[r3 + j] * v;
            }
            y[yOff + i] = s0;
            y[yOff + i + 1] = s1;
            y[yOff + i + 2] = s2;
            y[yOff + i + 3] = s3;
        }
        for (; i < rows; i++) {
            int r0 = mOff + i * cols;
            double s = 0;
            for (int j = 0; j < cols; j++) {
                s += m[r0 + j] * x[xOff + j];
            }
            y[yOff + i] = s;
        }
    }

    /**
     * G += scale * U M: {@code g[b*cols + j] += scale * sum_i u[b*rows + i] m[i*cols + j]}.
     *
     * <p>Register-blocked 2 inputs x 4 columns: for each row i of M, four contiguous weights
     * serve two inputs, and the eight sums stay in registers across the rows.
     */
    public static void addMultiplied(double[] m, int mOff, int rows, int cols,
            double[] u, int uOff, int batch, double scale, double[] g, int gOff) {
        int b = 0;
        for (; b + 2 <= batch; b += 2) {
            int u0 = uOff + b * rows;
            int u1 = u0 + rows;
            int g0 = gOff + b * cols;
            int g1 = g0 + cols;
            int j = 0;
            for (; j + 4 <= cols; j += 4) {
                double s00 = 0, s01 = 0, s02 = 0, s03 = 0;
                double s10 = 0, s11 = 0, s12 = 0, s13 = 0;
                for (int i = 0, r = mOff + j; i < rows; i++, r += cols) {
                    double a0 = u[u0 + i];
                    double a1 = u[u1 + i];
                    double m0 = m[r];
                    double m1 = m[r + 1];
                    double m2 = m[r + 2];
                    double m3 = m[r + 3];
                    s00 += a0 * m0;
                    s01 += a0 * m1;
                    s02 += a0 * m2;
                    s03 += a0 * m3;
                    s10 += a1 * m0;
                    s11 += a1 * m1;
                    s12 += a1 * m2;
                    s13 += a1 * m3;
                }
                g[g0 + j] += scale * s00;
                g[g0 + j + 1] += scale * s01;
                g[g0 + j + 2] += scale * s02;
                g[g0 + j + 3] += scale * s03;
                g[g1 + j] += scale * s10;
                g[g1 + j + 1] += scale * s11;
                g[g1 + j + 2] += scale * s12;
                g[g1 + j + 3] += scale * s13;
            }
            for (; j < cols; j++) {
                double s0 = 0;
                double s1 = 0;
                for (int i = 0, r = mOff + j; i < rows; i++, r += cols) {
                    s0 += u[u0 + i] * m[r];
                    s1 += u[u1 + i] * m[r];
                }
                g[g0 + j] += scale * s0;
                g[g1 + j] += scale * s1;
            }
        }
        for (; b < batch; b++) {
            int u0 = uOff + b * rows;
            int g0 = gOff + b * cols;
            int j = 0;
            for (; j + 8 <= cols; j += 8) {
                double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
                for (int i = 0, r = mOff + j; i < rows; i++, r += cols) {
                    double a = u[u0 + i];
                    s0 += a * m[r];
                    s1 += a * m[r + 1];
                    s2 += a * m[r + 2];
                    s3 += a * m[r + 3];
                    s4 += a * m[r + 4];
                    s5 += a * m[r + 5];
                    s6 += a * m[r + 6];
                    s7 += a * m[r + 7];
                }
                g[g0 + j] += scale * s0;
                g[g0 + j + 1] += scale * s1;
                g[g0 + j + 2] += scale * s2;
                g[g0 + j + 3] += scale * s3;
                g[g0 + j + 4] += scale * s4;
                g[g0 + j + 5] += scale * s5;
                g[g0 + j + 6] += scale * s6;
                g[g0 + j + 7] += scale * s7;
            }
            for (; j < cols; j++) {
                double s = 0;
                for (int i = 0, r = mOff + j; i < rows; i++, r += cols) {
                    s += u[u0 + i] * m[r];
                }
                g[g0 + j] += scale * s;
            }
        }
    }

    /**
     * dM += scale * U^T X: {@code dm[i*cols + j] += scale * sum_b u[b*rows + i] x[b*cols + j]}.
     */
    public static void addOuter(double[] u, int uOff, int rows, double[] x, int xOff, int cols,
            int batch, double scale, double[] dm, int dmOff) {
        for (int b = 0; b < batch; b++) {
            int ub = uOff + b * rows;
            int xb = xOff + b * cols;
            for (int i = 0; i < rows; i++) {
                double a = scale * u[ub + i];
                if (a == 0.0) {
                    continue;
                }
                int r = dmOff + i * cols;
                for (int j = 0; j < cols; j++) {
                    dm[r + j] += a * x[xb + j];
                }
            }
        }
    }

    /**
     * Euclidean norm of {@code x[off .. off+n)}, scaled so that large finite values do not
     * overflow. A NaN entry counts as overflow: in a pass started from finite values a NaN can
     * only come from Inf - Inf or 0 * Inf, so the norm is {@code +Infinity}.
     */
    public static double norm(double[] x, int off, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[off + i]);
            if (Double.isNaN(a)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, a);
        }
        if (max == 0 || Double.isInfinite(max)) {
            return max;
        }
        double inv = 1.0 / max;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = x[off + i] * inv;
            s += v * v;
        }
        return max * Math.sqrt(s);
    }

    /**
     * Norm of the difference {@code x[xOff ..] - y[yOff ..]} over n entries, overflow-safe; as in
     * {@link #norm}, a NaN (Inf - Inf) counts as overflow and gives {@code +Infinity}.
     */
    public static double distance(double[] x, int xOff, double[] y, int yOff, int n) {
        double max = 0;
        for (int i = 0; i < n; i++) {
            double a = Math.abs(x[xOff + i] - y[yOff + i]);
            if (Double.isNaN(a)) {
                return Double.POSITIVE_INFINITY;
            }
            max = Math.max(max, a);
        }
        if (max == 0 || Double.isInfinite(max)) {
            return max;
        }
        double inv = 1.0 / max;
        double s = 0;
        for (int i = 0; i < n; i++) {
            double v = (x[xOff + i] - y[yOff + i]) * inv;
            s += v * v;
        }
        return max * Math.sqrt(s);
    }
}
