package io.pushloss.api;

/**
 * Reads loss statistics from the vendor. Implementations sign, rate-limit and retry; a call either returns the
 * whole answer or throws {@link PushLossApiException}.
 */
public interface PushLossApi {

	/**
	 * Fetches one query's loss rows.
	 * @throws PushLossApiException when the vendor refuses the call for good, or retries are exhausted
	 */
	LossResponse fetch(LossQuery query);

	/**
	 * Fetches one query's loss rows, telling {@code tally} of each HTTP request sent for it, retries included. This
	 * default counts one request per query, for implementations that do not retry.
	 * @throws PushLossApiException when the vendor refuses the call for good, or retries are exhausted
	 */
	default LossResponse fetch(LossQuery query, RequestTally tally) {
		tally.sent(false);
		return fetch(query);
	}

}
