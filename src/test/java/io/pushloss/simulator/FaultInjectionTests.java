package io.pushloss.simulator;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	private static final String BODY = SignedCalls.body(WEEK.start(SHANGHAI).toEpochSecond(),
			WEEK.end(SHANGHAI).toEpochSecond());

	private final List<PushLossSimulator> simulators = new ArrayList<>();

	@AfterEach
	void close() {
		this.simulators.forEach(PushLossSimulator::close);
	}

	private SignedCalls start(FaultSettings faults) {
		PushLossSimulator simulator = PushLossSimulator
			.start(SimulatorSettings.defaults().withCallsPerSecond(Double.POSITIVE_INFINITY).withFaults(faults));
		this.simulators.add(simulator);
		return new SignedCalls(simulator);
	}

	@Test
	void answersWithHttp502() {
		HttpResponse<String> response = start(FaultSettings.always(Fault.HTTP_502)).post(LossSource.ALL_MEMBER, BODY);
		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(response.body()).contains("Bad Gateway");
	}

	@Test
	void delaysBeyondTheClientsTimeout() {
		SignedCalls calls = start(FaultSettings.always(Fault.DELAY).withDelay(Duration.ofSeconds(30)));
		assertThatThrownBy(() -> calls.post("/" + LossSource.NORMAL.path(), calls.validQuery(),
				SignedCalls.normalBody(1_700_000_000L, 1_700_003_600L), Duration.ofMillis(300)))
			.hasCauseInstanceOf(HttpTimeoutException.class);
	}

	@ParameterizedTest
	@CsvSource({ "ERROR_90102, 90102", "ERROR_91000, 91000", "ERROR_60007, 60007", "ERROR_90045, 90045" })
	void answersWithTheInjectedErrorCode(Fault fault, int errorCode) {
		HttpResponse<String> response = start(FaultSettings.always(fault)).post(LossSource.ALL_MEMBER, BODY);
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode root = SignedCalls.STRICT.readTree(response.body());
		assertThat(root.get("ActionStatus").stringValue()).isEqualTo("FAIL");
		assertThat(root.get("ErrorCode").intValue()).isEqualTo(errorCode);
	}

	@Test
	void truncatesTheBodyToHalfWithAConsistentContentLength() {
		String full = start(FaultSettings.none()).post(LossSource.ALL_MEMBER, BODY).body();
		HttpResponse<String> response = start(FaultSettings.always(Fault.TRUNCATED_BODY)).post(LossSource.ALL_MEMBER,
				BODY);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).hasSize(full.length() / 2);
		assertThat(full).startsWith(response.body());
		assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue((long) full.length() / 2);
		assertThatThrownBy(() -> SignedCalls.LENIENT.readTree(response.body())).isInstanceOf(JacksonException.class);
	}

	@Test
	void answersWithTextThatIsNotJson() {
		HttpResponse<String> response = start(FaultSettings.always(Fault.GARBLE_NON_JSON)).post(LossSource.NORMAL,
				SignedCalls.normalBody(1_700_000_000L, 1_700_086_400L));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThatThrownBy(() -> SignedCalls.LENIENT.readTree(response.body())).isInstanceOf(JacksonException.class);
	}

	@Test
	void answersWithACountOfTheWrongType() {
		JsonNode count = firstReadyToSendCount(start(FaultSettings.always(Fault.GARBLE_WRONG_TYPES)));
		assertThat(count.isString()).isTrue();
		assertThat(count.stringValue()).isEqualTo("abc");
	}

	@Test
	void answersWithANegativeCount() {
		assertThat(firstReadyToSendCount(start(FaultSettings.always(Fault.GARBLE_NEGATIVE_COUNT))).longValue())
			.isNegative();
	}

	@Test
	void answersWithACountBeyondSignedSixtyFourBits() {
		JsonNode count = firstReadyToSendCount(start(FaultSettings.always(Fault.GARBLE_HUGE_COUNT)));
		assertThat(count.isIntegralNumber()).isTrue();
		assertThat(count.canConvertToLong()).isFalse();
		assertThat(count.bigIntegerValue()).isGreaterThan(BigInteger.TWO.pow(63));
	}

	@Test
	void garblesEvenAnAnswerWithoutRows() {
		HttpResponse<String> response = start(FaultSettings.always(Fault.GARBLE_NEGATIVE_COUNT))
			.post(LossSource.NORMAL, SignedCalls.normalBody(1_700_000_001L, 1_700_000_002L));
		assertThat(SignedCalls.STRICT.readTree(response.body()).get("ReadyToSendLoss").get(0).get("ErrCount").longValue())
			.isNegative();
	}

	@Test
	void answersWithoutErrorCode() {
		HttpResponse<String> response = start(FaultSettings.always(Fault.GARBLE_MISSING_ERROR_CODE))
			.post(LossSource.ALL_MEMBER, BODY);
		JsonNode root = SignedCalls.LENIENT.readTree(response.body());
		assertThat(root.get("ActionStatus").stringValue()).isEqualTo("OK");
		assertThat(root.has("ErrorCode")).isFalse();
		assertThat(root.get("Results").size()).isEqualTo(1);
	}

	@Test
	void faultsTheSameShareOfCallsForTheSameSeed() {
		FaultSettings half = FaultSettings.of(0.5, 7, Fault.ERROR_90102, Fault.HTTP_502);
		List<String> first = outcomes(start(half), 30);
		List<String> second = outcomes(start(half), 30);
		assertThat(second).isEqualTo(first);
		assertThat(first).contains("0").containsAnyOf("90102", "502");
	}

	@Test
	void changesFaultsAtRuntime() {
		SignedCalls calls = start(FaultSettings.none());
		PushLossSimulator simulator = this.simulators.get(0);
		assertThat(calls.post(LossSource.ALL_MEMBER, BODY).statusCode()).isEqualTo(200);
		simulator.faults(FaultSettings.always(Fault.HTTP_502));
		assertThat(calls.post(LossSource.ALL_MEMBER, BODY).statusCode()).isEqualTo(502);
		simulator.faults(FaultSettings.none());
		assertThat(SignedCalls.errorCode(calls.post(LossSource.ALL_MEMBER, BODY))).isZero();
		assertThat(simulator.calls(LossSource.ALL_MEMBER)).isEqualTo(3);
	}

	@Test
	void leavesRejectedCallsAlone() {
		SignedCalls calls = start(FaultSettings.always(Fault.GARBLE_NON_JSON));
		HttpResponse<String> response = calls.post(LossSource.ALL_MEMBER, calls.query(1_400_000_000L, "administrator",
				"bad"), BODY);
		assertThat(SignedCalls.errorCode(response)).isEqualTo(70003);
	}

	private static JsonNode firstReadyToSendCount(SignedCalls calls) {
		JsonNode root = SignedCalls.LENIENT.readTree(calls.post(LossSource.ALL_MEMBER, BODY).body());
		return root.get("Results").get(0).get("ReadyToSendLoss").get(0).get("ErrCount");
	}

	private static List<String> outcomes(SignedCalls calls, int count) {
		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			HttpResponse<String> response = calls.post(LossSource.NORMAL,
					SignedCalls.normalBody(1_700_000_000L, 1_700_003_600L));
			outcomes.add((response.statusCode() == 502) ? "502" : Integer.toString(SignedCalls.errorCode(response)));
		}
		return outcomes;
	}

}
