package io.pushloss.job;

import org.springframework.batch.core.BatchStatus;

/**
 * Where a run of a report week stands, as {@code runs}, the health endpoint and the scheduler see it: Spring
 * Batch's status of the job execution, named in this product's terms.
 */
public enum RunStatus {

	/** Being launched. */
	STARTING,

	/** Running (or left marked running by a process that died). */
	STARTED,

	/** Asked to stop; stops after the current window. */
	STOPPING,

	/** Stopped; running the week again continues it. */
	STOPPED,

	/** Failed; running the week again continues from the first window not committed. */
	FAILED,

	/** Ran to the end. */
	COMPLETED,

	/** Given up by an operator; it will not be continued. */
	ABANDONED,

	/** Spring Batch could not tell. */
	UNKNOWN;

	/** The status of a job execution. */
	public static RunStatus of(BatchStatus status) {
		return switch (status) {
			case STARTING -> STARTING;
			case STARTED -> STARTED;
			case STOPPING -> STOPPING;
			case STOPPED -> STOPPED;
			case FAILED -> FAILED;
			case COMPLETED -> COMPLETED;
			case ABANDONED -> ABANDONED;
			case UNKNOWN -> UNKNOWN;
		};
	}

	/** Whether the run is (marked) running. */
	public boolean running() {
		return this == STARTING || this == STARTED || this == STOPPING;
	}

}
