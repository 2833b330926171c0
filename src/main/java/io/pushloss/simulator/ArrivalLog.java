package io.pushloss.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.pushloss.domain.LossSource;

/**
 * The arrivals of the calls the frequency limit saw, per API (the simulator serves one SDKAppID), rejected ones
 * included, the latest {@link #KEPT} of each: what a benchmark or a test measures the use of the limit from.
 */
final class ArrivalLog {

	/** Arrivals kept per API: hours of calls at the vendor's rate, a bounded memory for a long-running simulator. */
	static final int KEPT = 100_000;

	private final Map<LossSource, Deque<PushLossSimulator.Arrival>> arrivals = new EnumMap<>(LossSource.class);

	ArrivalLog() {
		for (LossSource source : LossSource.values()) {
			this.arrivals.put(source, new ArrayDeque<>());
		}
	}

	void record(LossSource source, PushLossSimulator.Arrival arrival) {
		Deque<PushLossSimulator.Arrival> log = this.arrivals.get(source);
		synchronized (log) {
			log.addLast(arrival);
			if (log.size() > KEPT) {
				log.pollFirst();
			}
		}
	}

	/** The kept arrivals of one API, in arrival order. */
	List<PushLossSimulator.Arrival> of(LossSource source) {
		Deque<PushLossSimulator.Arrival> log = this.arrivals.get(source);
		List<PushLossSimulator.Arrival> copy;
		synchronized (log) {
			copy = new ArrayList<>(log);
		}
		copy.sort(Comparator.comparing(PushLossSimulator.Arrival::at));
		return copy;
	}

}
