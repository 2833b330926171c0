package io.pushloss.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the vendor's push-loss APIs: signs each call with a cached UserSig, keeps the call starts per SDKAppID and
 * API within {@code callsPerSecond} less 2% (a sliding window over the actual starts), retries transient failures
 * with exponential backoff and jitter (resilience4j) from one call interval up, signs again once on 70001, and turns
 * everything else into an operator-facing {@link PushLossApiException}. Thread-safe; one instance per application
 * (SDKAppID) is enough.
 */
public final class PushLossClient implements PushLossApi {

	private static final Logger log = LoggerFactory.getLogger(PushLossClient.class);

	private final ApiClientSettings settings;

	private final CallWindowRateLimiter limiter;

	private final SharedSlotGate sharedSlots;

	private final SignatureCache signatures;

	private final HttpClient http;

	private final Retry retry;

	private final ClientStats stats = new ClientStats();

	private final SecureRandom random = new SecureRandom();

	/** The exchanges in progress, cancelled by {@link #abort()}. */
	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private volatile boolean aborted;

	/** A client on its own: its calls are rate-limited by a limiter of its own. */
	public PushLossClient(ApiClientSettings settings) {
		this(settings, new CallWindowRateLimiter(), SharedCallSlots.NONE, Duration.ZERO);
	}

	/**
	 * A client whose calls are rate-limited with every other client of the process through {@code limiter}, and
	 * across processes through {@code sharedSlots}.
	 * @param arrivalMargin the slack of the shared slots: each window of k calls is this much longer than the
	 * vendor's, and a call later than half of it after its slot reserves again (see {@link SharedSlotGate})
	 */
	public PushLossClient(ApiClientSettings settings, CallWindowRateLimiter limiter, SharedCallSlots sharedSlots,
			Duration arrivalMargin) {
		this(settings, limiter, new SharedSlotGate(sharedSlots, arrivalMargin));
	}

	PushLossClient(ApiClientSettings settings, CallWindowRateLimiter limiter) {
		this(settings, limiter, new SharedSlotGate(SharedCallSlots.NONE, Duration.ZERO));
	}

	PushLossClient(ApiClientSettings settings, CallWindowRateLimiter limiter, SharedSlotGate sharedSlots) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.limiter = limiter;
		this.sharedSlots = sharedSlots;
		this.signatures = new SignatureCache(settings);
		this.http = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.retry = Retry.of("push-loss-api-" + settings.sdkAppId(), retryConfig(settings, () -> this.aborted));
		this.retry.getEventPublisher().onRetry((event) -> {
			this.stats.retryScheduled();
			log.warn("{}; attempt {} of {} failed, retrying in {} ms", event.getLastThrowable().getMessage(),
					event.getNumberOfRetryAttempts(), settings.maxAttempts(), event.getWaitInterval().toMillis());
		});
	}

	/**
	 * Ends the call in progress at once and refuses every later call until {@link #resume()} (no retries either):
	 * for an application that is stopping while the vendor does not answer.
	 */
	public void abort() {
		this.aborted = true;
		this.inFlight.forEach((exchange) -> exchange.cancel(true));
	}

	/** Calls again after {@link #abort()}. */
	public void resume() {
		this.aborted = false;
	}

	/** Counters of this client's calls, retries, frequency-limit answers and re-signs. */
	public ClientStats stats() {
		return this.stats;
	}

	@Override
	public LossResponse fetch(LossQuery query) {
		return fetch(query, RequestTally.NONE);
	}

	@Override
	public LossResponse fetch(LossQuery query, RequestTally tally) {
		Objects.requireNonNull(query, "query");
		Objects.requireNonNull(tally, "tally");
		AtomicInteger attempts = new AtomicInteger();
		AtomicInteger requests = new AtomicInteger();
		// every request after the first of this query is a retry (after a retryable failure, or signed again)
		Runnable requestSent = () -> tally.sent(requests.getAndIncrement() > 0);
		try {
			return this.retry.executeSupplier(() -> attempt(query, attempts.incrementAndGet(), requestSent));
		}
		catch (PushLossApiException ex) {
			if (ex.kind() == ApiErrorKind.RETRYABLE) {
				throw Failures.gaveUp(query, attempts.get(), ex);
			}
			throw ex;
		}
	}

	/** One attempt; a 70001 answer is signed again and sent once more within the attempt. */
	private LossResponse attempt(LossQuery query, int attempt, Runnable requestSent) {
		VendorAnswer answer = send(query, attempt, this.signatures.current(), requestSent);
		if (isResign(answer)) {
			this.stats.resigned();
			log.info("{}: UserSig expired (70001), signing again", Failures.describe(query));
			answer = send(query, attempt, this.signatures.renew(), requestSent);
			if (isResign(answer)) {
				throw Failures.fatal(query, answer.errorCode(), answer.errorCode()
						+ " UserSig expired right after signing it again: check this machine's clock (it reads "
						+ this.settings.clock().instant() + ")" + Failures.vendorSaid(answer.errorInfo()));
			}
		}
		if (answer.errorCode() != 0) {
			throw Failures.vendorError(query, answer, this.settings);
		}
		return answer.response();
	}

	private VendorAnswer send(LossQuery query, int attempt, String userSig, Runnable requestSent) {
		if (this.aborted) {
			throw Failures.retryable(query, null, "aborted: the application is stopping", null);
		}
		long random = this.random.nextInt() & 0xFFFF_FFFFL;
		String url = VendorRequests.url(this.settings, query, userSig, random);
		HttpRequest request = VendorRequests.post(url, query, this.settings.readTimeout());
		HttpResponse<String> response;
		String key = limiterKey(query);
		long start;
		try {
			// first this JVM's own limiter, then the slot shared with other processes: the slot's check that the call
			// is not late is the last thing before the request leaves, so nothing may wait after it
			start = this.limiter.acquire(key, this.settings.callsPerWindow(), this.settings.callSpacing());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Failures.retryable(query, null, "interrupted", ex);
		}
		try {
			this.sharedSlots.await(key, this.settings.callSpacing(), this.settings.callsPerWindow(), this::warmUp);
		}
		catch (InterruptedException ex) {
			this.limiter.finished(key, start);
			Thread.currentThread().interrupt();
			throw Failures.retryable(query, null, "interrupted", ex);
		}
		try {
			log.debug("POST {} ({}, attempt {})", Failures.scrub(url), Failures.describe(query), attempt);
			this.stats.callSent();
			requestSent.run();
			response = exchange(request);
		}
		catch (HttpConnectTimeoutException ex) {
			throw Failures.retryable(query, null, "could not connect to " + this.settings.baseUrl() + " within "
					+ this.settings.connectTimeout(), ex);
		}
		catch (HttpTimeoutException ex) {
			throw Failures.retryable(query, null, "no complete answer within " + this.settings.readTimeout(), ex);
		}
		catch (IOException ex) {
			throw Failures.retryable(query, null, "network error calling " + this.settings.baseUrl() + ": "
					+ Failures.scrub(ex.toString(), this.settings.secretKey(), userSig), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Failures.retryable(query, null, "interrupted", ex);
		}
		finally {
			this.limiter.finished(key, start);
		}
		return answer(query, response, userSig);
	}

	/**
	 * Opens the connection to the vendor and runs the client's code once, outside any rate-limit slot, before a cold
	 * call: a plain GET of the base URL's root, which is no API call (nothing is signed or sent but the request line),
	 * whose answer, whatever it is, is discarded. The API call after it then reaches the vendor on time instead of
	 * after a TCP and TLS handshake and the loading of the HTTP client's classes.
	 * @return whether an answer came (the connection is open)
	 */
	private boolean warmUp() {
		if (this.aborted) {
			return false;
		}
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.settings.baseUrl()).resolve("/"))
				.timeout(this.settings.connectTimeout())
				.GET()
				.build();
			CompletableFuture<HttpResponse<Void>> future = this.http.sendAsync(request,
					HttpResponse.BodyHandlers.discarding());
			this.inFlight.add(future);
			try {
				HttpResponse<Void> response = future.get(this.settings.connectTimeout().toMillis() * 2,
						TimeUnit.MILLISECONDS);
				log.debug("Warmed up the connection to {} (HTTP {})", this.settings.baseUrl(), response.statusCode());
				return true;
			}
			finally {
				this.inFlight.remove(future);
				future.cancel(true);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException | TimeoutException | CancellationException | IllegalArgumentException ex) {
			log.debug("Could not warm up the connection to {}: {}", this.settings.baseUrl(), ex.toString());
			return false;
		}
	}

	/**
	 * Sends and reads the whole body within connect + read timeout. The request timeout alone stops counting once
	 * the headers arrive, so a body that stalls would otherwise block for ever.
	 */
	private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
		CompletableFuture<HttpResponse<String>> future = this.http.sendAsync(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		this.inFlight.add(future);
		if (this.aborted) {
			future.cancel(true);
		}
		try {
			return future.get(this.settings.connectTimeout().plus(this.settings.readTimeout()).toMillis(),
					TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new HttpTimeoutException("the answer did not complete in time");
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			throw ex;
		}
		catch (ExecutionException ex) {
			if (this.aborted) {
				// the client cancels the exchange in one of several ways (a cancelled future, "Request cancelled")
				throw new IOException("aborted: the application is stopping", ex.getCause());
			}
			if (ex.getCause() instanceof IOException io) {
				throw io;
			}
			throw new IOException(String.valueOf(ex.getCause()), ex.getCause());
		}
		catch (CancellationException ex) {
			throw new IOException("aborted: the application is stopping", ex);
		}
		finally {
			this.inFlight.remove(future);
		}
	}

	private VendorAnswer answer(LossQuery query, HttpResponse<String> response, String userSig) {
		int status = response.statusCode();
		if (status < 200 || status > 299) {
			String detail = "HTTP " + status + " from " + this.settings.baseUrl();
			if (ApiErrorClassifier.kindOfHttpStatus(status) == ApiErrorKind.RETRYABLE) {
				if (status == 429) {
					this.stats.frequencyLimited();
				}
				throw Failures.retryable(query, null, detail, null);
			}
			throw Failures.fatal(query, null, detail + "/" + query.source().path()
					+ ": check the job's api region or base URL");
		}
		// A gateway error page may echo the request URL: never let the signature reach a message.
		String body = Failures.scrub(response.body(), this.settings.secretKey(), userSig);
		VendorAnswer answer = ResponseParser.parse(query, body,
				(text) -> Failures.scrub(text, this.settings.secretKey(), userSig));
		if (ApiErrorClassifier.isFrequencyLimit(answer.errorCode())) {
			this.stats.frequencyLimited();
		}
		return answer;
	}

	private static boolean isResign(VendorAnswer answer) {
		return answer.errorCode() != 0 && ApiErrorClassifier.kindOf(answer.errorCode()) == ApiErrorKind.RESIGN;
	}

	private String limiterKey(LossQuery query) {
		return this.settings.baseUrl() + " " + this.settings.sdkAppId() + " " + query.source().apiName();
	}

	static RetryConfig retryConfig(ApiClientSettings settings) {
		return retryConfig(settings, () -> false);
	}

	/** @param aborted whether the client was aborted: nothing is retried then */
	static RetryConfig retryConfig(ApiClientSettings settings, BooleanSupplier aborted) {
		IntervalFunction backoff = IntervalFunction.ofExponentialRandomBackoff(settings.firstBackoff(), 2.0, 0.5,
				settings.maxBackoff());
		long longPause = settings.maxBackoff().toMillis();
		// 70050 asks for about a minute; everything else backs off exponentially with jitter.
		IntervalBiFunction<LossResponse> interval = (attempt, outcome) -> (outcome.isLeft()
				&& outcome.getLeft() instanceof PushLossApiException ex && ex.errorCode() != null
				&& ApiErrorClassifier.needsLongPause(ex.errorCode())) ? longPause : backoff.apply(attempt);
		return RetryConfig.<LossResponse>custom()
			.maxAttempts(settings.maxAttempts())
			.intervalBiFunction(interval)
			.retryOnException((failure) -> !aborted.getAsBoolean() && isRetryable(failure))
			.build();
	}

	private static boolean isRetryable(Throwable failure) {
		return failure instanceof PushLossApiException ex && ex.kind() == ApiErrorKind.RETRYABLE
				&& !Thread.currentThread().isInterrupted();
	}

	@Override
	public String toString() {
		return "PushLossClient[" + this.settings.baseUrl() + ", sdkappid " + this.settings.sdkAppId() + ", "
				+ this.stats + "]";
	}

}
