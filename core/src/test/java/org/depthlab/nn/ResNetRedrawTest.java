package org.depthlab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.depthlab.law.WeightLaws;
import org.junit.jupiter.api.Test;

class ResNetRedrawTest {

    private static final NetworkSpec SPEC = new NetworkSpec(Block.RES3, 6, 5, 4, 2,
            Activation.relu(), WeightLaws.parse("gaussian"), WeightLaws.parse("fgn:0.7"), true,
            OuterInit.UNIFORM);

    @Test
    void redrawGivesTheWeightsOfDrawInTheRecycledArrays() {
        ResNet old = ResNet.draw(SPEC, 0.3, 11);
        old.bias()[2] = 5.0; // trained biases must not survive a redraw
        double[] v = old.v();
        ResNet fresh = ResNet.draw(SPEC, 0.3, 12);
        ResNet recycled = ResNet.redraw(SPEC, 0.3, 12, old);
        assertSame(v, recycled.v(), "arrays of the recycled network are reused");
        assertArrayEquals(fresh.a(), recycled.a());
        assertArrayEquals(fresh.b(), recycled.b());
        assertArrayEquals(fresh.v(), recycled.v());
        assertArrayEquals(fresh.w(), recycled.w());
        assertArrayEquals(fresh.bias(), recycled.bias(), "biases are zero again");
    }

    @Test
    void anotherSpecIsNotRecycled() {
        ResNet old = ResNet.draw(SPEC, 0.3, 11);
        NetworkSpec deeper = new NetworkSpec(Block.RES3, 6, 7, 4, 2, Activation.relu(),
                WeightLaws.parse("gaussian"), WeightLaws.parse("fgn:0.7"), true,
                OuterInit.UNIFORM);
        ResNet other = ResNet.redraw(deeper, 0.3, 11, old);
        assertNotSame(old.v(), other.v());
        assertArrayEquals(ResNet.draw(deeper, 0.3, 11).v(), other.v());
    }
}
