package io.pushloss.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The table that decides what happens to a non-zero {@code ErrorCode} or an HTTP failure: retry, sign again, or
 * stop and tell the operator what to fix. Sources: the two API pages (private codes 9xxxx) and the common REST
 * codes listed in {@code shared/api/NOTES.md}.
 */
public final class ApiErrorClassifier {

	private static final Map<Integer, Classification> TABLE = new LinkedHashMap<>();

	static {
		String fixRequest = "the request was rejected as malformed: report this as a bug in push-loss-report";
		fatal(60002, "HTTP parse error", fixRequest);
		fatal(60003, "JSON parse error", fixRequest);
		fatal(60006, "SDKAppID invalid", "check sdkappid {sdkappid} in the job file against the console");
		retryable(60007, "call frequency exceeded");
		retryable(60008, "timeout or bad format");
		fatal(60010, "needs an App administrator",
				"make {identifier} an App administrator in the console, or set the job's api identifier to one");
		retryable(60011, "call frequency exceeded");
		retryable(60018, "call frequency exceeded");
		fatal(60020, "service unavailable (plan expired or arrears)",
				"renew the plan or settle the arrears of sdkappid {sdkappid} in the console");
		fatal(60025, "bad URL parameters", "check sdkappid {sdkappid} and identifier {identifier} in the job file");
		fatal(60026, "domain belongs to another data centre",
				"{baseUrl} is not the data centre of sdkappid {sdkappid}: set the job's api region to the "
						+ "application's region");
		TABLE.put(70001, new Classification(70001, ApiErrorKind.RESIGN, "UserSig expired",
				"sign again; if it persists, check this machine's clock"));
		fatal(70003, "UserSig malformed", "check the secret key{key} for sdkappid {sdkappid}");
		fatal(70009, "wrong secret key", "check the secret key{key} for sdkappid {sdkappid}");
		fatal(70013, "UserSig identifier mismatch",
				"check that identifier {identifier} is the App administrator the key signs for");
		fatal(70014, "UserSig SDKAppID mismatch",
				"check that the secret key{key} belongs to sdkappid {sdkappid}");
		fatal(70016, "UserSig verification failed (key not found)",
				"check the secret key{key} for sdkappid {sdkappid} in the console");
		fatal(70020, "SDKAppID not found", "check sdkappid {sdkappid} and the job's api region in the console");
		retryable(70050, "signature failures or frequency limit, waiting about a minute");
		retryable(70169, "internal timeout");
		retryable(70500, "internal error");
		fatal(90009, "request lacks permissions",
				"make {identifier} an App administrator in the console, or set the job's api identifier to one");
		fatal(90045, "push service not enabled", "enable the Push service for sdkappid {sdkappid} in the console");
		fatal(90100, "invalid request parameters", "check the TaskIDs in the job file and the requested window");
		retryable(90102, "internal error");
		fatal(90103, "failed to switch accounts",
				"check that identifier {identifier} is a valid UserID and an App administrator");
		retryable(91000, "request error");
	}

	private ApiErrorClassifier() {
	}

	/**
	 * The classification of a vendor {@code ErrorCode}. Unknown non-zero codes are {@link ApiErrorKind#FATAL} and
	 * say that the code is not in the documented list.
	 * @throws IllegalArgumentException for 0, which is success
	 */
	public static Classification classify(int errorCode) {
		if (errorCode == 0) {
			throw new IllegalArgumentException("ErrorCode 0 is success, not an error");
		}
		Classification known = TABLE.get(errorCode);
		if (known != null) {
			return known;
		}
		return new Classification(errorCode, ApiErrorKind.FATAL, "unknown error code (not in the vendor's documented list)",
				"look the code up on the vendor's error code page and fix the job configuration");
	}

	/** Shortcut for {@code classify(errorCode).kind()}. */
	public static ApiErrorKind kindOf(int errorCode) {
		return classify(errorCode).kind();
	}

	/**
	 * The kind of a non-2xx HTTP status: 429 and 5xx are transient (the vendor says only network and gateway
	 * failures change the status), anything else means the URL is wrong.
	 */
	public static ApiErrorKind kindOfHttpStatus(int status) {
		return (status == 429 || (status >= 500 && status <= 599)) ? ApiErrorKind.RETRYABLE : ApiErrorKind.FATAL;
	}

	/** Whether the code says "too many calls" (counted in {@link ClientStats#frequencyLimitAnswers()}). */
	public static boolean isFrequencyLimit(int errorCode) {
		return errorCode == 60007 || errorCode == 60011 || errorCode == 60018 || errorCode == 70050;
	}

	/** Whether the code asks for a long pause (about a minute) rather than the usual backoff. */
	public static boolean needsLongPause(int errorCode) {
		return errorCode == 70050;
	}

	/** Every documented code, in table order. */
	public static Set<Integer> knownCodes() {
		return Collections.unmodifiableSet(TABLE.keySet());
	}

	private static void fatal(int code, String meaning, String action) {
		TABLE.put(code, new Classification(code, ApiErrorKind.FATAL, meaning, action));
	}

	private static void retryable(int code, String meaning) {
		TABLE.put(code, new Classification(code, ApiErrorKind.RETRYABLE, meaning, "retry with backoff"));
	}

	/**
	 * One row of the table.
	 *
	 * @param errorCode the vendor's code
	 * @param kind what the client does
	 * @param meaning what the code means, short
	 * @param action what the client or the operator does about it; may hold the placeholders {@code {sdkappid}},
	 * {@code {identifier}}, {@code {baseUrl}} and {@code {key}} (filled by {@link #actionFor})
	 */
	public record Classification(int errorCode, ApiErrorKind kind, String meaning, String action) {

		/** The action with the placeholders filled in from the client's settings; never contains the key. */
		public String actionFor(ApiClientSettings settings) {
			return this.action.replace("{sdkappid}", Long.toString(settings.sdkAppId()))
				.replace("{identifier}", settings.identifier())
				.replace("{baseUrl}", settings.baseUrl())
				.replace("{key}", settings.keyOrigin());
		}

	}

}
