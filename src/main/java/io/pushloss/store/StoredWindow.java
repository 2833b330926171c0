package io.pushloss.store;

import java.time.Instant;
import java.util.Objects;

import io.pushloss.domain.LossSource;

/**
 * A window of one task (or of overall statistics / normal push, task {@code ""}) that was fetched and committed.
 *
 * @param source the API it came from
 * @param taskId the TaskID, {@code ""} for overall statistics and for normal push
 * @param start range start, epoch seconds, inclusive
 * @param end range end, epoch seconds, exclusive
 * @param fetchedAt when it was committed
 * @param rowCount how many loss rows it holds for this task
 */
public record StoredWindow(LossSource source, String taskId, long start, long end, Instant fetchedAt, int rowCount) {

	public StoredWindow {
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(taskId, "taskId");
		Objects.requireNonNull(fetchedAt, "fetchedAt");
	}

}
