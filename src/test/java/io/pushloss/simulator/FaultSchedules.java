package io.pushloss.simulator;

import java.util.stream.LongStream;

/**
 * Fault settings that fault a chosen call: {@link FaultSettings} draws faults by a hash of (seed, call number), so a
 * seed is searched for under which the calls before {@code call} are answered faithfully and {@code call} is not.
 */
public final class FaultSchedules {

	private FaultSchedules() {
	}

	/**
	 * Settings under which calls {@code 0} to {@code call - 1} (counted from when they are applied) succeed and
	 * call {@code call} gets {@code kind}; later calls get it half of the time.
	 */
	public static FaultSettings firstFaultAt(long call, Fault kind) {
		for (long seed = 1; seed < 100_000; seed++) {
			FaultSettings settings = FaultSettings.of(0.5, seed, kind);
			if (settings.faultFor(call) != null
					&& LongStream.range(0, call).allMatch((earlier) -> settings.faultFor(earlier) == null)) {
				return settings;
			}
		}
		throw new IllegalStateException("No seed faults call " + call + " first");
	}

}
