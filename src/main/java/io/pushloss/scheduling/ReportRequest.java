package io.pushloss.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.pushloss.domain.IsoWeek;

/**
 * A run-now or backfill request of the console or the API: the weeks of one job to run through the scheduler, and
 * what became of it.
 *
 * @param id the request's id (a UUID)
 * @param kind a single week, or a range
 * @param job the job name
 * @param from the first week
 * @param to the last week (the first for a single week)
 * @param email whether the runs email their report
 * @param force whether every week is fetched again even when complete
 * @param requestedBy the user who asked
 * @param requestedAt when it was asked
 * @param state where it stands
 * @param startedAt when a node started it, or {@code null}
 * @param endedAt when it ended, or {@code null}
 * @param node the Quartz instance id of the node that runs or ran it, or {@code null}
 * @param executionIds the runs (Spring Batch job execution ids) it made so far, in order
 * @param message the outcome of the last week run, or {@code null}
 */
public record ReportRequest(String id, Kind kind, String job, IsoWeek from, IsoWeek to, boolean email,
		boolean force, String requestedBy, Instant requestedAt, State state, Instant startedAt, Instant endedAt,
		String node, List<Long> executionIds, String message) {

	public ReportRequest {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(job, "job");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(state, "state");
		executionIds = List.copyOf(executionIds);
	}

	/** The weeks asked for, oldest first. */
	public List<IsoWeek> weeks() {
		java.util.ArrayList<IsoWeek> weeks = new java.util.ArrayList<>();
		for (IsoWeek week = this.from; week.compareTo(this.to) <= 0; week = week.plusWeeks(1)) {
			weeks.add(week);
		}
		return weeks;
	}

	/** What is asked. */
	public enum Kind {

		/** Run now: one week. */
		RUN,

		/** Backfill: a range of weeks, oldest first. */
		BACKFILL

	}

	/** Where a request stands. */
	public enum State {

		/** Waiting for a scheduler thread (on any node). */
		QUEUED,

		/** Being run. */
		RUNNING,

		/** Every week completed or was already complete. */
		DONE,

		/** A week did not complete: the request stopped there. */
		FAILED,

		/** Stopped by a shutdown; running it again continues where it stopped. */
		STOPPED;

		/** Whether it has ended. */
		public boolean ended() {
			return this == DONE || this == FAILED || this == STOPPED;
		}

	}

}
