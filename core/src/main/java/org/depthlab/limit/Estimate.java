package org.depthlab.limit;

/**
 * A point estimate with a 95% interval [low, high]; NaN where undefined.
 *
 * @param value the estimate from all paths
 * @param low   lower end of the interval
 * @param high  upper end of the interval
 */
public record Estimate(double value, double low, double high) {
}
