package io.pushloss.simulator;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * Stamps each request with the time the server's dispatcher thread saw it arrive, before it waits for a free handler
 * thread: the frequency limit then measures arrivals as the network delivered them, not as the simulator's own
 * thread pool got round to them (which, with answers that take tens of milliseconds, can be later and bunched).
 */
final class ArrivalStamps implements Executor {

	private static final ThreadLocal<Instant> CURRENT = new ThreadLocal<>();

	private final Executor delegate;

	private final Clock clock;

	ArrivalStamps(Executor delegate, Clock clock) {
		this.delegate = delegate;
		this.clock = clock;
	}

	/** Called by the HTTP server's dispatcher thread for each request it has seen arrive. */
	@Override
	public void execute(Runnable exchange) {
		Instant arrival = this.clock.instant();
		this.delegate.execute(() -> {
			CURRENT.set(arrival);
			try {
				exchange.run();
			}
			finally {
				CURRENT.remove();
			}
		});
	}

	/** When the request handled on this thread arrived, or {@code now} when it was not stamped. */
	static Instant arrivalOr(Instant now) {
		Instant arrival = CURRENT.get();
		return (arrival != null) ? arrival : now;
	}

}
