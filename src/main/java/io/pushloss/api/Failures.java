package io.pushloss.api;

import io.pushloss.domain.LossSource;

/**
 * Builds the operator-facing {@link PushLossApiException}s: each message starts with the API, the window and the
 * tasks, then says what went wrong and, for fatal errors, what to fix. Nothing here ever sees the secret key.
 */
final class Failures {

	private static final int MAX_VENDOR_TEXT = 200;

	private Failures() {
	}

	/** {@code normal_push_loss [1763913600, 1764000000)}, plus {@code overall} or the tasks for push-to-all. */
	static String describe(LossQuery query) {
		String window = query.source().apiName() + " [" + query.startTime() + ", " + query.endTime() + ")";
		if (!query.taskIds().isEmpty()) {
			return window + " tasks " + query.taskIds();
		}
		return (query.source() == LossSource.ALL_MEMBER) ? window + " overall" : window;
	}

	static PushLossApiException retryable(LossQuery query, Integer errorCode, String detail, Throwable cause) {
		return new PushLossApiException(ApiErrorKind.RETRYABLE, errorCode, query, describe(query) + ": " + detail,
				cause);
	}

	static PushLossApiException invalidResponse(LossQuery query, String detail) {
		return new PushLossApiException(ApiErrorKind.INVALID_RESPONSE, null, query,
				describe(query) + ": invalid response: " + detail);
	}

	static PushLossApiException fatal(LossQuery query, Integer errorCode, String detail) {
		return new PushLossApiException(ApiErrorKind.FATAL, errorCode, query, describe(query) + ": " + detail);
	}

	/**
	 * The exception for a non-zero {@code ErrorCode}: {@code <query>: <code> <meaning>: <what to fix>}, and the
	 * vendor's own ErrorInfo. Retryable codes say what the client does instead of what to fix.
	 */
	static PushLossApiException vendorError(LossQuery query, VendorAnswer answer, ApiClientSettings settings) {
		ApiErrorClassifier.Classification classification = ApiErrorClassifier.classify(answer.errorCode());
		StringBuilder detail = new StringBuilder().append(answer.errorCode()).append(' ')
			.append(classification.meaning());
		if (classification.kind() == ApiErrorKind.FATAL) {
			detail.append(": ").append(classification.actionFor(settings));
		}
		detail.append(vendorSaid(answer.errorInfo()));
		return new PushLossApiException(classification.kind(), answer.errorCode(), query,
				describe(query) + ": " + detail);
	}

	/** Wraps the last retryable failure once the attempts are used up. */
	static PushLossApiException gaveUp(LossQuery query, int attempts, PushLossApiException last) {
		String prefix = describe(query) + ": ";
		String cause = last.getMessage().startsWith(prefix) ? last.getMessage().substring(prefix.length())
				: last.getMessage();
		String verb = Thread.currentThread().isInterrupted() ? "interrupted after " : "gave up after ";
		return new PushLossApiException(ApiErrorKind.RETRYABLE, last.errorCode(), query,
				prefix + verb + attempts + ((attempts == 1) ? " attempt: " : " attempts: ") + cause, last);
	}

	/** {@code " (vendor said \"...\")"}, shortened, or {@code ""} when the vendor said nothing. */
	static String vendorSaid(String errorInfo) {
		if (errorInfo == null || errorInfo.isBlank()) {
			return "";
		}
		String text = errorInfo.strip();
		if (text.length() > MAX_VENDOR_TEXT) {
			text = text.substring(0, MAX_VENDOR_TEXT) + "...";
		}
		return " (vendor said \"" + text + "\")";
	}

	/** Removes the given secrets from a text that may echo them (vendor text, I/O exception messages). */
	static String scrub(String text, String... secrets) {
		if (text == null) {
			return "";
		}
		String result = text;
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				result = result.replace(secret, "<redacted>");
			}
		}
		return result.replaceAll("usersig=[^&\\s\"]*", "usersig=<redacted>");
	}

}
