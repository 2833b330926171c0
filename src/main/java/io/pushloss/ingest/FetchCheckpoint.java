package io.pushloss.ingest;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Where one execution of the fetch step keeps what a restart needs and what the run reports: its counts and the
 * window in flight. The job keeps it in the step's execution context; the fetch step never names a key.
 */
public interface FetchCheckpoint {

	/** The key of the window an earlier execution was fetching when it failed, or {@code null}. */
	String inFlight();

	/**
	 * Records the counts and the window being fetched ({@code null} once it is committed).
	 * @param counts what the execution has done so far
	 * @param inFlight the key of the window being fetched, {@code null} when none is
	 */
	void record(FetchCounts counts, String inFlight);

	/** Gives the checkpoint kept in a step's execution context. */
	@FunctionalInterface
	interface Store {

		/** The checkpoint kept in this execution context. */
		FetchCheckpoint in(ExecutionContext context);

	}

}
