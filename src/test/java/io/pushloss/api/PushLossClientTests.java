package io.pushloss.api;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.pushloss.MutableClock;
import io.pushloss.api.StubVendor.Received;
import io.pushloss.api.StubVendor.Reply;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PushLossClientTests {

	static final String KEY = UserSigTests.KEY;

	static final long SDK_APP_ID = 1400000000L;

	static final LossQuery TASKS = new LossQuery(LossSource.ALL_MEMBER, 1763913600L, 1764000000L,
			List.of("xxx-yyy-zzz", "aaa-bbb-ccc"));

	static final LossQuery NORMAL = LossQuery.overall(LossSource.NORMAL, 1763913600L, 1764000000L);

	private final MutableClock clock = new MutableClock(Instant.parse("2025-11-24T00:00:00Z"));

	/** Fake nanosecond time of the rate limiter; its sleeper advances it instead of waiting. */
	private final AtomicLong ticks = new AtomicLong();

	private StubVendor vendor;

	@BeforeEach
	void startVendor() throws IOException {
		this.vendor = new StubVendor(this.ticks::get);
	}

	@AfterEach
	void stopVendor() {
		this.vendor.close();
	}

	@Test
	void sendsSignedPostWithQueryParametersAndBody() {
		LossResponse response = client(settings()).fetch(TASKS);

		assertThat(response.query()).isEqualTo(TASKS);
		assertThat(response.rows()).containsExactly(
				new LossRow("", Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, "-1", 7, "Certificate id not set"));
		Received request = this.vendor.received().get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/v4/timpush/all_member_push_loss");
		assertThat(request.contentType()).startsWith("application/json");
		assertThat(request.params()).containsOnlyKeys("sdkappid", "identifier", "usersig", "random", "contenttype")
			.containsEntry("sdkappid", "1400000000")
			.containsEntry("identifier", "administrator")
			.containsEntry("contenttype", "json");
		assertThat(new UserSig(KEY, this.clock).verify(request.params().get("usersig"), SDK_APP_ID, "administrator"))
			.isEqualTo(UserSig.Verification.VALID);
		assertThat(Long.parseLong(request.params().get("random"))).isBetween(0L, 4294967295L);
		assertThat(request.body())
			.isEqualTo("{\"StartTime\":1763913600,\"EndTime\":1764000000,\"TaskID\":[\"xxx-yyy-zzz\",\"aaa-bbb-ccc\"]}");
	}

	@Test
	void sendsEmptyTaskListForOverallAndNoTaskIdForNormalPush() {
		PushLossClient client = client(settings());
		client.fetch(LossQuery.overall(LossSource.ALL_MEMBER, 1763913600L, 1764000000L));
		client.fetch(NORMAL);

		List<Received> requests = this.vendor.received();
		assertThat(requests.get(0).body()).isEqualTo("{\"StartTime\":1763913600,\"EndTime\":1764000000,\"TaskID\":[]}");
		assertThat(requests.get(1).path()).isEqualTo("/v4/timpush/normal_push_loss");
		assertThat(requests.get(1).body()).isEqualTo("{\"StartTime\":1763913600,\"EndTime\":1764000000}");
		assertThat(requests.get(1).params().get("usersig")).isEqualTo(requests.get(0).params().get("usersig"));
		assertThat(client.stats().calls()).isEqualTo(2);
	}

	@Test
	void retriesInternalErrorThenSucceeds() {
		this.vendor.reply(StubVendor.error(90102, "internal error"));
		PushLossClient client = client(settings());

		assertThat(client.fetch(TASKS).rows()).hasSize(1);
		assertThat(this.vendor.received()).hasSize(2);
		assertThat(client.stats().retries()).isEqualTo(1);
		assertThat(client.stats().calls()).isEqualTo(2);
	}

	@Test
	void wrongSecretKeyIsFatalAfterOneCallAndTellsWhatToFix() {
		this.vendor.reply(StubVendor.error(70009, ""));
		PushLossClient client = client(settings());

		PushLossApiException ex = fetchFailing(client, NORMAL);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.FATAL);
		assertThat(ex.errorCode()).isEqualTo(70009);
		assertThat(ex.query()).isEqualTo(NORMAL);
		assertThat(ex.getMessage()).isEqualTo("normal_push_loss [1763913600, 1764000000): 70009 wrong secret key: "
				+ "check the secret key in $TIM_SECRET_KEY for sdkappid 1400000000");
		assertThat(this.vendor.received()).hasSize(1);
		assertThat(client.stats().retries()).isZero();
		assertNoSecretIn(ex);
	}

	@Test
	void tellsTheCallerOfEveryRequestOfItsQueryAndWhichOnesRepeatedAnEarlierOne() {
		this.vendor.reply(StubVendor.error(60007, "call frequency exceeded"), StubVendor.error(70001, "UserSig expired"));
		PushLossClient client = client(settings());
		List<Boolean> sent = new ArrayList<>();

		assertThat(client.fetch(TASKS, sent::add).rows()).hasSize(1);

		assertThat(this.vendor.received()).hasSize(3);
		assertThat(sent).as("the first request, the retry after 60007, the one signed again")
			.containsExactly(false, true, true);
	}

	@Test
	void aFetchThatFailsStillTellsTheCallerOfEveryRequestItSent() {
		this.vendor.otherwise(StubVendor.error(90102, "internal error"));
		PushLossClient client = client(settings());
		List<Boolean> sent = new ArrayList<>();

		assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> client.fetch(TASKS, sent::add));

		assertThat(sent).hasSize(this.vendor.received().size()).hasSizeGreaterThan(1).startsWith(false);
		assertThat(sent.subList(1, sent.size())).containsOnly(true);
	}

	@Test
	void expiredSignatureIsSignedAgainOnce() {
		this.vendor.reply(StubVendor.error(70001, "UserSig expired"));
		PushLossClient client = client(settings());

		assertThat(client.fetch(TASKS).rows()).hasSize(1);
		assertThat(this.vendor.received()).hasSize(2);
		assertThat(client.stats().resigns()).isEqualTo(1);
		assertThat(client.stats().retries()).isZero();
	}

	@Test
	void signatureExpiredAgainRightAfterSigningIsFatalPointingAtTheClock() {
		this.vendor.otherwise(StubVendor.error(70001, "UserSig expired"));
		PushLossClient client = client(settings());

		PushLossApiException ex = fetchFailing(client, TASKS);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.FATAL);
		assertThat(ex.getMessage()).contains("70001").contains("check this machine's clock");
		assertThat(this.vendor.received()).hasSize(2);
		assertThat(client.stats().resigns()).isEqualTo(1);
	}

	@Test
	void retriesBadGatewayTruncatedAndStalledBodies() {
		this.vendor.reply(Reply.status(502), Reply.ok("{\"ErrorCode\":0,\"ReadyToSendLoss\":[{\"ErrC"),
				Reply.stalledBody());
		PushLossClient client = client(settings().withRetries(4, Duration.ofMillis(1), Duration.ofMillis(1))
			.withTimeouts(Duration.ofMillis(200), Duration.ofMillis(300)));

		assertThat(client.fetch(TASKS).rows()).hasSize(1);
		assertThat(this.vendor.received()).hasSize(4);
		assertThat(client.stats().retries()).isEqualTo(3);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void abortEndsACallWhoseBodyStallsWithoutRetryingAndRefusesLaterCallsUntilResumed() throws Exception {
		this.vendor.otherwise(Reply.stalledBody());
		// only the abort can end this call in time
		PushLossClient client = client(settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMinutes(10)));
		CompletableFuture<LossResponse> calling = CompletableFuture.supplyAsync(() -> client.fetch(TASKS));
		Awaitility.await().until(() -> !this.vendor.received().isEmpty());

		client.abort();

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(calling::get)
			.havingCause()
			.isInstanceOf(PushLossApiException.class)
			.withMessageContaining("gave up after 1 attempt")
			.withMessageContaining("aborted: the application is stopping");
		assertThat(this.vendor.received()).as("not retried").hasSize(1);
		assertThat(fetchFailing(client, TASKS).getMessage()).contains("aborted: the application is stopping");
		assertThat(this.vendor.received()).as("refused before sending").hasSize(1);
		client.resume();
		this.vendor.otherwise(Reply.ok(StubVendor.okBody()));
		assertThat(client.fetch(TASKS).rows()).hasSize(1);
	}

	@Test
	void partsOfTheUserSigEchoedByTheVendorAreRedactedFromItsTextsAndRows() {
		PushLossClient client = client(settings());
		client.fetch(NORMAL);
		String usersig = this.vendor.received().get(0).params().get("usersig");
		assertThat(usersig).hasSizeGreaterThan(80);
		String prefix = usersig.substring(0, 60);
		String middle = usersig.substring(30, 50);
		// the middle part once with its tenth character as a JSON escape: hidden from a scrub of the raw body
		String escaped = middle.substring(0, 10) + String.format("\\u%04x", (int) middle.charAt(10))
				+ middle.substring(11);
		this.vendor.reply(StubVendor.error(70003, "sig " + prefix + " rejected"));
		this.vendor.reply(Reply.ok("{\"ActionStatus\":\"OK\",\"ErrorCode\":0,\"ErrorInfo\":\"ok " + escaped + "\","
				+ "\"ReadyToSendLoss\":[{\"ErrCode\":\"-1\",\"ErrCount\":7,\"ErrInfo\":\"token " + middle + " and "
				+ escaped + "\"}],\"PostSendDeliveredLoss\":[],\"PlatformReadyToSendLoss\":[],"
				+ "\"PlatformPostSendDeliveredLoss\":[]}"));

		PushLossApiException ex = fetchFailing(client, NORMAL);
		LossResponse response = client.fetch(NORMAL);

		assertThat(ex.getMessage()).contains("sig <redacted> rejected").doesNotContain(prefix.substring(0, 16));
		assertThat(response.rows()).singleElement()
			.satisfies((row) -> assertThat(row.errInfo()).isEqualTo("token <redacted> and <redacted>"));
	}

	@Test
	void runsOfASecretAreRedactedWhereverTheyAppear() {
		String secret = "abcdefghijklmnopqrstuvwxyz0123456789";

		assertThat(Failures.scrub("x " + secret.substring(3, 19) + " y " + secret.substring(20) + "!", secret))
			.isEqualTo("x <redacted> y <redacted>!");
		assertThat(Failures.scrub("short " + secret.substring(0, 15) + " stays", secret))
			.as("15 characters in common can be chance").isEqualTo("short " + secret.substring(0, 15) + " stays");
		assertThat(Failures.scrub("no secret here", secret)).isEqualTo("no secret here");
	}

	@Test
	void givesUpAfterMaxAttempts() {
		this.vendor.otherwise(StubVendor.error(90102, "internal error, please try again later"));
		PushLossClient client = client(settings());

		PushLossApiException ex = fetchFailing(client, TASKS);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE);
		assertThat(ex.errorCode()).isEqualTo(90102);
		assertThat(ex.getMessage()).isEqualTo("all_member_push_loss [1763913600, 1764000000) tasks [xxx-yyy-zzz, "
				+ "aaa-bbb-ccc]: gave up after 3 attempts: 90102 internal error "
				+ "(vendor said \"internal error, please try again later\")");
		assertThat(this.vendor.received()).hasSize(3);
		assertThat(client.stats().retries()).isEqualTo(2);
		assertNoSecretIn(ex);
	}

	@Test
	void countsFrequencyLimitAnswers() {
		this.vendor.reply(StubVendor.error(60007, "frequency limit"), Reply.status(429));
		PushLossClient client = client(settings());

		client.fetch(NORMAL);

		assertThat(client.stats().frequencyLimitAnswers()).isEqualTo(2);
		assertThat(client.stats().retries()).isEqualTo(2);
	}

	@Test
	void eachAttemptGoesThroughTheRateLimiter() {
		this.vendor.reply(StubVendor.error(60007, "frequency limit"), StubVendor.error(90102, "busy"));
		PushLossClient client = client(settings().withCallsPerSecond(1.0));

		client.fetch(NORMAL);
		client.fetch(NORMAL);

		List<Received> requests = this.vendor.received();
		assertThat(requests).hasSize(4);
		for (int i = 1; i < requests.size(); i++) {
			assertThat(requests.get(i).tick() - requests.get(i - 1).tick()).as("spacing before call %d", i + 1)
				.isGreaterThanOrEqualTo(1_000_000_000L);
		}
	}

	@Test
	void nothingHoldsACallBackAfterItsSharedSlotNotEvenThisProcesssOwnLimiter() {
		// slots shared with other processes that are free at once; the client's own limiter still spaces the calls
		List<Long> reservedAt = new ArrayList<>();
		SharedCallSlots free = (key, spacing) -> {
			reservedAt.add(this.ticks.get());
			long now = this.ticks.get() / 1000;
			return new SharedCallSlots.Slot(now, now);
		};
		Duration margin = Duration.ofMillis(25);
		PushLossClient client = new PushLossClient(settings().withCallsPerSecond(1.0),
				new CallWindowRateLimiter(this.ticks::get, this.ticks::addAndGet),
				new SharedSlotGate(free, margin, this.ticks::get, this.ticks::addAndGet));

		client.fetch(NORMAL);
		client.fetch(NORMAL);
		client.fetch(NORMAL);

		List<Received> all = this.vendor.received();
		assertThat(all.get(0).method() + " " + all.get(0).path()).as("the cold client warms its connection up first")
			.isEqualTo("GET /");
		List<Received> requests = all.stream().filter((request) -> request.method().equals("POST")).toList();
		assertThat(all).hasSize(4);
		assertThat(requests).hasSize(3);
		for (int i = 0; i < requests.size(); i++) {
			assertThat(requests.get(i).tick() - reservedAt.get(i)).as("call %d after its slot", i + 1)
				.isBetween(0L, margin.toNanos() / 2);
		}
		for (int i = 1; i < requests.size(); i++) {
			assertThat(requests.get(i).tick() - requests.get(i - 1).tick()).as("the process's own spacing")
				.isGreaterThanOrEqualTo(1_000_000_000L);
		}
	}

	@Test
	void contractViolationIsNotRetried() {
		this.vendor.reply(Reply.ok("{\"ActionStatus\":\"OK\",\"ReadyToSendLoss\":[]}"));
		PushLossClient client = client(settings());

		PushLossApiException ex = fetchFailing(client, TASKS);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.INVALID_RESPONSE);
		assertThat(ex.getMessage()).endsWith("invalid response: ErrorCode is missing");
		assertThat(this.vendor.received()).hasSize(1);
	}

	@Test
	void unknownCodeIsFatalAndSaysSo() {
		this.vendor.reply(StubVendor.error(12345, "something new"));

		PushLossApiException ex = fetchFailing(client(settings()), NORMAL);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.FATAL);
		assertThat(ex.getMessage()).contains("12345 unknown error code").contains("something new");
		assertThat(this.vendor.received()).hasSize(1);
	}

	@Test
	void notFoundIsFatalAndPointsAtTheBaseUrl() {
		this.vendor.reply(Reply.status(404));

		PushLossApiException ex = fetchFailing(client(settings()), NORMAL);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.FATAL);
		assertThat(ex.getMessage()).contains("HTTP 404").contains("check the job's api region or base URL");
		assertThat(this.vendor.received()).hasSize(1);
	}

	@Test
	void secretsEchoedByTheVendorAreRedacted() {
		PushLossClient client = client(settings());
		client.fetch(NORMAL);
		String usersig = this.vendor.received().get(0).params().get("usersig");
		this.vendor.reply(StubVendor.error(70003, "bad sig " + usersig + " key " + KEY));

		PushLossApiException ex = fetchFailing(client, NORMAL);

		assertThat(ex.getMessage()).contains("<redacted>").doesNotContain(usersig).doesNotContain(KEY);
	}

	@Test
	void unreachableVendorIsRetriedThenReported() {
		this.vendor.close();
		PushLossClient client = client(settings());

		PushLossApiException ex = fetchFailing(client, NORMAL);

		assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE);
		assertThat(ex.getMessage()).contains("gave up after 3 attempts: network error calling " + this.vendor.baseUrl());
		assertThat(client.stats().calls()).isEqualTo(3);
		assertNoSecretIn(ex);
	}

	@Test
	void renewsTheSignatureWhenLessThanATenthOfItsLifetimeIsLeft() {
		PushLossClient client = client(settings());
		client.fetch(NORMAL);
		this.clock.advance(Duration.ofHours(21));
		client.fetch(NORMAL);
		this.clock.advance(Duration.ofMinutes(40));
		client.fetch(NORMAL);

		List<String> sigs = this.vendor.received().stream().map((r) -> r.params().get("usersig")).toList();
		assertThat(sigs.get(1)).isEqualTo(sigs.get(0));
		assertThat(sigs.get(2)).isNotEqualTo(sigs.get(1));
		assertThat(UserSig.decode(sigs.get(2))).containsEntry("TLS.time",
				Long.toString(this.clock.instant().getEpochSecond()));
		assertThat(new UserSig(KEY, this.clock).verify(sigs.get(2), SDK_APP_ID, "administrator"))
			.isEqualTo(UserSig.Verification.VALID);
	}

	@Test
	void backsOffExponentiallyWithJitterAndPausesLongAfter70050() {
		ApiClientSettings settings = settings().withRetries(6, Duration.ofSeconds(1), Duration.ofSeconds(60));
		IntervalBiFunction<Object> interval = PushLossClient.retryConfig(settings).getIntervalBiFunction();
		PushLossApiException busy = new PushLossApiException(ApiErrorKind.RETRYABLE, 90102, NORMAL, "busy");
		PushLossApiException slowDown = new PushLossApiException(ApiErrorKind.RETRYABLE, 70050, NORMAL, "70050");

		assertThat(interval.apply(1, Either.left(busy))).isBetween(500L, 1500L);
		assertThat(interval.apply(3, Either.left(busy))).isBetween(2000L, 6000L);
		assertThat(interval.apply(10, Either.left(busy))).isEqualTo(60_000L);
		assertThat(interval.apply(1, Either.left(slowDown))).isEqualTo(60_000L);
	}

	@Test
	void backsOffFromOneCallIntervalByDefault() {
		PushLossApiException busy = new PushLossApiException(ApiErrorKind.RETRYABLE, 90102, NORMAL, "busy");
		PushLossApiException slowDown = new PushLossApiException(ApiErrorKind.RETRYABLE, 70050, NORMAL, "70050");
		ApiClientSettings vendorRate = ApiClientSettings.of(this.vendor.baseUrl(), SDK_APP_ID, "administrator", KEY);
		IntervalBiFunction<Object> atVendorRate = PushLossClient.retryConfig(vendorRate).getIntervalBiFunction();
		IntervalBiFunction<Object> atTwenty = PushLossClient.retryConfig(vendorRate.withCallsPerSecond(20))
			.getIntervalBiFunction();

		assertThat(atVendorRate.apply(1, Either.left(busy))).isBetween(500L, 1500L);
		assertThat(atTwenty.apply(1, Either.left(busy))).isBetween(25L, 75L);
		assertThat(atTwenty.apply(3, Either.left(busy))).isBetween(100L, 300L);
		assertThat(atTwenty.apply(20, Either.left(busy))).isEqualTo(60_000L);
		assertThat(atTwenty.apply(1, Either.left(slowDown))).as("70050 still pauses maxBackoff").isEqualTo(60_000L);
	}

	private ApiClientSettings settings() {
		return ApiClientSettings.of(this.vendor.baseUrl(), SDK_APP_ID, "administrator", KEY)
			.withSecretKeyEnv("TIM_SECRET_KEY")
			.withCallsPerSecond(1.0)
			.withRetries(3, Duration.ofMillis(1), Duration.ofMillis(1))
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
			.withClock(this.clock);
	}

	private PushLossClient client(ApiClientSettings settings) {
		return new PushLossClient(settings, new CallWindowRateLimiter(this.ticks::get, this.ticks::addAndGet));
	}

	private static PushLossApiException fetchFailing(PushLossClient client, LossQuery query) {
		return assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> client.fetch(query)).actual();
	}

	private void assertNoSecretIn(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
			for (Received request : this.vendor.received()) {
				assertThat(String.valueOf(t.getMessage())).doesNotContain(request.params().get("usersig"));
			}
		}
	}

}
