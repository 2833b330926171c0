package io.pushloss.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which calls get a fault and which one. Call {@code n} (counted from when the settings were applied) gets a fault
 * when a hash of {@code (seed, n)} falls below {@code share}; the kind is picked from {@code kinds} by another hash of
 * the same pair. The same settings therefore fault the same calls every run.
 *
 * @param share the fraction of calls that get a fault, 0 (none) to 1 (every call)
 * @param kinds the faults to pick from; must not be empty when {@code share > 0}
 * @param seed the seed of the choice
 * @param delay how long {@link Fault#DELAY} waits before answering
 */
public record FaultSettings(double share, List<Fault> kinds, long seed, Duration delay) {

	/** The delay used by {@link #always(Fault)}: longer than any sensible client read timeout in tests. */
	public static final Duration DEFAULT_DELAY = Duration.ofSeconds(10);

	public FaultSettings {
		if (!(share >= 0.0 && share <= 1.0)) {
			throw new IllegalArgumentException("Fault share " + share + " is outside [0, 1]");
		}
		kinds = List.copyOf(Objects.requireNonNull(kinds, "kinds"));
		if (share > 0 && kinds.isEmpty()) {
			throw new IllegalArgumentException("Fault share " + share + " needs at least one kind of fault");
		}
		Objects.requireNonNull(delay, "delay");
		if (delay.isNegative()) {
			throw new IllegalArgumentException("Fault delay " + delay + " is negative");
		}
	}

	/** No faults. */
	public static FaultSettings none() {
		return new FaultSettings(0.0, List.of(), 0, Duration.ZERO);
	}

	/** Every call gets this fault ({@link Fault#DELAY} waits {@link #DEFAULT_DELAY}). */
	public static FaultSettings always(Fault kind) {
		return new FaultSettings(1.0, List.of(kind), 0, DEFAULT_DELAY);
	}

	/** A share of the calls get one of these faults. */
	public static FaultSettings of(double share, long seed, Fault... kinds) {
		return new FaultSettings(share, List.of(kinds), seed, DEFAULT_DELAY);
	}

	public FaultSettings withDelay(Duration delay) {
		return new FaultSettings(this.share, this.kinds, this.seed, delay);
	}

	/** The fault for call number {@code call}, or {@code null} when that call is answered faithfully. */
	Fault faultFor(long call) {
		if (this.share <= 0.0) {
			return null;
		}
		long h = Hashing.hash(this.seed, call);
		if (Hashing.unit(h) >= this.share) {
			return null;
		}
		return this.kinds.get((int) Math.floorMod(Hashing.mix(h), (long) this.kinds.size()));
	}

}
