package io.pushloss.api;

import java.util.List;
import java.util.Objects;

import io.pushloss.domain.LossSource;

/**
 * One request to a push-loss API: a half-open time range {@code [startTime, endTime)} in epoch seconds and, for
 * {@link LossSource#ALL_MEMBER}, up to five TaskIDs (none means overall statistics).
 *
 * @param source which API to call
 * @param startTime range start, epoch seconds
 * @param endTime range end, epoch seconds, greater than {@code startTime}
 * @param taskIds TaskIDs (empty for overall statistics, always empty for {@link LossSource#NORMAL})
 */
public record LossQuery(LossSource source, long startTime, long endTime, List<String> taskIds) {

	/** The API's limit on one query's span: seven days. */
	public static final long MAX_SPAN_SECONDS = 604_800;

	/** The API's limit on TaskIDs per query. */
	public static final int MAX_TASK_IDS = 5;

	public LossQuery {
		Objects.requireNonNull(source, "source");
		taskIds = List.copyOf(Objects.requireNonNull(taskIds, "taskIds"));
		if (endTime <= startTime) {
			throw new IllegalArgumentException(
					"EndTime " + endTime + " must be after StartTime " + startTime + " (" + source.apiName() + ")");
		}
		if (endTime - startTime > MAX_SPAN_SECONDS) {
			throw new IllegalArgumentException("Range " + startTime + ".." + endTime + " spans " + (endTime - startTime)
					+ " s, more than the API's " + MAX_SPAN_SECONDS + " s (" + source.apiName() + ")");
		}
		if (taskIds.size() > MAX_TASK_IDS) {
			throw new IllegalArgumentException(
					taskIds.size() + " TaskIDs in one query, the API allows at most " + MAX_TASK_IDS);
		}
		if (source == LossSource.NORMAL && !taskIds.isEmpty()) {
			throw new IllegalArgumentException("normal_push_loss takes no TaskIDs");
		}
		for (String taskId : taskIds) {
			if (taskId == null || taskId.isBlank()) {
				throw new IllegalArgumentException("TaskIDs must not be blank");
			}
		}
	}

	/** A query for overall statistics (or for normal push) over a range. */
	public static LossQuery overall(LossSource source, long startTime, long endTime) {
		return new LossQuery(source, startTime, endTime, List.of());
	}

	@Override
	public String toString() {
		return this.source.apiName() + " [" + this.startTime + ", " + this.endTime + ")"
				+ (this.taskIds.isEmpty() ? " overall" : " tasks " + this.taskIds);
	}

}
