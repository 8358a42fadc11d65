package org.depthlab.lab.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.depthlab.lab.sweep.Progress;
import org.depthlab.lab.sweep.Sweep;
import org.depthlab.lab.sweep.Table;
import org.depthlab.law.WeightLaws;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A figure's measured rows are the same, bit for bit, on one thread and on three. */
class ThreadInvarianceTest {

    @Test
    void depthScalingRowsDoNotDependOnThreadCount(@TempDir Path dir) {
        int[] depths = {10, 40, 90};
        for (String law : new String[] {"uniform", "fgn:0.7"}) {
            Table one = DepthScalingFigure.figure1().measure(
                    new Sweep(dir.resolve(law + "-1"), "f", 1, Progress.NONE),
                    WeightLaws.parse(law), 12, depths, 4, 5);
            Table three = DepthScalingFigure.figure1().measure(
                    new Sweep(dir.resolve(law + "-3"), "f", 3, Progress.NONE),
                    WeightLaws.parse(law), 12, depths, 4, 5);
            assertEquals(depths.length * 4 * 3, one.rows().size(), "cells x draws x betas");
            for (int i = 0; i < one.rows().size(); i++) {
                assertArrayEquals(one.rows().get(i), three.rows().get(i), law + " row " + i);
            }
        }
    }
}
