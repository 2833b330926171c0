package io.pushloss.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.bind.DefaultValue;

import io.pushloss.domain.Region;

/**
 * How {@link PushLossClient} reaches the vendor: where, as whom, how fast and how persistently.
 * <p>
 * Bindable as {@code @ConfigurationProperties} (the {@link DefaultValue}s apply there) and constructible in plain
 * code through {@link #of} or {@link #forRegion} plus the {@code with...} methods. Null durations and a null clock
 * take the defaults, so a partially filled record is fine. {@link #toString()} never shows the secret key.
 *
 * @param baseUrl {@code https://<domain>}, or {@code http://} on a loopback address (simulator), no trailing path
 * @param sdkAppId the application's SDKAppID
 * @param identifier the App administrator account the calls are made as
 * @param secretKey the application's secret key (signs the UserSig; never logged)
 * @param secretKeyEnv the environment variable the key came from, named in operator messages; may be {@code null}
 * @param callsPerSecond the vendor's rate limit per SDKAppID and API (1 call per second)
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout how long one call may take to answer
 * @param maxAttempts attempts per query for retryable failures, the first one included
 * @param initialBackoff the first retry's wait before jitter, doubling on each retry; {@code null} for one call
 * interval, {@code 1 / callsPerSecond} (see {@link #firstBackoff()})
 * @param maxBackoff the longest wait between attempts, also the wait after a 70050 answer
 * @param userSigLifetime how long each generated UserSig is valid; renewed when less than 10% is left
 * @param clock the clock used to sign
 */
public record ApiClientSettings(String baseUrl, long sdkAppId, String identifier, String secretKey,
		String secretKeyEnv, @DefaultValue("1.0") double callsPerSecond, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("30s") Duration readTimeout, @DefaultValue("6") int maxAttempts,
		Duration initialBackoff, @DefaultValue("60s") Duration maxBackoff,
		@DefaultValue("1d") Duration userSigLifetime, Clock clock) {

	/** The safety margin on top of {@code 1 / callsPerSecond} between two call starts. */
	static final double SPACING_MARGIN = 1.02;

	public ApiClientSettings {
		baseUrl = checkBaseUrl(baseUrl);
		if (sdkAppId <= 0) {
			throw new IllegalArgumentException("sdkappid must be positive, got " + sdkAppId);
		}
		if (identifier == null || identifier.isBlank()) {
			throw new IllegalArgumentException("The API identifier (App administrator account) is blank");
		}
		if (secretKey == null || secretKey.isBlank()) {
			throw new IllegalArgumentException("The secret key" + keyOrigin(secretKeyEnv) + " is empty");
		}
		if (!(callsPerSecond > 0) || Double.isInfinite(callsPerSecond)) {
			throw new IllegalArgumentException("callsPerSecond must be a positive number, got " + callsPerSecond);
		}
		connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), "connectTimeout");
		readTimeout = positive(readTimeout, Duration.ofSeconds(30), "readTimeout");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
		}
		maxBackoff = positive(maxBackoff, Duration.ofSeconds(60), "maxBackoff");
		if (initialBackoff != null && (initialBackoff.toMillis() < 1 || maxBackoff.compareTo(initialBackoff) < 0)) {
			throw new IllegalArgumentException("Backoff must satisfy 1 ms <= initialBackoff (" + initialBackoff
					+ ") <= maxBackoff (" + maxBackoff + ")");
		}
		if (maxBackoff.toMillis() < 1) {
			throw new IllegalArgumentException("maxBackoff must be at least 1 ms, got " + maxBackoff);
		}
		userSigLifetime = positive(userSigLifetime, Duration.ofDays(1), "userSigLifetime");
		if (userSigLifetime.getSeconds() < 10) {
			throw new IllegalArgumentException("userSigLifetime must be at least 10 s, got " + userSigLifetime);
		}
		clock = (clock != null) ? clock : Clock.systemUTC();
	}

	/** Settings with every default, for an explicit base URL (for example the simulator's). */
	public static ApiClientSettings of(String baseUrl, long sdkAppId, String identifier, String secretKey) {
		return new ApiClientSettings(baseUrl, sdkAppId, identifier, secretKey, null, 1.0, null, null, 6, null, null,
				null, null);
	}

	/** Settings with every default, for a vendor data centre. */
	public static ApiClientSettings forRegion(Region region, long sdkAppId, String identifier, String secretKey) {
		return of(region.baseUrl(), sdkAppId, identifier, secretKey);
	}

	public ApiClientSettings withSecretKeyEnv(String env) {
		return new ApiClientSettings(this.baseUrl, this.sdkAppId, this.identifier, this.secretKey, env,
				this.callsPerSecond, this.connectTimeout, this.readTimeout, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, this.userSigLifetime, this.clock);
	}

	public ApiClientSettings withCallsPerSecond(double rate) {
		return new ApiClientSettings(this.baseUrl, this.sdkAppId, this.identifier, this.secretKey, this.secretKeyEnv,
				rate, this.connectTimeout, this.readTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff,
				this.userSigLifetime, this.clock);
	}

	public ApiClientSettings withTimeouts(Duration connect, Duration read) {
		return new ApiClientSettings(this.baseUrl, this.sdkAppId, this.identifier, this.secretKey, this.secretKeyEnv,
				this.callsPerSecond, connect, read, this.maxAttempts, this.initialBackoff, this.maxBackoff,
				this.userSigLifetime, this.clock);
	}

	/** Retry policy: attempts (first included) and the exponential backoff's bounds. */
	public ApiClientSettings withRetries(int attempts, Duration initial, Duration max) {
		return new ApiClientSettings(this.baseUrl, this.sdkAppId, this.identifier, this.secretKey, this.secretKeyEnv,
				this.callsPerSecond, this.connectTimeout, this.readTimeout, attempts, initial, max,
				this.userSigLifetime, this.clock);
	}

	public ApiClientSettings withUserSigLifetime(Duration lifetime) {
		return new ApiClientSettings(this.baseUrl, this.sdkAppId, this.identifier, this.secretKey, this.secretKeyEnv,
				this.callsPerSecond, this.connectTimeout, this.readTimeout, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, lifetime, this.clock);
	}

	public ApiClientSettings withClock(Clock newClock) {
		return new ApiClientSettings(this.baseUrl, this.sdkAppId, this.identifier, this.secretKey, this.secretKeyEnv,
				this.callsPerSecond, this.connectTimeout, this.readTimeout, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, this.userSigLifetime, newClock);
	}

	/**
	 * The average time between two call starts on one API: {@code 1 / callsPerSecond} plus 2%. At most
	 * {@link #callsPerWindow()} calls start in any {@code callsPerWindow() * callSpacing()}, and no two closer than
	 * half of it; at the vendor's 1 call per second, no two closer than the spacing (1.02 s).
	 */
	public Duration callSpacing() {
		return Duration.ofNanos(Math.round(1_000_000_000d / this.callsPerSecond * SPACING_MARGIN));
	}

	/**
	 * How many calls may start in one window of {@code callsPerWindow() * callSpacing()}: {@code callsPerSecond}
	 * rounded down, at least 1. This is how the vendor's limit is modelled (at most k calls in any k / rate
	 * seconds): at 1 call per second, one call per window.
	 */
	public int callsPerWindow() {
		return (int) Math.max(1, Math.min(Math.floor(this.callsPerSecond), 1_000_000));
	}

	/**
	 * The first retry's wait before jitter: {@code initialBackoff} when set, else one call interval,
	 * {@code 1 / callsPerSecond} (1 s at the vendor's rate), at least 1 ms and at most {@code maxBackoff}. Waiting
	 * in proportion to the rate keeps a retry from idling many calls' worth of the limit when the rate is high.
	 */
	public Duration firstBackoff() {
		if (this.initialBackoff != null) {
			return this.initialBackoff;
		}
		Duration interval = Duration.ofNanos(Math.round(1_000_000_000d / this.callsPerSecond));
		Duration atLeast = (interval.toMillis() < 1) ? Duration.ofMillis(1) : interval;
		return (atLeast.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : atLeast;
	}

	/** {@code " in $ENV"} when the key's origin is known, else {@code ""}; for operator messages. */
	String keyOrigin() {
		return keyOrigin(this.secretKeyEnv);
	}

	private static String keyOrigin(String env) {
		return (env != null && !env.isBlank()) ? " in $" + env : "";
	}

	private static String checkBaseUrl(String baseUrl) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new IllegalArgumentException("The API base URL is blank (set a region or a base URL)");
		}
		String trimmed = baseUrl.strip().replaceAll("/+$", "");
		URI uri;
		try {
			uri = new URI(trimmed);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("The API base URL '" + baseUrl + "' is not a URL: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
			throw new IllegalArgumentException(
					"The API base URL '" + baseUrl + "' must be scheme://host[:port] without a path");
		}
		if (scheme.equals("http") && !isLoopback(uri.getHost())) {
			throw new IllegalArgumentException("The API base URL '" + baseUrl
					+ "' uses plain http on a non-loopback host; the vendor is only called over https");
		}
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new IllegalArgumentException("The API base URL '" + baseUrl + "' must start with https://");
		}
		return trimmed;
	}

	private static boolean isLoopback(String host) {
		String h = host.toLowerCase(Locale.ROOT);
		return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("::1");
	}

	private static Duration positive(Duration value, Duration fallback, String name) {
		if (value == null) {
			return fallback;
		}
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive, got " + value);
		}
		return value;
	}

	@Override
	public String toString() {
		return "ApiClientSettings[baseUrl=" + this.baseUrl + ", sdkAppId=" + this.sdkAppId + ", identifier="
				+ this.identifier + ", secretKey=" + UserSig.fingerprint(this.secretKey)
				+ ((this.secretKeyEnv != null) ? " from $" + this.secretKeyEnv : "") + ", callsPerSecond="
				+ this.callsPerSecond + ", connectTimeout=" + this.connectTimeout + ", readTimeout=" + this.readTimeout
				+ ", maxAttempts=" + this.maxAttempts + ", backoff=" + firstBackoff() + ".." + this.maxBackoff
				+ ", userSigLifetime=" + this.userSigLifetime + ", clock=" + this.clock + "]";
	}

}
