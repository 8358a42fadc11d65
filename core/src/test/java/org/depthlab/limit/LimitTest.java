package org.depthlab.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.depthlab.law.Kernel;
import org.junit.jupiter.api.Test;

/** The limits declare their scaling and orders; fgn accepts H in (1/2, 1) only. */
class LimitTest {

    @Test
    void parsesTheThreeKinds() {
        assertEquals(new Limit.NeuralSde(), Limit.parse("sde", null));
        assertEquals(new Limit.NeuralOde(Limit.DEFAULT_KERNEL), Limit.parse(" ODE ", null));
        assertEquals(new Limit.NeuralOde(Kernel.rbf(0.3)), Limit.parse("ode", Kernel.rbf(0.3)));
        assertEquals(new Limit.FractionalSde(0.75), Limit.parse("fgn:0.75", null));
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("brownian", null));
        assertThrows(IllegalArgumentException.class, () -> Limit.parse("fgn:x", null));
    }

    @Test
    void declaresScalingAndOrders() {
        Limit sde = new Limit.NeuralSde();
        assertEquals(0.5, sde.beta());
        assertEquals(0.5, sde.strongOrder());
        assertTrue(sde.driven());
        Limit ode = new Limit.NeuralOde(Limit.DEFAULT_KERNEL);
        assertEquals(1.0, ode.beta());
        assertEquals(1.0, ode.strongOrder());
        assertFalse(ode.driven());
        Limit fgn = new Limit.FractionalSde(0.8);
        assertEquals(0.8, fgn.beta());
        assertEquals(0.6, fgn.strongOrder(), 1e-15);
        assertEquals("fgn:0.8", fgn.law().spec());
    }

    @Test
    void hurstOutsideTheOpenIntervalIsRejectedWithTheRule() {
        for (String h : new String[] {"0.5", "0.3", "1", "1.2", "-0.7"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Limit.parse("fgn:" + h, null));
            assertTrue(e.getMessage().contains("(1/2, 1)"), e.getMessage());
        }
    }
}
