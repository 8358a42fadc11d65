package org.depthlab.law;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Fractional Brownian motion B_H on [0, 1], 0 &lt; H &lt; 1: the centred Gaussian process with
 * B_H(0) = 0 and E[B_H(s) B_H(t)] = (s^2H + t^2H - |t - s|^2H) / 2, so Var B_H(t) = t^2H.
 * H = 1/2 is Brownian motion.
 *
 * <p>Sampled exactly on the grid t_k = k / n as the cumulative sum of a unit-variance fGn path
 * (X_0 .. X_{n-1}, {@link FractionalGaussianNoise}) scaled by n^-H: by self-similarity,
 * B_H(k / n) = n^-H (X_0 + ... + X_{k-1}) in law.
 */
public final class FractionalBrownianMotion {

    private FractionalBrownianMotion() {
    }

    /**
     * One path at t = 0, 1/n, ..., 1. Builds a {@link FractionalGaussianNoise} (one FFT of size
     * 2m, m the smallest power of two &gt;= n) per call; to draw many paths, cumulate the output of
     * one such sampler instead.
     *
     * @param hurst Hurst index H, 0 &lt; H &lt; 1
     * @param steps number of steps n, at least 1
     * @param rng   source of randomness; advanced
     * @return a new array of n + 1 values, {@code path[k] = B_H(k / n)}, {@code path[0] = 0}
     * @throws IllegalArgumentException if H is outside (0, 1) or n &lt; 1
     */
    public static double[] path(double hurst, int steps, UniformRandomProvider rng) {
        if (steps < 1) {
            throw new IllegalArgumentException("fBm needs at least 1 step, got " + steps);
        }
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(hurst, steps);
        double[] path = new double[steps + 1];
        fgn.sample(rng, path, 1, Math.pow(steps, -hurst), null);
        for (int k = 1; k <= steps; k++) {
            path[k] += path[k - 1];
        }
        return path;
    }

    /** E[B_H(s) B_H(t)] = (|s|^2H + |t|^2H - |t - s|^2H) / 2. */
    public static double covariance(double hurst, double s, double t) {
        FractionalGaussianNoise.checkHurst(hurst);
        double h2 = 2.0 * hurst;
        return 0.5 * (Math.pow(Math.abs(s), h2) + Math.pow(Math.abs(t), h2)
                - Math.pow(Math.abs(t - s), h2));
    }
}
