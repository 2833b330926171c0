package io.pushloss.simulator;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fault settings in force and the number of calls since they were applied; replaced atomically at runtime.
 */
final class FaultPlan {

	private record State(FaultSettings settings, AtomicLong calls) {
	}

	private final AtomicReference<State> state = new AtomicReference<>();

	FaultPlan(FaultSettings settings) {
		apply(settings);
	}

	void apply(FaultSettings settings) {
		this.state.set(new State(Objects.requireNonNull(settings, "faults"), new AtomicLong()));
	}

	FaultSettings settings() {
		return this.state.get().settings();
	}

	/** The fault for the next call, or {@code null}. */
	Fault next() {
		State current = this.state.get();
		return current.settings().faultFor(current.calls().getAndIncrement());
	}

}
