package io.pushloss.simulator;

import java.nio.charset.StandardCharsets;

/**
 * Stateless, stable hashing that the synthetic data is drawn from. Every figure is a pure function of its inputs, so
 * any hour of any range can be computed on its own, in any order, without tables.
 */
final class Hashing {

	private static final double UNIT = 0x1.0p-53;

	private Hashing() {
	}

	/** SplitMix64's finaliser: a strong 64-bit mix. */
	static long mix(long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** Mixes several values into one hash; the order matters. */
	static long hash(long... values) {
		long h = 0x51_7C_C1_B7_27_22_0A_95L;
		for (long value : values) {
			h = mix(h ^ mix(value));
		}
		return h;
	}

	/** A uniform double in {@code [0, 1)} from a hash. */
	static double unit(long hash) {
		return (hash >>> 11) * UNIT;
	}

	/** FNV-1a over the UTF-8 bytes: stable across JVMs, unlike {@code String.hashCode} mixed with nothing. */
	static long of(String text) {
		long h = 0xcbf29ce484222325L;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			h ^= (b & 0xff);
			h *= 0x100000001b3L;
		}
		return h;
	}

}
