package io.pushloss.store;

import java.time.Instant;
import java.util.Objects;

import io.pushloss.api.LossQuery;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

/**
 * One query window the ingest plan needs for a week: the analysis sums the stored rows of exactly these windows, so
 * rows stored under another window granularity (a weekly window beside daily ones) are never counted twice.
 *
 * @param week the report or baseline week the window belongs to
 * @param source the API the window is fetched from
 * @param taskId the push-to-all TaskID, {@code ""} for overall statistics and for normal push
 * @param start epoch seconds, inclusive
 * @param end epoch seconds, exclusive
 */
public record PlannedWindow(IsoWeek week, LossSource source, String taskId, long start, long end) {

	/** TaskIDs one call asks for at most: the planned windows of up to this many tasks are one fetch window. */
	public static final int TASKS_PER_CALL = LossQuery.MAX_TASK_IDS;

	public PlannedWindow {
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(taskId, "taskId");
		if (end <= start) {
			throw new IllegalArgumentException("Planned window " + start + ".." + end + " of " + week + " ("
					+ source.apiName() + ") ends before it starts");
		}
		if (source == LossSource.NORMAL && !taskId.isEmpty()) {
			throw new IllegalArgumentException("Planned window of normal_push_loss has TaskID '" + taskId
					+ "'; only all_member_push_loss has tasks");
		}
	}

	/** Whether this window is of overall statistics (push to all without TaskID, or normal push). */
	public boolean overall() {
		return this.taskId.isEmpty();
	}

	public Instant startInstant() {
		return Instant.ofEpochSecond(this.start);
	}

	public Instant endInstant() {
		return Instant.ofEpochSecond(this.end);
	}

	@Override
	public String toString() {
		return this.week + " " + this.source.apiName() + (overall() ? "" : " task " + this.taskId) + " ["
				+ startInstant() + ", " + endInstant() + ")";
	}

}
