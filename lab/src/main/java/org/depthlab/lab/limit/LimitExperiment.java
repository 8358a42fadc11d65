package org.depthlab.lab.limit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.depthlab.limit.ConvergenceResult;
import org.depthlab.limit.ConvergenceStudy;

/**
 * The continuous-depth limit experiment (issue 4): for one limit (neural SDE, neural ODE or
 * the fGn regime in between) it measures how far coupled networks of increasing depth are from
 * the limit, fits the convergence order, and keeps the trajectories of one path for plots.
 *
 * <p>{@link #run} is pure: no files, no clock, no printing; the same config gives the same
 * result for any number of threads. {@link LimitFiles} writes a result to a directory.
 */
public final class LimitExperiment {

    /** Default number of coordinates of h_k kept in the trajectories. */
    public static final int DEFAULT_TRACE_COORDINATES = 3;

    /**
     * @param setup            the study ({@link ConvergenceStudy.Setup})
     * @param traceCoordinates how many leading coordinates of h_k the trajectories keep,
     *                         at least 1 (capped at the width)
     */
    public record Config(ConvergenceStudy.Setup setup, int traceCoordinates) {

        public Config {
            if (setup == null) {
                throw new IllegalArgumentException("setup must not be null");
            }
            if (traceCoordinates < 1) {
                throw new IllegalArgumentException("trace coordinates must be >= 1, got "
                        + traceCoordinates);
            }
        }

        /** A config with {@link #DEFAULT_TRACE_COORDINATES}. */
        public static Config of(ConvergenceStudy.Setup setup) {
            return new Config(setup, DEFAULT_TRACE_COORDINATES);
        }
    }

    /**
     * One series of a trajectory plot: the first coordinates of h_k against t = k / depth.
     *
     * @param label       {@code network} or {@code reference}
     * @param depth       L for a network, L_ref for the reference
     * @param coordinates c, the number of coordinates kept
     * @param states      h_k[i] at {@code states[k*c + i]}, k = 0 .. depth, i &lt; c
     */
    public record Series(String label, int depth, int coordinates, double[] states) {

        /** t_k = k / depth. */
        public double time(int k) {
            return (double) k / depth;
        }

        /** h_k[i]. */
        public double state(int k, int i) {
            return states[k * coordinates + i];
        }
    }

    /**
     * @param config       what was run
     * @param convergence  errors per depth, fitted orders and intervals
     * @param tracePath    the path the trajectories come from (path 0)
     * @param trajectories networks at up to three depths (smallest, middle, largest), then the
     *                     reference
     */
    public record Result(Config config, ConvergenceResult convergence, int tracePath,
            List<Series> trajectories) {

        public Result {
            trajectories = List.copyOf(trajectories);
        }
    }

    private LimitExperiment() {
    }

    /** Runs the study on {@code threads} threads and traces path 0. */
    public static Result run(Config config, int threads) {
        ConvergenceStudy study = new ConvergenceStudy(config.setup());
        ConvergenceResult convergence = study.run(threads);
        return new Result(config, convergence, 0, trace(study, config, 0));
    }

    /** The depths whose trajectories are kept: smallest, middle and largest (distinct). */
    static int[] traceDepthIndices(int count) {
        return Arrays.stream(new int[] {0, count / 2, count - 1}).distinct().toArray();
    }

    private static List<Series> trace(ConvergenceStudy study, Config config, int path) {
        ConvergenceStudy.Setup setup = config.setup();
        int d = setup.width();
        int c = Math.min(config.traceCoordinates(), d);
        int[] depths = setup.depthArray();
        ConvergenceStudy.PathTrace trace = study.trace(path);
        List<Series> series = new ArrayList<>();
        for (int i : traceDepthIndices(depths.length)) {
            series.add(new Series("network", depths[i], c,
                    leading(trace.networks().get(i), depths[i], d, c)));
        }
        series.add(new Series("reference", setup.referenceDepth(), c,
                leading(trace.reference(), setup.referenceDepth(), d, c)));
        return series;
    }

    private static double[] leading(double[] states, int depth, int d, int c) {
        double[] out = new double[(depth + 1) * c];
        for (int k = 0; k <= depth; k++) {
            System.arraycopy(states, k * d, out, k * c, c);
        }
        return out;
    }
}
