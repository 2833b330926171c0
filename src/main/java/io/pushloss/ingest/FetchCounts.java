package io.pushloss.ingest;

/**
 * What one execution of the fetch step did, as the run reports it.
 *
 * @param windowsPlanned windows in the plan (report week and baseline weeks)
 * @param windowsAlreadyStored planned windows found in the store when the step opened
 * @param windowsFetched windows fetched and committed by this step execution
 * @param calls HTTP requests this step execution sent to the vendor, retried ones included (what the vendor's
 * frequency limit and quota count); a window takes one call when nothing goes wrong
 * @param retriedCalls of those calls, the ones that repeated an earlier request of the same window (after a
 * frequency-limit answer, HTTP 5xx, a timeout, or an expired UserSig)
 * @param retries windows fetched again because an earlier execution failed while fetching them
 * @param rowsStored loss rows stored by this step execution
 */
public record FetchCounts(int windowsPlanned, int windowsAlreadyStored, int windowsFetched, int calls,
		int retriedCalls, int retries, long rowsStored) {

	/** Nothing planned, nothing done: a run whose fetch step never opened. */
	public static final FetchCounts NONE = new FetchCounts(0, 0, 0, 0, 0, 0, 0);

}
