package org.depthlab.limit;

/**
 * The errors of the depth-L network against its limit, over all paths of a study.
 *
 * @param depth     L
 * @param strong    sup_k E|h_k - H(k/L)|: the maximum over k = 0 .. L of the mean over paths of
 *                  the Euclidean distance, with a path-bootstrap percentile interval
 * @param weak      |E|h_L|^2 - E|H_1|^2|, estimated as the absolute mean of the paired
 *                  differences; its interval is the image under |.| of the path-bootstrap
 *                  percentile interval of the signed mean (so it starts at 0 when that
 *                  interval contains 0)
 * @param worstStep the k at which the strong error's maximum is attained
 */
public record DepthError(int depth, Estimate strong, Estimate weak, int worstStep) {
}
