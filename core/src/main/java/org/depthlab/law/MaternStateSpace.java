package org.depthlab.law;

import org.depthlab.random.GaussianFiller;

/**
 * Exact O(L) sampling of a unit-variance Matern process with half-integer nu on a regular grid,
 * through its state-space form (Hartikainen and Särkkä, MLSP 2010): with p = nu + 1/2 and
 * lambda = sqrt(2 nu) / ell, the state x = (Z, Z', ..., Z^(p-1)) solves the linear SDE
 * dx = F x dt + L dW with companion matrix F whose last row is -(binom(p, k) lambda^(p-k))_k
 * and stationary covariance P. On a grid of step dt the chain
 *
 * <pre>
 *   x_0 ~ N(0, P),   x_{k+1} = A x_k + e_k,   A = exp(F dt),   e_k ~ N(0, Q),  Q = P - A P A^T
 * </pre>
 *
 * is exact: Z(t_k) = x_k[0] has covariance kappa(|k - k'| dt). The matrix exponential is a
 * degree-16 Taylor series after scaling by a power of two so that the argument has norm below
 * 1/2, then squaring (relative error near machine precision for p &lt;= 3).
 *
 * <p>Stationary covariances (unit variance, kappa^(2j)(0) up to sign): p = 1: P = [1];
 * p = 2: P = diag(1, lambda^2); p = 3: P = [[1, 0, -k], [0, k, 0], [-k, 0, lambda^4]] with
 * k = lambda^2 / 3. Immutable and thread-safe.
 */
final class MaternStateSpace {

    private final int p;
    private final double[] a;       // p x p transition A
    private final double[] qChol;   // p x p lower Cholesky factor of Q
    private final double[] pChol;   // p x p lower Cholesky factor of P
    private final double[] stationary; // p x p stationary covariance P

    /**
     * @param kernel a Matern kernel with nu in {1/2, 3/2, 5/2}
     * @param dt     grid step in t, positive
     */
    MaternStateSpace(Kernel kernel, double dt) {
        double nu = kernel.nu();
        if (!(nu == 0.5 || nu == 1.5 || nu == 2.5)) {
            throw new IllegalArgumentException("state-space sampling needs a Matern kernel with"
                    + " nu in 0.5, 1.5, 2.5, got " + kernel.spec());
        }
        if (!(dt > 0) || Double.isInfinite(dt)) {
            throw new IllegalArgumentException("grid step must be positive, got " + dt);
        }
        p = (int) Math.round(nu + 0.5);
        double lambda = Math.sqrt(2 * nu) / kernel.lengthScale();

        // companion matrix F and stationary covariance P
        double[] f = new double[p * p];
        for (int i = 0; i + 1 < p; i++) {
            f[i * p + i + 1] = 1.0;
        }
        double[] stat = new double[p * p];
        if (p == 1) {
            f[0] = -lambda;
            stat[0] = 1.0;
        } else if (p == 2) {
            f[2] = -lambda * lambda;
            f[3] = -2 * lambda;
            stat[0] = 1.0;
            stat[3] = lambda * lambda;
        } else {
            f[6] = -lambda * lambda * lambda;
            f[7] = -3 * lambda * lambda;
            f[8] = -3 * lambda;
            double k = lambda * lambda / 3;
            stat[0] = 1.0;
            stat[2] = -k;
            stat[4] = k;
            stat[6] = -k;
            stat[8] = lambda * lambda * lambda * lambda;
        }

        // A = exp(F dt); Q = P - A P A^T
        for (int i = 0; i < f.length; i++) {
            f[i] *= dt;
        }
        a = expm(f, p);
        double[] apat = multiply(multiply(a, stat, p), transpose(a, p), p);
        double[] q = new double[p * p];
        for (int i = 0; i < q.length; i++) {
            q[i] = stat[i] - apat[i];
        }
        qChol = cholesky(q, p);
        pChol = cholesky(stat, p);
        stationary = stat;
    }

    /**
     * Cov(Z(t_k), Z(t_0)) = (A^k P)[0][0] implied by the recursion; equals kappa(k dt) when F
     * and P are right (tests read it).
     */
    double lagCovariance(int k) {
        double[] m = stationary.clone();
        for (int i = 0; i < k; i++) {
            m = multiply(a, m, p);
        }
        return m[0];
    }

    /**
     * (A P A^T + Q)[i][j] - P[i][j], largest in absolute value: zero when the chain is
     * stationary, i.e. when Q's factor was not clipped by rounding.
     */
    double stationarityDefect() {
        double[] apat = multiply(multiply(a, stationary, p), transpose(a, p), p);
        double[] qq = multiply(qChol, transpose(qChol, p), p);
        double worst = 0;
        for (int i = 0; i < apat.length; i++) {
            worst = Math.max(worst, Math.abs(apat[i] + qq[i] - stationary[i]));
        }
        return worst;
    }

    /**
     * Writes Z(t_0), ..., Z(t_{n-1}) times {@code scale} to {@code out[off + k*stride]}, drawing
     * p (n + 1) normals from {@code gauss}. Modifies {@code out} and the generator only.
     */
    void sample(GaussianFiller gauss, double[] out, int off, int stride, int n, double scale) {
        double[] x = new double[p];
        double[] next = new double[p];
        double[] z = new double[p];
        gauss.fill(z, 0, p, 1.0);
        lowerTimes(pChol, z, x, p);
        for (int k = 0; k < n; k++) {
            out[off + k * stride] = scale * x[0];
            gauss.fill(z, 0, p, 1.0);
            lowerTimes(qChol, z, next, p);
            for (int i = 0; i < p; i++) {
                double s = next[i];
                for (int j = 0; j < p; j++) {
                    s += a[i * p + j] * x[j];
                }
                z[i] = s;
            }
            System.arraycopy(z, 0, x, 0, p);
        }
    }

    private static void lowerTimes(double[] l, double[] z, double[] out, int p) {
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j <= i; j++) {
                s += l[i * p + j] * z[j];
            }
            out[i] = s;
        }
    }

    /** exp(M) for a small p x p matrix: scaling, degree-16 Taylor, squaring. */
    static double[] expm(double[] m, int p) {
        double norm = 0;
        for (int i = 0; i < p; i++) {
            double row = 0;
            for (int j = 0; j < p; j++) {
                row += Math.abs(m[i * p + j]);
            }
            norm = Math.max(norm, row);
        }
        int squarings = norm > 0.5 ? (int) Math.ceil(Math.log(norm / 0.5) / Math.log(2)) : 0;
        double s = Math.scalb(1.0, -squarings);
        double[] x = new double[p * p];
        for (int i = 0; i < x.length; i++) {
            x[i] = m[i] * s;
        }
        double[] result = identity(p);
        double[] term = identity(p);
        for (int k = 1; k <= 16; k++) {
            term = multiply(term, x, p);
            for (int i = 0; i < term.length; i++) {
                term[i] /= k;
            }
            for (int i = 0; i < result.length; i++) {
                result[i] += term[i];
            }
        }
        for (int i = 0; i < squarings; i++) {
            result = multiply(result, result, p);
        }
        return result;
    }

    private static double[] identity(int p) {
        double[] e = new double[p * p];
        for (int i = 0; i < p; i++) {
            e[i * p + i] = 1.0;
        }
        return e;
    }

    private static double[] multiply(double[] x, double[] y, int p) {
        double[] r = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < p; k++) {
                double v = x[i * p + k];
                for (int j = 0; j < p; j++) {
                    r[i * p + j] += v * y[k * p + j];
                }
            }
        }
        return r;
    }

    private static double[] transpose(double[] x, int p) {
        double[] t = new double[p * p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                t[j * p + i] = x[i * p + j];
            }
        }
        return t;
    }

    /**
     * Lower Cholesky factor of a symmetric positive semi-definite p x p matrix; pivots that
     * rounding makes zero or slightly negative give a zero column (Q is singular in the limit
     * dt -&gt; 0 and nearly so on fine grids).
     */
    static double[] cholesky(double[] m, int p) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double d = m[j * p + j];
            for (int k = 0; k < j; k++) {
                d -= l[j * p + k] * l[j * p + k];
            }
            double tiny = 1e-14 * Math.max(Math.abs(m[j * p + j]), Double.MIN_NORMAL);
            if (d <= tiny) {
                continue;
            }
            double root = Math.sqrt(d);
            l[j * p + j] = root;
            for (int i = j + 1; i < p; i++) {
                double s = m[i * p + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = s / root;
            }
        }
        return l;
    }
}
