package io.pushloss.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Which faults a {@link FaultSettings} draws for the first calls, so that tests can pick a seed whose schedule
 * holds every kind they want to see.
 */
public final class FaultDraws {

	private FaultDraws() {
	}

	/** The faults drawn for calls {@code 0..calls-1} ({@code null} entries are faithful answers). */
	public static List<Fault> first(FaultSettings settings, int calls) {
		List<Fault> draws = new ArrayList<>();
		for (int call = 0; call < calls; call++) {
			draws.add(settings.faultFor(call));
		}
		return draws;
	}

}
