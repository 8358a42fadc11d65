package org.depthlab.lab.cli;

import org.depthlab.law.WeightLaw;
import org.depthlab.law.WeightLaws;
import org.depthlab.nn.Activation;
import org.depthlab.nn.Block;
import org.depthlab.nn.NetworkSpec;
import org.depthlab.nn.OuterInit;
import picocli.CommandLine.Option;

/**
 * Options that describe one network at initialization; shared by {@code propagate},
 * {@code export} and other commands. Each option is declared once, with its default and a
 * one-line description; {@link #toSpec()} validates them all and names the first bad one.
 */
public final class NetworkOptions {

    @Option(names = "--block", defaultValue = "res3", paramLabel = "BLOCK",
            description = "Residual branch: res1 = V sigma(h), res2 = sigma(V h), "
                    + "res3 = V sigma(W h + b). Default: ${DEFAULT-VALUE}.")
    String block;

    @Option(names = "--width", defaultValue = "40", paramLabel = "D",
            description = "Hidden dimension d. Default: ${DEFAULT-VALUE}.")
    int width;

    @Option(names = "--depth", defaultValue = "1000", paramLabel = "L",
            description = "Number of residual blocks L. Default: ${DEFAULT-VALUE}.")
    int depth;

    @Option(names = "--beta", defaultValue = "0.5", paramLabel = "BETA",
            description = "Scaling exponent: branches are scaled by alpha = L^-beta. "
                    + "Default: ${DEFAULT-VALUE}.")
    double beta;

    @Option(names = "--init", defaultValue = "uniform", paramLabel = "LAW",
            description = "Law of V and W along depth: " + WeightLaws.GRAMMAR
                    + ". Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--init-v", paramLabel = "LAW",
            description = "Law of V along depth, overriding --init.")
    String initV;

    @Option(names = "--init-w", paramLabel = "LAW",
            description = "Law of W along depth (res3), overriding --init.")
    String initW;

    @Option(names = "--activation", defaultValue = "relu", paramLabel = "SIGMA",
            description = "Activation: " + Activation.GRAMMAR + ". Default: ${DEFAULT-VALUE}.")
    String activation;

    @Option(names = "--input-dim", defaultValue = "64", paramLabel = "N",
            description = "Input dimension n_in; inputs are U[0,1]^n_in. "
                    + "Default: ${DEFAULT-VALUE}.")
    int inputDim;

    @Option(names = "--output-dim", defaultValue = "1", paramLabel = "N",
            description = "Output dimension n_out; targets are U[0,1]^n_out. "
                    + "Default: ${DEFAULT-VALUE}.")
    int outputDim;

    @Option(names = "--bias", defaultValue = "false",
            description = "Give res3 blocks a bias b (zero at initialization).")
    boolean bias;

    @Option(names = "--outer-init", defaultValue = "uniform", paramLabel = "INIT",
            description = "Law of A and B, variance 1/fan_in: uniform | gaussian. "
                    + "Default: ${DEFAULT-VALUE}.")
    String outerInit;

    /** Validates every option and builds the spec; a bad value raises {@link BadOption}. */
    public NetworkSpec toSpec() {
        Block b = parse("--block", block, Block::parse, "expected " + Block.GRAMMAR);
        atLeastOne("--width", width);
        atLeastOne("--depth", depth);
        atLeastOne("--input-dim", inputDim);
        atLeastOne("--output-dim", outputDim);
        if (!Double.isFinite(beta)) {
            throw new BadOption("--beta", beta, "must be a finite number");
        }
        Activation sigma = parse("--activation", activation, Activation::parse,
                "expected " + Activation.GRAMMAR);
        WeightLaw lawV = parseLaw(initV != null ? "--init-v" : "--init",
                initV != null ? initV : init);
        WeightLaw lawW = null;
        if (b.hasInnerWeights()) {
            lawW = parseLaw(initW != null ? "--init-w" : "--init", initW != null ? initW : init);
        } else if (initW != null) {
            throw new BadOption("--init-w", initW, "only res3 blocks have W weights (block is "
                    + b.spec() + ")");
        }
        if (bias && !b.hasInnerWeights()) {
            throw new BadOption("--bias", "", "only res3 blocks have a bias (block is "
                    + b.spec() + ")");
        }
        OuterInit outer = parse("--outer-init", outerInit, OuterInit::parse,
                "expected uniform | gaussian");
        try {
            return new NetworkSpec(b, width, depth, inputDim, outputDim, sigma, lawV, lawW, bias,
                    outer);
        } catch (IllegalArgumentException e) {
            throw new BadOption("--depth/--width", depth + "/" + width, e.getMessage());
        }
    }

    public double beta() {
        return beta;
    }

    private static WeightLaw parseLaw(String option, String value) {
        try {
            return WeightLaws.parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadOption(option, value, e.getMessage());
        }
    }

    static void atLeastOne(String option, int value) {
        if (value < 1) {
            throw new BadOption(option, value, "must be an integer >= 1");
        }
    }

    private static <T> T parse(String option, String value,
            java.util.function.Function<String, T> parser, String rule) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new BadOption(option, value, e.getMessage() != null ? e.getMessage() : rule);
        }
    }
}
