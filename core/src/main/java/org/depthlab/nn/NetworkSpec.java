package org.depthlab.nn;

import org.depthlab.law.WeightLaw;

/**
 * The architecture and initialization of a scaled residual network, without its weights.
 *
 * <pre>
 *   h_0     = A x                              A: width x inputDim
 *   h_{k+1} = h_k + alpha f_{k+1}(h_k)         k = 0 .. depth-1
 *   F(x)    = B h_depth                        B: outputDim x width
 * </pre>
 *
 * @param block      the residual branch form
 * @param width      hidden dimension d, at least 1
 * @param depth      number of residual blocks L, at least 1
 * @param inputDim   input dimension n_in, at least 1
 * @param outputDim  output dimension n_out, at least 1
 * @param activation sigma
 * @param lawV       law along depth of the outer branch weights V_k
 * @param lawW       law along depth of the inner weights W_k (res3 only; ignored otherwise)
 * @param bias       whether res3 blocks carry a bias b_k (zero at initialization)
 * @param outerInit  law of A and B
 */
public record NetworkSpec(Block block, int width, int depth, int inputDim, int outputDim,
        Activation activation, WeightLaw lawV, WeightLaw lawW, boolean bias,
        OuterInit outerInit) {

    public NetworkSpec {
        requireNonNull(block, "block");
        requireNonNull(activation, "activation");
        requireNonNull(lawV, "lawV");
        requireNonNull(outerInit, "outerInit");
        requireAtLeastOne("width", width);
        requireAtLeastOne("depth", depth);
        requireAtLeastOne("inputDim", inputDim);
        requireAtLeastOne("outputDim", outputDim);
        if (block.hasInnerWeights()) {
            requireNonNull(lawW, "lawW");
        } else if (bias) {
            throw new IllegalArgumentException("bias is only defined for res3 blocks, got block "
                    + block.spec());
        }
        long perMatrix = (long) depth * width * width;
        if (perMatrix > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("depth * width^2 = " + perMatrix
                    + " weights per matrix kind exceeds the largest Java array ("
                    + Integer.MAX_VALUE + "); reduce depth or width");
        }
    }

    /** A spec with both weight kinds drawn from {@code law}, no bias and uniform A, B. */
    public static NetworkSpec of(Block block, int width, int depth, int inputDim, int outputDim,
            Activation activation, WeightLaw law) {
        return new NetworkSpec(block, width, depth, inputDim, outputDim, activation, law,
                block.hasInnerWeights() ? law : null, false, OuterInit.UNIFORM);
    }

    /** alpha_L = L^(-beta). */
    public double alpha(double beta) {
        return Scaling.alpha(depth, beta);
    }

    /** Number of scalar weights (A, B, all V, W and b). */
    public long parameterCount() {
        long n = (long) width * inputDim + (long) outputDim * width + (long) depth * width * width;
        if (block.hasInnerWeights()) {
            n += (long) depth * width * width;
            if (bias) {
                n += (long) depth * width;
            }
        }
        return n;
    }

    private static void requireNonNull(Object o, String name) {
        if (o == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
    }

    private static void requireAtLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + value);
        }
    }
}
