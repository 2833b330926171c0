package io.pushloss.store;

import java.util.List;
import java.util.Objects;

import io.pushloss.api.LossQuery;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

/**
 * One call's worth of loss data: a source, up to five TaskIDs (none for overall statistics and for normal push)
 * and a half-open range {@code [start, end)} in epoch seconds that lies inside one ISO week.
 *
 * @param week the week the range belongs to
 * @param source which API to call
 * @param taskIds TaskIDs in job-file order, empty for overall statistics and for {@link LossSource#NORMAL}
 * @param start range start, epoch seconds, inclusive
 * @param end range end, epoch seconds, exclusive
 */
public record FetchWindow(IsoWeek week, LossSource source, List<String> taskIds, long start, long end) {

	/** The store's task key for overall statistics and for normal push. */
	public static final String NO_TASK = "";

	public FetchWindow {
		Objects.requireNonNull(week, "week");
		Objects.requireNonNull(source, "source");
		taskIds = List.copyOf(Objects.requireNonNull(taskIds, "taskIds"));
		// LossQuery checks span, order, task count and blank TaskIDs with operator-facing messages
		new LossQuery(source, start, end, taskIds);
	}

	/** The API request for this window. */
	public LossQuery toQuery() {
		return new LossQuery(this.source, this.start, this.end, this.taskIds);
	}

	/** Whether this window reads overall statistics or normal push rather than named tasks. */
	public boolean isOverall() {
		return this.taskIds.isEmpty();
	}

	/**
	 * The task keys this window is stored under: its TaskIDs, or {@link #NO_TASK} alone for overall statistics
	 * and normal push.
	 */
	public List<String> taskKeys() {
		return isOverall() ? List.of(NO_TASK) : this.taskIds;
	}

	/** The same range and source for a subset of this window's tasks. */
	public FetchWindow withTaskIds(List<String> subset) {
		if (!this.taskIds.containsAll(subset)) {
			throw new IllegalArgumentException(subset + " is not a subset of " + this.taskIds);
		}
		return new FetchWindow(this.week, this.source, subset, this.start, this.end);
	}

	/** A stable text key, used to recognise a window across executions. */
	public String key() {
		return this.source.name() + ":" + this.start + ":" + this.end + ":" + String.join(",", this.taskIds);
	}

	/** The span in seconds. */
	public long seconds() {
		return this.end - this.start;
	}

	@Override
	public String toString() {
		return this.week + " " + toQuery();
	}

}
