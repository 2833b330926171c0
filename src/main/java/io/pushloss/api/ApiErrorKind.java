package io.pushloss.api;

/**
 * How a failed call is handled.
 */
public enum ApiErrorKind {

	/** Transient: frequency limit, internal error, gateway error, timeout, truncated body. Back off and retry. */
	RETRYABLE,

	/** The UserSig expired (70001): sign again and retry once. */
	RESIGN,

	/** Configuration the operator must fix (wrong key, wrong data centre, service not enabled). Never retried. */
	FATAL,

	/** The vendor answered with a body that breaks the contract (missing ErrorCode, non-numeric count). */
	INVALID_RESPONSE

}
