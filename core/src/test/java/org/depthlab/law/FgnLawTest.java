package org.depthlab.law;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.depthlab.random.Streams;
import org.junit.jupiter.api.Test;

/** The stream contract of {@link FgnLaw}; its law is checked by {@link WeightLawContractTest}. */
class FgnLawTest {

    /** Depth 100: M = 256, so one batch holds {@link FgnLaw#PAIRS_PER_BATCH} pairs. */
    private static final int DEPTH = 100;
    /** 7 x 19 = 133 entries: 67 pairs, two batches (64 + 3), the last entry without partner. */
    private static final int ROWS = 7;
    private static final int COLS = 19;
    /**
     * Largest difference between an entry and the JTransforms path of its stream times
     * 1/sqrt(cols): the two FFTs round differently, by a few ulps of values of order 1.
     */
    private static final double FFT_AGREEMENT = 1e-12;

    @Test
    void entryPairsAreTheFftPairsOfTheirStreams() {
        assertEquals(FgnLaw.PAIRS_PER_BATCH, FgnLaw.pairsPerBatch(256));
        int size = ROWS * COLS;
        double[] out = new double[DEPTH * size];
        new FgnLaw(0.7).sample(DEPTH, ROWS, COLS, 11, out);
        FractionalGaussianNoise fgn = new FractionalGaussianNoise(0.7, DEPTH);
        double scale = 1.0 / Math.sqrt(COLS);
        for (int p = 0; 2 * p < size; p++) {
            double[] x = new double[DEPTH];
            double[] y = new double[DEPTH];
            fgn.samplePair(Streams.gaussians(Streams.child(11, p)), x, 0, y, 0, scale, null);
            for (int k = 0; k < DEPTH; k++) {
                assertEquals(x[k], out[k * size + 2 * p], FFT_AGREEMENT, "entry " + 2 * p);
                if (2 * p + 1 < size) {
                    assertEquals(y[k], out[k * size + 2 * p + 1], FFT_AGREEMENT,
                            "entry " + (2 * p + 1));
                }
            }
        }
    }

    @Test
    void anEntryIsBitwiseTheSameWhateverTheBatching() {
        // 5 x 19 = 95 entries: one batch of 48 pairs, and entry 94 has no partner; in the 7 x 19
        // draw the same entries fall in a batch of 64 pairs and 94 is paired with 95
        int smallRows = 5;
        double[] big = new double[DEPTH * ROWS * COLS];
        double[] small = new double[DEPTH * smallRows * COLS];
        FgnLaw law = new FgnLaw(0.3);
        law.sample(DEPTH, ROWS, COLS, 12, big);
        law.sample(DEPTH, smallRows, COLS, 12, small);
        for (int k = 0; k < DEPTH; k++) {
            for (int e = 0; e < smallRows * COLS; e++) {
                assertEquals(big[k * ROWS * COLS + e], small[k * smallRows * COLS + e], 0.0,
                        "layer " + k + ", entry " + e);
            }
        }
    }
}
