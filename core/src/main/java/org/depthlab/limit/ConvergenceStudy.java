package org.depthlab.limit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.depthlab.law.FractionalGaussianNoise;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.Dense;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.OuterInit;
import org.depthlab.nn.Propagator;
import org.depthlab.nn.ResNet;
import org.depthlab.parallel.Workers;
import org.depthlab.random.Draws;
import org.depthlab.random.Streams;

/**
 * Measured convergence of residual networks to their continuous-depth limit, by coupling.
 *
 * <p>For each path p = 0 .. N-1 (stream {@code Streams.key(seed, p)}):
 * <ol>
 *   <li>draw the limit path on the reference grid of L_ref steps (child stream 0): a matrix
 *       Brownian motion (sde), a matrix fBm (fgn:H) or a Gaussian-process matrix function
 *       sampled at the 2 L_ref + 1 points m / (2 L_ref) (ode; the odd points are the half steps
 *       of RK4);</li>
 *   <li>draw the input layer A (width x n_in, i.i.d. U[-sqrt(3/n_in), sqrt(3/n_in)], child 1)
 *       and an input x ~ U[0,1]^n_in (child 2); h_0 = A x is shared by every depth and the
 *       reference;</li>
 *   <li>for each depth L, build the coupled network ({@link CoupledNetworks}) and run it through
 *       {@link Propagator}: its trajectory h_0 .. h_L is the network's, not a
 *       re-implementation;</li>
 *   <li>solve the limit on the reference grid: Euler–Maruyama on L_ref steps (sde, fgn) or
 *       RK4 on L_ref steps (ode).</li>
 * </ol>
 *
 * <p>Then, per depth, the strong error sup_k E|h_k - H(k/L)| (maximum over k of the mean over
 * paths) and the weak error |E|h_L|^2 - E|H_1|^2| (absolute mean of the paired differences).
 * Intervals come from a path bootstrap: B resamples of the N paths with replacement (stream
 * {@code Streams.key(seed, -1)}), the same resample for every depth, since the depths share
 * their paths; each resample gives every error and the fitted orders, and the 2.5% and 97.5%
 * percentiles are the interval (for the weak error: the image under |.| of the signed mean's
 * interval, which contains 0 when the difference is not resolved). The fitted order is the
 * least-squares slope of log(error) against log(1/L) ({@link OrderFit}). The weak order is
 * meaningful only where the weak intervals exclude 0: otherwise the weak errors are Monte Carlo
 * noise, and their fitted slope and its interval describe that noise.
 *
 * <p>What the orders are relative to: the reference is itself a discretization. For sde the
 * Euler–Maruyama reference differs from the exact solution by O(L_ref^-1/2), so the measured
 * error at depth L is about C L^-1/2 (1 - L / L_ref)^1/2, which steepens the fitted slope by a
 * few hundredths when L_ref = 4 max L. For fgn the reference is the same recursion on the finer
 * grid: the fitted order is relative to that grid. For ode the RK4 reference is exact to
 * O(L_ref^-4), negligible.
 *
 * <p>Results do not depend on the number of threads. Instances are immutable.
 */
public final class ConvergenceStudy {

    /** Stream index of the bootstrap resamples under the seed. */
    public static final long BOOTSTRAP_STREAM = -1L;

    /** Child streams of a path key. */
    static final long STREAM_LIMIT_PATH = 0;
    static final long STREAM_INPUT_LAYER = 1;
    static final long STREAM_INPUT = 2;

    /**
     * A study: what to couple, at which depths, with how many paths.
     *
     * @param limit          the continuous-depth limit and its scaling
     * @param block          res1, or res2 (ode with any activation; sde and fgn with identity)
     * @param activation     sigma; the theory wants it smooth and Lipschitz (tanh)
     * @param width          d, at least 1
     * @param inputDim       n_in of h_0 = A x, at least 1
     * @param depths         the network depths, distinct, each dividing the reference depth by a
     *                       power of two; stored in increasing order
     * @param referenceDepth L_ref, the reference grid's number of steps
     * @param paths          N, independent paths, at least 2
     * @param seed           root seed of every draw
     * @param bootstrap      B, bootstrap resamples for the intervals, at least 10
     */
    public record Setup(Limit limit, Block block, Activation activation, int width, int inputDim,
            List<Integer> depths, int referenceDepth, int paths, long seed, int bootstrap) {

        /** Default input dimension: the reference code's n_in. */
        public static final int DEFAULT_INPUT_DIM = 64;

        /** Default bootstrap resamples: percentiles at 2.5% and 97.5% rest on 25 values each. */
        public static final int DEFAULT_BOOTSTRAP = 1000;

        /** @throws IllegalArgumentException naming the first bad value and its rule */
        public Setup {
            if (limit == null || block == null || activation == null) {
                throw new IllegalArgumentException("limit, block and activation must not be null");
            }
            if (limit.driven()) {
                CoupledNetworks.checkDrivenBlock(block, activation);
            } else if (block.hasInnerWeights()) {
                throw new IllegalArgumentException("block " + block.spec() + " has inner weights"
                        + " W; the neural-ODE coupling takes res1 or res2");
            }
            if (width < 1) {
                throw new IllegalArgumentException("width must be >= 1, got " + width);
            }
            if (inputDim < 1) {
                throw new IllegalArgumentException("input dimension must be >= 1, got "
                        + inputDim);
            }
            if (depths == null || depths.isEmpty()) {
                throw new IllegalArgumentException("the depth list is empty; give at least one"
                        + " depth");
            }
            int[] sorted = depths.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int i = 0; i < sorted.length; i++) {
                if (i > 0 && sorted[i] == sorted[i - 1]) {
                    throw new IllegalArgumentException("depth " + sorted[i] + " is listed twice");
                }
                NestedGrids.ratio(sorted[i], referenceDepth);
            }
            depths = Arrays.stream(sorted).boxed().toList();
            if (paths < 2) {
                throw new IllegalArgumentException("paths must be >= 2 (the intervals need a"
                        + " spread), got " + paths);
            }
            if (bootstrap < 10) {
                throw new IllegalArgumentException("bootstrap resamples must be >= 10, got "
                        + bootstrap);
            }
            long points = limit.driven() ? referenceDepth : 2L * referenceDepth + 1;
            long fine = points * width * width;
            if (fine > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("the reference path holds " + fine
                        + " values (reference depth " + referenceDepth + ", width " + width
                        + "), more than one Java array; reduce either");
            }
        }

        /** The depths as an array, increasing. */
        public int[] depthArray() {
            return depths.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The trajectories of one path.
     *
     * @param path      the path index
     * @param networks  per depth (setup order), h_k at [k*d + i], k = 0 .. L
     * @param reference the reference solution at [n*d + i], n = 0 .. L_ref
     */
    public record PathTrace(int path, List<double[]> networks, double[] reference) {
    }

    /** Per-path errors: distance[depth index][k], and the squared norms at t = 1. */
    record PathErrors(double[][] distance, double[] networkSquaredNorm,
            double referenceSquaredNorm) {
    }

    private final Setup setup;
    private final int[] depths;
    private final NetworkSpec[] specs;
    private final FractionalGaussianNoise noise;
    private final GaussianProcessPaths processes;

    public ConvergenceStudy(Setup setup) {
        if (setup == null) {
            throw new IllegalArgumentException("setup must not be null");
        }
        this.setup = setup;
        this.depths = setup.depthArray();
        this.specs = new NetworkSpec[depths.length];
        for (int i = 0; i < depths.length; i++) {
            specs[i] = new NetworkSpec(setup.block(), setup.width(), depths[i],
                    setup.inputDim(), 1, setup.activation(), setup.limit().law(), null, false,
                    OuterInit.UNIFORM);
        }
        Limit limit = setup.limit();
        this.noise = limit instanceof Limit.FractionalSde f
                ? new FractionalGaussianNoise(f.hurst(), setup.referenceDepth()) : null;
        this.processes = limit instanceof Limit.NeuralOde o
                ? new GaussianProcessPaths(o.kernel(), 2 * setup.referenceDepth()) : null;
    }

    public Setup setup() {
        return setup;
    }

    /** Runs every path on {@code threads} threads and summarizes; same result for any count. */
    public ConvergenceResult run(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = setup.paths();
        PathErrors[] all = new PathErrors[n];
        int t = Math.min(threads, n);
        Workers.run(n, t, "depthlab-limit", this::propagators,
                (props, p) -> all[p] = errors(simulate(p, props)));
        return summarize(setup, all);
    }

    /** The network trajectories at every depth and the reference, for one path. */
    public PathTrace trace(int path) {
        if (path < 0 || path >= setup.paths()) {
            throw new IllegalArgumentException("path " + path + " outside 0 .. "
                    + (setup.paths() - 1));
        }
        return simulate(path, propagators());
    }

    /**
     * The depth-L network of one path, coupled to that path's limit (for inspection and tests).
     *
     * @param depthIndex index into the setup's depths
     */
    public ResNet network(int path, int depthIndex) {
        Draw draw = draw(path);
        return network(draw, depthIndex);
    }

    private Propagator[] propagators() {
        Propagator[] props = new Propagator[specs.length];
        for (int i = 0; i < specs.length; i++) {
            props[i] = new Propagator(specs[i], 1);
        }
        return props;
    }

    /** Everything random about one path. */
    private record Draw(DrivingPath driver, SampledMatrixFunction function, double[] a,
            double[] b, double[] x) {
    }

    private Draw draw(int path) {
        long key = Streams.key(setup.seed(), path);
        int d = setup.width();
        int nIn = setup.inputDim();
        long limitKey = Streams.child(key, STREAM_LIMIT_PATH);

        // the limit path on the reference grid
        DrivingPath driver = null;
        SampledMatrixFunction function = null;
        Limit limit = setup.limit();
        if (limit instanceof Limit.NeuralOde) {
            function = processes.sample(d, limitKey);
        } else if (limit instanceof Limit.FractionalSde) {
            driver = DrivingPath.fractionalBrownian(noise, d, limitKey);
        } else {
            driver = DrivingPath.brownian(d, setup.referenceDepth(), limitKey);
        }

        // input layer, unused output layer, input
        double[] a = new double[d * nIn];
        double bound = Math.sqrt(3.0 / nIn);
        Draws.uniform(Streams.generator(Streams.child(key, STREAM_INPUT_LAYER)), a, 0, a.length,
                -bound, bound);
        double[] b = new double[d];
        double[] x = new double[nIn];
        Draws.uniform(Streams.generator(Streams.child(key, STREAM_INPUT)), x, 0, nIn, 0.0, 1.0);
        return new Draw(driver, function, a, b, x);
    }

    private ResNet network(Draw draw, int i) {
        return setup.limit().driven()
                ? CoupledNetworks.driven(specs[i], setup.limit().beta(), draw.driver, draw.a,
                        draw.b)
                : CoupledNetworks.sampled(specs[i], draw.function, draw.a, draw.b);
    }

    private PathTrace simulate(int path, Propagator[] props) {
        Draw draw = draw(path);
        int d = setup.width();

        // the networks, through the propagator
        List<double[]> networks = new ArrayList<>(depths.length);
        for (int i = 0; i < depths.length; i++) {
            props[i].forward(network(draw, i), draw.x, 1);
            networks.add(Arrays.copyOf(props[i].states(), (depths[i] + 1) * d));
        }

        // the reference on the fine grid, from the same h_0
        double[] h0 = Arrays.copyOf(networks.get(0), d);
        int fine = setup.referenceDepth();
        double[] reference = new double[(fine + 1) * d];
        if (setup.limit().driven()) {
            new EulerMaruyama().solve(draw.driver, fine, setup.activation(), h0, reference);
        } else {
            OdeField field = new ResidualField(setup.block(), setup.activation(), draw.function,
                    d);
            new RungeKutta4().solve(field, 0.0, 1.0, h0, fine, reference);
        }
        return new PathTrace(path, networks, reference);
    }

    private PathErrors errors(PathTrace trace) {
        int d = setup.width();
        int fine = setup.referenceDepth();
        double[] ref = trace.reference();
        double[][] distance = new double[depths.length][];
        double[] norms = new double[depths.length];
        for (int i = 0; i < depths.length; i++) {
            int depth = depths[i];
            int r = fine / depth;
            double[] h = trace.networks().get(i);
            double[] e = new double[depth + 1];
            for (int k = 0; k <= depth; k++) {
                e[k] = Dense.distance(h, k * d, ref, k * r * d, d);
            }
            distance[i] = e;
            norms[i] = squaredNorm(h, depth * d, d);
        }
        return new PathErrors(distance, norms, squaredNorm(ref, fine * d, d));
    }

    private static double squaredNorm(double[] x, int off, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += x[off + i] * x[off + i];
        }
        return s;
    }

    /** Errors, intervals and fitted orders from the per-path errors (pure). */
    static ConvergenceResult summarize(Setup setup, PathErrors[] all) {
        int[] depths = setup.depthArray();
        int nd = depths.length;
        int n = all.length;
        double[] logInverse = new double[nd];
        for (int i = 0; i < nd; i++) {
            logInverse[i] = -Math.log(depths[i]);
        }

        // point estimates from all paths
        double[] unit = new double[n];
        Arrays.fill(unit, 1.0);
        double[] strong = new double[nd];
        double[] weak = new double[nd];
        int[] worst = new int[nd];
        double[] sums = new double[depths[nd - 1] + 1];
        for (int i = 0; i < nd; i++) {
            worst[i] = strongError(all, i, unit, sums, strong, weak);
        }
        double[] weakAbs = new double[nd];
        for (int i = 0; i < nd; i++) {
            weakAbs[i] = Math.abs(weak[i]);
        }
        double referenceNorm = 0;
        for (PathErrors pe : all) {
            referenceNorm += pe.referenceSquaredNorm() / n;
        }

        // path bootstrap: one multinomial resample serves every depth
        int resamples = setup.bootstrap();
        double[][] strongB = new double[nd][resamples];
        double[][] weakB = new double[nd][resamples];
        double[] strongOrderB = new double[resamples];
        double[] weakOrderB = new double[resamples];
        UniformRandomProvider rng = Streams.generator(setup.seed(), BOOTSTRAP_STREAM);
        double[] counts = new double[n];
        double[] s = new double[nd];
        double[] w = new double[nd];
        for (int b = 0; b < resamples; b++) {
            Arrays.fill(counts, 0.0);
            for (int j = 0; j < n; j++) {
                counts[rng.nextInt(n)] += 1.0;
            }
            for (int i = 0; i < nd; i++) {
                strongError(all, i, counts, sums, s, w);
                strongB[i][b] = s[i];
                weakB[i][b] = w[i];
                w[i] = Math.abs(w[i]);
            }
            strongOrderB[b] = OrderFit.slope(logInverse, s);
            weakOrderB[b] = OrderFit.slope(logInverse, w);
        }

        // intervals
        List<DepthError> rows = new ArrayList<>(nd);
        for (int i = 0; i < nd; i++) {
            rows.add(new DepthError(depths[i], interval(strong[i], strongB[i]),
                    absoluteInterval(weak[i], weakB[i]), worst[i]));
        }
        OrderFit strongFit = OrderFit.fit(depths, strong);
        OrderFit weakFit = OrderFit.fit(depths, weakAbs);
        return new ConvergenceResult(setup, rows, referenceNorm, strongFit,
                interval(strongFit.order(), strongOrderB), weakFit,
                interval(weakFit.order(), weakOrderB));
    }

    /**
     * With path weights c_p summing to N: strong[i] = max_k sum_p c_p e_p[i][k] / N and the
     * signed weak[i] = sum_p c_p (|h_L|^2 - |H_1|^2)_p / N; returns the maximizing k.
     */
    private static int strongError(PathErrors[] all, int i, double[] counts, double[] sums,
            double[] strong, double[] weak) {
        int n = all.length;
        int len = all[0].distance()[i].length;
        Arrays.fill(sums, 0, len, 0.0);
        double diff = 0;
        for (int p = 0; p < n; p++) {
            double c = counts[p];
            if (c == 0.0) {
                continue;
            }
            double[] e = all[p].distance()[i];
            for (int k = 0; k < len; k++) {
                sums[k] += c * e[k];
            }
            diff += c * (all[p].networkSquaredNorm()[i] - all[p].referenceSquaredNorm());
        }
        int arg = 0;
        for (int k = 1; k < len; k++) {
            if (sums[k] > sums[arg]) {
                arg = k;
            }
        }
        strong[i] = sums[arg] / n;
        weak[i] = diff / n;
        return arg;
    }

    /** The estimate with the 2.5% and 97.5% percentiles of the resamples (NaNs ignored). */
    private static Estimate interval(double value, double[] resamples) {
        double[] v = Arrays.stream(resamples).filter(Double::isFinite).sorted().toArray();
        if (v.length < 2) {
            return new Estimate(value, Double.NaN, Double.NaN);
        }
        return new Estimate(value, percentile(v, 0.025), percentile(v, 0.975));
    }

    /**
     * |m| with the image under |.| of the percentile interval [a, b] of the signed resamples:
     * [0, max(|a|, |b|)] when it contains 0, else [min(|a|, |b|), max(|a|, |b|)]. Percentiles
     * of |resample| would be biased away from 0 when the mean difference is near 0.
     */
    private static Estimate absoluteInterval(double signed, double[] resamples) {
        Estimate e = interval(signed, resamples);
        double a = Math.abs(e.low());
        double b = Math.abs(e.high());
        double low = e.low() <= 0 && e.high() >= 0 ? 0.0 : Math.min(a, b);
        return new Estimate(Math.abs(signed), low, Math.max(a, b));
    }

    /** Linear interpolation between order statistics (type 7). */
    static double percentile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
