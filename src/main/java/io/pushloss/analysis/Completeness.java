package io.pushloss.analysis;

import java.time.Instant;
import java.util.List;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

/**
 * Whether every planned window of W and its baseline weeks is in the store. A report with any window missing is
 * PARTIAL and says which ranges are missing.
 *
 * @param weeks one entry per week, W first
 */
public record Completeness(List<WeekCompleteness> weeks) {

	public Completeness {
		weeks = List.copyOf(weeks);
	}

	/** Whether no planned window of any week is missing. */
	public boolean complete() {
		return this.weeks.stream().allMatch((week) -> week.missing().isEmpty());
	}

	/**
	 * @param week the week
	 * @param plannedWindows windows the plan needs
	 * @param storedWindows of those, windows in the store
	 * @param missing the missing ranges
	 */
	public record WeekCompleteness(IsoWeek week, int plannedWindows, int storedWindows, List<MissingRange> missing) {

		public WeekCompleteness {
			missing = List.copyOf(missing);
		}

	}

	/** A planned window not in the store ({@code taskId} is {@code ""} for overall / normal push). */
	public record MissingRange(LossSource source, String taskId, Instant start, Instant end) {
	}

}
