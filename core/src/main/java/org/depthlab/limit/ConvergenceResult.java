package org.depthlab.limit;

import java.util.List;

/**
 * What a {@link ConvergenceStudy} measured.
 *
 * @param setup                 the study
 * @param errors                one entry per depth, in the setup's (increasing) order
 * @param referenceSquaredNorm  E|H_1|^2 estimated over the paths
 * @param strongFit             least-squares order of the strong errors, with the regression
 *                              interval ({@link OrderFit})
 * @param strongOrder           the same order with a path-bootstrap 95% percentile interval
 * @param weakFit               least-squares order of the weak errors
 * @param weakOrder             the weak order with a path-bootstrap 95% percentile interval
 */
public record ConvergenceResult(ConvergenceStudy.Setup setup, List<DepthError> errors,
        double referenceSquaredNorm, OrderFit strongFit, Estimate strongOrder, OrderFit weakFit,
        Estimate weakOrder) {

    public ConvergenceResult {
        errors = List.copyOf(errors);
    }
}
