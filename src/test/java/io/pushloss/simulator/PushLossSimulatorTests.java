package io.pushloss.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import io.pushloss.MutableClock;
import io.pushloss.api.UserSig;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PushLossSimulatorTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	private static final long START = WEEK.start(SHANGHAI).toEpochSecond();

	private static final long END = WEEK.end(SHANGHAI).toEpochSecond();

	private static final Instant NOW = Instant.parse("2026-11-17T02:00:00Z");

	private final MutableClock clock = new MutableClock(NOW);

	private PushLossSimulator simulator;

	private SignedCalls calls;

	@AfterEach
	void close() {
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	private void start(SimulatorSettings settings) {
		this.simulator = PushLossSimulator.start(settings);
		this.calls = new SignedCalls(this.simulator);
	}

	private void startUnlimited() {
		start(SimulatorSettings.defaults().withClock(this.clock).withCallsPerSecond(Double.POSITIVE_INFINITY));
	}

	@Test
	void listensOnAFreeLoopbackPort() {
		startUnlimited();
		assertThat(this.simulator.port()).isPositive();
		assertThat(this.simulator.baseUrl()).isEqualTo("http://127.0.0.1:" + this.simulator.port());
	}

	@Test
	void allMemberAnswersOverallStatisticsWithTheVendorsQuirks() {
		startUnlimited();
		HttpResponse<String> response = this.calls.post(LossSource.ALL_MEMBER, SignedCalls.body(START, END));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("},]")
			.contains("\"ErrorInfo\":\"sucess\"")
			.contains("\"Results\":[{\"TaskID\":\"\"")
			.containsPattern("\"ErrCode\":\"-1\"")
			.contains("\"EventType\":1");
		assertThatThrownBy(() -> SignedCalls.STRICT.readTree(response.body())).isInstanceOf(JacksonException.class);
		JsonNode root = SignedCalls.LENIENT.readTree(response.body());
		assertThat(root.get("ActionStatus").stringValue()).isEqualTo("OK");
		assertThat(root.get("ErrorCode").intValue()).isZero();
		assertThat(root.get("Results").size()).isEqualTo(1);
		assertThat(SignedCalls.sums(root.get("Results").get(0)))
			.isEqualTo(SignedCalls.sums(this.simulator.data().rows(LossSource.ALL_MEMBER, "", START, END)));
	}

	@Test
	void allMemberRepeatsAKeyWithinAnArrayAsTheVendorSampleDoes() {
		startUnlimited();
		JsonNode rows = SignedCalls.LENIENT
			.readTree(this.calls.post(LossSource.ALL_MEMBER, SignedCalls.body(START, END)).body())
			.get("Results")
			.get(0)
			.get("PlatformReadyToSendLoss");
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			seen.merge(rows.get(i).get("PushPlatform").intValue() + "|" + rows.get(i).get("ErrCode").stringValue(), 1,
					Integer::sum);
		}
		assertThat(seen).containsValue(2);
	}

	@Test
	void allMemberAnswersOneResultPerTask() {
		startUnlimited();
		HttpResponse<String> response = this.calls.post(LossSource.ALL_MEMBER,
				SignedCalls.body(START, END, "task-a", "task-b"));
		JsonNode results = SignedCalls.LENIENT.readTree(response.body()).get("Results");
		assertThat(results.size()).isEqualTo(2);
		assertThat(results.get(0).get("TaskID").stringValue()).isEqualTo("task-a");
		assertThat(results.get(1).get("TaskID").stringValue()).isEqualTo("task-b");
		assertThat(SignedCalls.sums(results.get(1)))
			.isEqualTo(SignedCalls.sums(this.simulator.data().rows(LossSource.ALL_MEMBER, "task-b", START, END)));
	}

	@Test
	void normalPushAnswersWithTopLevelArraysAndNoEventType() {
		startUnlimited();
		HttpResponse<String> response = this.calls.post(LossSource.NORMAL, SignedCalls.normalBody(START, END));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"ErrorInfo\":\"sucess\"").doesNotContain("EventType")
			.doesNotContain("Results");
		JsonNode root = SignedCalls.STRICT.readTree(response.body());
		assertThat(SignedCalls.sums(root))
			.isEqualTo(SignedCalls.sums(this.simulator.data().rows(LossSource.NORMAL, "", START, END)));
	}

	@Test
	void normalPushCanAnswerWithTheUnnamedObjectOfItsSample() {
		start(SimulatorSettings.defaults().withClock(this.clock).withUnnamedObjectShape(true));
		HttpResponse<String> response = this.calls.post(LossSource.NORMAL, SignedCalls.normalBody(START, END));
		assertThat(response.body()).contains("\"ErrorInfo\":\"sucess\",{\"ReadyToSendLoss\":[");
		assertThatThrownBy(() -> SignedCalls.STRICT.readTree(response.body())).isInstanceOf(JacksonException.class);
	}

	@Test
	void rejectsAUserSigMadeWithAnotherKey() {
		startUnlimited();
		String sig = new UserSig("0000" + PushLossSimulator.DEMO_SECRET_KEY.substring(4), this.clock)
			.generate(1_400_000_000L, "administrator", 86_400);
		assertThat(errorCode(this.calls.query(1_400_000_000L, "administrator", sig))).isEqualTo(70009);
	}

	@Test
	void rejectsAnExpiredUserSigByTheSimulatorsClock() {
		startUnlimited();
		String sig = new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.clock).generate(1_400_000_000L,
				"administrator", NOW.getEpochSecond() - 2 * 86_400, 86_400);
		assertThat(errorCode(this.calls.query(1_400_000_000L, "administrator", sig))).isEqualTo(70001);
	}

	@Test
	void rejectsAUserSigOfAnotherIdentifier() {
		startUnlimited();
		String sig = new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.clock).generate(1_400_000_000L, "bob",
				86_400);
		assertThat(errorCode(this.calls.query(1_400_000_000L, "administrator", sig))).isEqualTo(70013);
	}

	@Test
	void rejectsAUserSigOfAnotherApplication() {
		startUnlimited();
		String sig = new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.clock).generate(1_400_000_001L,
				"administrator", 86_400);
		assertThat(errorCode(this.calls.query(1_400_000_000L, "administrator", sig))).isEqualTo(70014);
	}

	@Test
	void rejectsAMalformedUserSig() {
		startUnlimited();
		assertThat(errorCode(this.calls.query(1_400_000_000L, "administrator", "not-a-usersig"))).isEqualTo(70003);
	}

	@Test
	void rejectsAnUnknownApplication() {
		startUnlimited();
		String sig = new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.clock).generate(1_400_000_001L,
				"administrator", 86_400);
		assertThat(errorCode(this.calls.query(1_400_000_001L, "administrator", sig))).isEqualTo(60006);
	}

	@Test
	void rejectsAValidSignatureOfAnAccountThatIsNotTheAdministrator() {
		startUnlimited();
		String sig = new UserSig(PushLossSimulator.DEMO_SECRET_KEY, this.clock).generate(1_400_000_000L, "bob",
				86_400);
		assertThat(errorCode(this.calls.query(1_400_000_000L, "bob", sig))).isEqualTo(90009);
	}

	@Test
	void rejectsMissingAndInvalidUrlParameters() {
		startUnlimited();
		String valid = this.calls.validQuery();
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, valid.replace("&contenttype=json", ""),
				SignedCalls.normalBody(START, END))))
			.isEqualTo(60002);
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, valid.replace("random=12345",
				"random=4294967296"), SignedCalls.normalBody(START, END))))
			.isEqualTo(60025);
		assertThat(SignedCalls.errorCode(this.calls.get(LossSource.NORMAL))).isEqualTo(60002);
	}

	@Test
	void rejectsInvalidBodiesWith90100() {
		startUnlimited();
		assertThat(bodyError(LossSource.ALL_MEMBER, SignedCalls.body(START, START + 604_801))).isEqualTo(90100);
		assertThat(bodyError(LossSource.ALL_MEMBER, SignedCalls.body(END, START))).isEqualTo(90100);
		assertThat(bodyError(LossSource.ALL_MEMBER, SignedCalls.body(START, START))).isEqualTo(90100);
		assertThat(bodyError(LossSource.ALL_MEMBER, SignedCalls.body(START, END, "a", "b", "c", "d", "e", "f")))
			.isEqualTo(90100);
		assertThat(bodyError(LossSource.ALL_MEMBER, "{\"StartTime\":1.5,\"EndTime\":" + END + "}")).isEqualTo(90100);
		assertThat(bodyError(LossSource.ALL_MEMBER, "{\"StartTime\":\"" + START + "\",\"EndTime\":" + END + "}"))
			.isEqualTo(90100);
		assertThat(bodyError(LossSource.NORMAL, "{\"EndTime\":" + END + "}")).isEqualTo(90100);
		assertThat(bodyError(LossSource.NORMAL, "StartTime=1")).isEqualTo(90100);
		assertThat(bodyError(LossSource.NORMAL, SignedCalls.body(START, END, "task-a"))).isEqualTo(90100);
		assertThat(bodyError(LossSource.ALL_MEMBER, SignedCalls.body(START, START + 604_800))).isZero();
		assertThat(bodyError(LossSource.NORMAL, SignedCalls.body(START, END))).isZero();
	}

	@Test
	void rejectsASecondCallWithinOneSecondOnTheSameApi() {
		start(SimulatorSettings.defaults().withClock(this.clock));
		String body = SignedCalls.normalBody(START, END);
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, body))).isZero();
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.ALL_MEMBER, body))).isZero();
		this.clock.advance(Duration.ofMillis(999));
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, body))).isEqualTo(60007);
		this.clock.advance(Duration.ofMillis(1000));
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, body))).isZero();
	}

	@Test
	void atSeveralCallsPerSecondAllowsThatManyCallsInAnySecond() {
		start(SimulatorSettings.defaults().withClock(this.clock).withCallsPerSecond(5));
		String body = SignedCalls.normalBody(START, END);
		for (int i = 0; i < 5; i++) {
			// a burst 1 ms apart: closer than 1/5 s, but only five in the second
			assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, body))).isZero();
			this.clock.advance(Duration.ofMillis(1));
		}
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, body))).isEqualTo(60007);
		assertThat(this.simulator.frequencyLimitAnswers()).isEqualTo(1);
		this.clock.advance(Duration.ofMillis(996));
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, body))).isZero();
		assertThat(this.simulator.frequencyLimitAnswers()).isEqualTo(1);
	}

	@Test
	void countsOnlyTheFrequencyLimitsOwnRejections() {
		start(SimulatorSettings.defaults()
			.withClock(this.clock)
			.withCallsPerSecond(Double.POSITIVE_INFINITY)
			.withFaults(FaultSettings.always(Fault.ERROR_60007)));
		assertThat(SignedCalls.errorCode(this.calls.post(LossSource.NORMAL, SignedCalls.normalBody(START, END))))
			.isEqualTo(60007);
		assertThat(this.simulator.frequencyLimitAnswers()).isZero();
	}

	@Test
	void answersNoSoonerThanItsLatency() {
		start(SimulatorSettings.defaults()
			.withClock(this.clock)
			.withCallsPerSecond(Double.POSITIVE_INFINITY)
			.withLatency(Duration.ofMillis(150), Duration.ofMillis(150)));
		long start = System.nanoTime();
		HttpResponse<String> answer = this.calls.post(LossSource.NORMAL, SignedCalls.normalBody(START, END));
		long elapsed = System.nanoTime() - start;
		assertThat(SignedCalls.errorCode(answer)).isZero();
		assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
	}

	@Test
	void rejectsALatencyRangeThatEndsBeforeItStarts() {
		assertThatIllegalArgumentException().isThrownBy(() -> SimulatorSettings.defaults()
			.withLatency(Duration.ofMillis(80), Duration.ofMillis(20))).withMessageContaining("Latency");
	}

	@Test
	void answersAnUnknownPathWith404AndCountsOnlyApiCalls() {
		startUnlimited();
		this.calls.post(LossSource.NORMAL, SignedCalls.normalBody(START, END));
		this.calls.post(LossSource.ALL_MEMBER, this.calls.query(1, "x", "y"), SignedCalls.body(START, END));
		HttpResponse<String> unknown = this.calls.post("/v4/timpush/nothing_here", this.calls.validQuery(), "{}",
				Duration.ofSeconds(5));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(this.simulator.calls()).isEqualTo(2);
		assertThat(this.simulator.calls(LossSource.NORMAL)).isEqualTo(1);
		assertThat(this.simulator.calls(LossSource.ALL_MEMBER)).isEqualTo(1);
	}

	@Test
	void answersConcurrentCallsAlike() throws Exception {
		startUnlimited();
		String expected = this.calls.post(LossSource.ALL_MEMBER, SignedCalls.body(START, END, "t")).body();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<String>> answers = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				answers.add(pool.submit(
						() -> this.calls.post(LossSource.ALL_MEMBER, SignedCalls.body(START, END, "t")).body()));
			}
			for (Future<String> answer : answers) {
				assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(expected);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.simulator.calls()).isEqualTo(25);
	}

	@Test
	void logsOneLinePerCallWithoutTheUserSig() {
		Logger logger = (Logger) LoggerFactory.getLogger(PushLossSimulator.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logger.addAppender(appender);
		try {
			startUnlimited();
			String sig = this.calls.validSig();
			this.calls.post(LossSource.NORMAL, this.calls.query(1_400_000_000L, "administrator", sig),
					SignedCalls.normalBody(START, END));
			this.calls.post(LossSource.NORMAL, this.calls.query(1_400_000_000L, "administrator", sig), "{}");
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(level);
		}
		List<String> lines = appender.list.stream()
			.filter(event -> event.getLevel() == Level.DEBUG)
			.map(ILoggingEvent::getFormattedMessage)
			.toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).contains("normal_push_loss", "[" + START + ", " + END + ")", "OK");
		assertThat(lines.get(1)).contains("FAIL 90100");
		assertThat(String.join("\n", lines)).doesNotContain(this.calls.validSig().substring(0, 20));
	}

	@Test
	void closeStopsListening() {
		startUnlimited();
		this.simulator.close();
		assertThatThrownBy(() -> this.calls.post(LossSource.NORMAL, SignedCalls.normalBody(START, END)))
			.isInstanceOf(java.io.UncheckedIOException.class);
	}

	@Test
	void settingsNeverPrintTheSecretKey() {
		assertThat(SimulatorSettings.defaults().toString()).doesNotContain(PushLossSimulator.DEMO_SECRET_KEY)
			.contains("1400000000");
	}

	private int errorCode(String query) {
		return SignedCalls.errorCode(this.calls.post(LossSource.ALL_MEMBER, query, SignedCalls.body(START, END)));
	}

	private int bodyError(LossSource source, String body) {
		return SignedCalls.errorCode(this.calls.post(source, body));
	}

}
