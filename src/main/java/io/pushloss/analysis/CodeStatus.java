package io.pushloss.analysis;

/**
 * How an error code moved from last week to this week.
 */
public enum CodeStatus {

	/** Lost pushes this week, none last week nor earlier in the baseline. */
	NEW,

	/** Present this week, absent last week, present earlier in the baseline. */
	REGRESSED,

	/** None this week, some last week. */
	RESOLVED,

	/** More this week than last week (both above 0). */
	UP,

	/** Fewer this week than last week (this week above 0). */
	DOWN,

	/** The same count both weeks (above 0). */
	FLAT;

	/**
	 * Classifies a code.
	 * @param thisWeek the count in W
	 * @param lastWeek the count in W-1
	 * @param seenEarlier whether the code had a count above 0 in any baseline week before W-1 (W-2 to W-n)
	 * @throws IllegalArgumentException when both weeks are 0: such codes are never listed
	 */
	public static CodeStatus classify(long thisWeek, long lastWeek, boolean seenEarlier) {
		if (thisWeek == 0 && lastWeek == 0) {
			throw new IllegalArgumentException("a code with 0 lost pushes in both weeks has no status: it is never listed");
		}
		if (thisWeek == 0) {
			return RESOLVED;
		}
		if (lastWeek == 0) {
			return seenEarlier ? REGRESSED : NEW;
		}
		if (thisWeek == lastWeek) {
			return FLAT;
		}
		return (thisWeek > lastWeek) ? UP : DOWN;
	}

}
