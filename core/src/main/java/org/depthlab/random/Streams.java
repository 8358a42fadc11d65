package org.depthlab.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoShiRo256PlusPlus;

/**
 * Independent random streams addressed by a seed and a path of indices.
 *
 * <p>Every draw in depthlab comes from a stream derived from (seed, cell, repetition, layer, ...)
 * so that a result depends neither on the number of threads nor on the order of evaluation, and
 * any one cell can be recomputed alone. A path is folded into a 64-bit key with the SplitMix64
 * finalizer (Steele, Lea and Flood, 2014); the key seeds a xoshiro256++ generator through a
 * SplitMix64 sequence. There is no global state.
 */
public final class Streams {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Streams() {
    }

    /** SplitMix64's 64-bit finalizer: a bijective mix of all bits of {@code z}. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key of the child stream {@code index} of the stream {@code parent}. */
    public static long child(long parent, long index) {
        return mix(mix(parent + GOLDEN_GAMMA) ^ (index * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    /** The key of the stream reached from {@code seed} by the path {@code indices}. */
    public static long key(long seed, long... indices) {
        long k = mix(seed ^ 0x5DEECE66DL);
        for (long i : indices) {
            k = child(k, i);
        }
        return k;
    }

    /** A fresh generator for the stream {@code key}; the caller owns it (not thread-safe). */
    public static UniformRandomProvider generator(long key) {
        return new XoShiRo256PlusPlus(state(key));
    }

    /**
     * A fresh exact N(0, 1) sampler for the stream {@code key}, for bulk fills: its ziggurat
     * reads the 64-bit sequence that {@code generator(key)} produces. The caller owns it (not
     * thread-safe).
     */
    public static GaussianFiller gaussians(long key) {
        long[] s = state(key);
        return new GaussianFiller(s[0], s[1], s[2], s[3]);
    }

    /** The xoshiro256++ state of the stream {@code key}: four steps of SplitMix64 from key. */
    private static long[] state(long key) {
        long s = key;
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            s += GOLDEN_GAMMA;
            state[i] = mix(s);
        }
        return state;
    }

    /** Shorthand for {@code generator(key(seed, indices))}. */
    public static UniformRandomProvider generator(long seed, long... indices) {
        return generator(key(seed, indices));
    }
}
