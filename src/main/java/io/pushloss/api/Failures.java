package io.pushloss.api;

import io.pushloss.domain.LossSource;

/**
 * Builds the operator-facing {@link PushLossApiException}s: each message starts with the API, the window and the
 * tasks, then says what went wrong and, for fatal errors, what to fix. Nothing here ever sees the secret key.
 */
final class Failures {

	private static final int MAX_VENDOR_TEXT = 200;

	/** The shortest run of a secret's characters that is redacted where it appears on its own. */
	static final int MIN_SECRET_RUN = 16;

	private static final String REDACTED = "<redacted>";

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

	/**
	 * Removes the given secrets from a text that may echo them (vendor text, I/O exception messages): each secret
	 * whole, and any run of at least {@link #MIN_SECRET_RUN} characters that also occurs in a secret (a vendor that
	 * echoes a 60-character prefix of the UserSig, or its end), then anything that looks like a signed URL's
	 * {@code usersig} parameter.
	 */
	static String scrub(String text, String... secrets) {
		if (text == null) {
			return "";
		}
		String result = text;
		for (String secret : secrets) {
			if (secret != null && !secret.isEmpty()) {
				result = result.replace(secret, REDACTED);
				result = redactRuns(result, secret);
			}
		}
		return result.replaceAll("usersig=[^&\\s\"]*", "usersig=" + REDACTED);
	}

	/** Replaces every run of at least {@link #MIN_SECRET_RUN} characters of {@code text} found in {@code secret}. */
	static String redactRuns(String text, String secret) {
		if (secret.length() < MIN_SECRET_RUN || text.length() < MIN_SECRET_RUN) {
			return text;
		}
		StringBuilder out = null;
		int copied = 0;
		int i = 0;
		while (i + MIN_SECRET_RUN <= text.length()) {
			int longest = 0;
			char first = text.charAt(i);
			for (int j = secret.indexOf(first); j >= 0 && j + MIN_SECRET_RUN <= secret.length(); j = secret.indexOf(first,
					j + 1)) {
				if (text.regionMatches(i, secret, j, MIN_SECRET_RUN)) {
					int length = MIN_SECRET_RUN;
					while (i + length < text.length() && j + length < secret.length()
							&& text.charAt(i + length) == secret.charAt(j + length)) {
						length++;
					}
					longest = Math.max(longest, length);
				}
			}
			if (longest > 0) {
				if (out == null) {
					out = new StringBuilder(text.length());
				}
				out.append(text, copied, i).append(REDACTED);
				i += longest;
				copied = i;
			}
			else {
				i++;
			}
		}
		if (out == null) {
			return text;
		}
		return out.append(text, copied, text.length()).toString();
	}

}
