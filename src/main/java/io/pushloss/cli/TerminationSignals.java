package io.pushloss.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes SIGTERM and SIGINT (Ctrl-C) over while a command's application runs, so that a running job stops
 * gracefully before the JVM begins its shutdown. Left to the JVM, the signal would run every shutdown hook at once,
 * and H2's hook (which cannot be turned off while {@code AUTO_SERVER} is on) would close the database under the
 * job while it commits its last chunk and records that it stopped.
 * <p>
 * The first signal runs the given action in the signal's own thread; a second one exits at once.
 */
final class TerminationSignals implements AutoCloseable {

	private static final String[] SIGNALS = { "TERM", "INT" };

	private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

	private final AtomicBoolean received = new AtomicBoolean();

	private TerminationSignals() {
	}

	/**
	 * Installs the handlers until {@link #close()}.
	 * @param action what the first signal does; receives the signal's name ({@code TERM}, {@code INT})
	 */
	static TerminationSignals install(Consumer<String> action) {
		TerminationSignals signals = new TerminationSignals();
		for (String name : SIGNALS) {
			try {
				Signal signal = new Signal(name);
				signals.previous.put(signal, Signal.handle(signal, (received) -> {
					if (!signals.received.compareAndSet(false, true)) {
						System.exit(128 + received.getNumber());
					}
					action.accept(received.getName());
				}));
			}
			catch (IllegalArgumentException ex) {
				// the signal is not available here (ignored by the parent, -Xrs): the JVM's default applies
			}
		}
		return signals;
	}

	/** Whether a signal was received. */
	boolean received() {
		return this.received.get();
	}

	/** Restores the handlers that were in place before. */
	@Override
	public void close() {
		this.previous.forEach(Signal::handle);
		this.previous.clear();
	}

}
