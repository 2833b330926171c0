package io.pushloss.simulator;

/**
 * A failure the simulator can inject into an answer, to exercise a client's retries and its defences against a
 * vendor that breaks its own contract.
 */
public enum Fault {

	/** HTTP 502 with an HTML body, as a gateway in front of the service answers. */
	HTTP_502,

	/** Waits {@link FaultSettings#delay()} before answering normally (to exceed a client's read timeout). */
	DELAY,

	/** {@code 90102}: internal error, please try again later. */
	ERROR_90102,

	/** {@code 91000}: request error, please retry. */
	ERROR_91000,

	/** {@code 60007}: call frequency exceeded, although the client kept to the limit. */
	ERROR_60007,

	/** {@code 90045}: push service not enabled (a configuration error the client must not retry). */
	ERROR_90045,

	/** The successful body cut in half; {@code Content-Length} matches what is sent. */
	TRUNCATED_BODY,

	/** A 200 answer whose body is plain text, not JSON. */
	GARBLE_NON_JSON,

	/** A successful body in which an {@code ErrCount} is the string {@code "abc"}. */
	GARBLE_WRONG_TYPES,

	/** A successful body without {@code ErrorCode}. */
	GARBLE_MISSING_ERROR_CODE,

	/** A successful body with a negative {@code ErrCount}. */
	GARBLE_NEGATIVE_COUNT,

	/** A successful body with an {@code ErrCount} beyond 2^63 (does not fit a signed 64-bit integer). */
	GARBLE_HUGE_COUNT,

	/** An all_member_push_loss body whose first {@code Results} entry appears twice (would double the loss). */
	GARBLE_REPEATED_RESULT,

	/** An all_member_push_loss body whose last asked TaskID has no {@code Results} entry (would read as no loss). */
	GARBLE_MISSING_TASK,

	/** A successful body without {@code PostSendDeliveredLoss} (in the first {@code Results} entry). */
	GARBLE_MISSING_ARRAY,

	/** An all_member_push_loss body with {@code ErrorCode} 0 and no {@code Results} at all. */
	GARBLE_MISSING_RESULTS,

	/**
	 * A task query of all_member_push_loss answered with the overall statistics of its range ({@code TaskID ""}), a
	 * well-formed answer that belongs to another call (the window's overall one). Other calls are answered normally.
	 */
	OVERALL_FOR_TASKS

}
