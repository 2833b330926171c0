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

}
