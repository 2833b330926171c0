package io.pushloss.api;

/**
 * A call to a push-loss API failed. The message is operator-facing: it names the API, the window and what to fix,
 * and never contains the secret key or the UserSig.
 */
public class PushLossApiException extends RuntimeException {

	private final ApiErrorKind kind;

	private final Integer errorCode;

	private final transient LossQuery query;

	public PushLossApiException(ApiErrorKind kind, Integer errorCode, LossQuery query, String message) {
		this(kind, errorCode, query, message, null);
	}

	public PushLossApiException(ApiErrorKind kind, Integer errorCode, LossQuery query, String message,
			Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.errorCode = errorCode;
		this.query = query;
	}

	/** How the failure is handled. */
	public ApiErrorKind kind() {
		return this.kind;
	}

	/** The vendor's ErrorCode, or {@code null} for network, HTTP or parse failures. */
	public Integer errorCode() {
		return this.errorCode;
	}

	/** The query that failed, or {@code null} when it failed before a query existed. */
	public LossQuery query() {
		return this.query;
	}

}
