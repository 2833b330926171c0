package io.pushloss.api;

/**
 * Hears each HTTP request one {@link PushLossApi#fetch(LossQuery, RequestTally)} sends to the vendor, as it is sent,
 * so that the caller counts exactly the requests of its own queries (a failed fetch included) even when the client
 * is shared with other runs. A request is a retry when it is not the first of its query: sent again after a
 * retryable failure (a frequency-limit answer, HTTP 5xx, a timeout) or signed again after a 70001 answer.
 */
@FunctionalInterface
public interface RequestTally {

	/** Counts nothing. */
	RequestTally NONE = (retry) -> {
	};

	/**
	 * One request left for the vendor.
	 * @param retry whether it repeats an earlier request of the same query
	 */
	void sent(boolean retry);

}
