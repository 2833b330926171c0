package io.pushloss.ingest;

/**
 * What one execution of the fetch step did, as the run reports it.
 *
 * @param windowsPlanned windows in the plan (report week and baseline weeks)
 * @param windowsAlreadyStored planned windows found in the store when the step opened
 * @param windowsFetched windows fetched and committed by this step execution
 * @param calls calls to the API made by this step execution
 * @param retries windows fetched again because an earlier execution failed while fetching them
 * @param rowsStored loss rows stored by this step execution
 */
public record FetchCounts(int windowsPlanned, int windowsAlreadyStored, int windowsFetched, int calls, int retries,
		long rowsStored) {

	/** Nothing planned, nothing done: a run whose fetch step never opened. */
	public static final FetchCounts NONE = new FetchCounts(0, 0, 0, 0, 0, 0);

}
