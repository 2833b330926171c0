package io.pushloss.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pushloss.domain.EventType;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ResponseParserTests {

	static final LossQuery SAMPLE_TASKS = new LossQuery(LossSource.ALL_MEMBER, 1741104000L, 1741708800L,
			List.of("xxx-yyy-zzz", "aaa-bbb-ccc"));

	static final LossQuery NORMAL = LossQuery.overall(LossSource.NORMAL, 1741708800L, 1741795200L);

	static final LossQuery OVERALL = LossQuery.overall(LossSource.ALL_MEMBER, 1741708800L, 1741795200L);

	@Test
	void samplesAreTheVendorsBodiesVerbatimWithTheirDefects() throws IOException {
		assertThat(sample("all_member_push_loss-sample.json")).contains("\"ErrInfo\": \"regid_invalid\"},]}]}");
		assertThat(sample("normal_push_loss-sample.json")).contains("\"ErrorInfo\": \"sucess\",\n{\n\"ReadyToSendLoss\"");
	}

	@Test
	void parsesAllMemberSampleAddingUpRepeatedRows() throws IOException {
		VendorAnswer answer = ResponseParser.parse(SAMPLE_TASKS, sample("all_member_push_loss-sample.json"));

		assertThat(answer.errorCode()).isZero();
		assertThat(answer.errorInfo()).isEqualTo("sucess");
		List<LossRow> rows = answer.response().rows();
		assertThat(rows).hasSize(15);
		assertThat(rows).filteredOn((row) -> row.taskId().equals("aaa-bbb-ccc") && row.isPlatformRow()
				&& row.stage() == Stage.READY_TO_SEND)
			.containsExactly(new LossRow("aaa-bbb-ccc", Stage.READY_TO_SEND, Vendor.APNS, EventType.OFFLINE, "-1", 4,
					"Certificate id not set"));
		assertThat(rows).contains(
				new LossRow("xxx-yyy-zzz", Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, "-1", 167,
						"Certificate id not set"),
				new LossRow("xxx-yyy-zzz", Stage.POST_SEND_DELIVERED, Vendor.XIAOMI, EventType.OFFLINE, "410", 35,
						"Unregistered"),
				new LossRow("aaa-bbb-ccc", Stage.POST_SEND_DELIVERED, Vendor.APNS, EventType.OFFLINE, "16", 56, ""),
				new LossRow("aaa-bbb-ccc", Stage.POST_SEND_DELIVERED, Vendor.XIAOMI, EventType.OFFLINE, "1", 177,
						"regid_invalid"));
		assertThat(rows.stream().mapToLong(LossRow::errCount).sum()).isEqualTo(167 + 125 + 217 + 35 + 5 + 123 + 217
				+ 35 + 159 + 104 + 26 + 143 + 3 + 1 + 56 + 177);
	}

	@Test
	void parsesNormalSampleWithItsUnnamedObject() throws IOException {
		List<LossRow> rows = ResponseParser.parse(NORMAL, sample("normal_push_loss-sample.json")).response().rows();

		assertThat(rows).hasSize(8).allSatisfy((row) -> {
			assertThat(row.taskId()).isEmpty();
			assertThat(row.eventType()).isEqualTo(EventType.UNSPECIFIED);
		});
		assertThat(rows).contains(
				new LossRow("", Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, "-2", 125, "token not uploaded"),
				new LossRow("", Stage.READY_TO_SEND, Vendor.XIAOMI, EventType.UNSPECIFIED, "-1", 123,
						"certificate id not set"),
				new LossRow("", Stage.POST_SEND_DELIVERED, Vendor.HUAWEI, EventType.UNSPECIFIED, "410", 35,
						"Unregistered"));
		assertThat(rows).filteredOn((row) -> !row.isPlatformRow()).hasSize(4);
	}

	@Test
	void acceptsArraysAtTopLevelAndOverallResultsWithNumericErrCode() {
		String body = "{\"ErrorCode\":0,\"ReadyToSendLoss\":[{\"ErrCode\":-1,\"ErrCount\":2}],"
				+ "\"Results\":[{\"TaskID\":\"\",\"PostSendDeliveredLoss\":[],\"PlatformReadyToSendLoss\":[],"
				+ "\"PlatformPostSendDeliveredLoss\":[{\"EventType\":2,"
				+ "\"PushPlatform\":0,\"ErrCode\":\"410\",\"ErrCount\":9223372036854775807,\"ErrInfo\":null}]}]}";

		List<LossRow> rows = ResponseParser.parse(OVERALL, body).response().rows();

		assertThat(rows).containsExactly(new LossRow("", Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, "-1", 2, ""),
				new LossRow("", Stage.POST_SEND_DELIVERED, Vendor.UNKNOWN, EventType.ONLINE, "410", Long.MAX_VALUE,
						""));
	}

	@Test
	void failureAnswerCarriesCodeAndInfoWithoutRows() {
		VendorAnswer answer = ResponseParser.parse(NORMAL,
				"{\"ActionStatus\":\"FAIL\",\"ErrorCode\":70009,\"ErrorInfo\":\"sig check failed\"}");

		assertThat(answer.errorCode()).isEqualTo(70009);
		assertThat(answer.errorInfo()).isEqualTo("sig check failed");
		assertThat(answer.response()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			{"ActionStatus":"OK"}                                                    | ErrorCode is missing
			{"ErrorCode":"0"}                                                         | ErrorCode is not an integer: "0"
			[1]                                                                       | the body is an array, not an object
			{"ErrorCode":0,"ActionStatus":"FAIL"}                                     | ActionStatus is "FAIL" but ErrorCode is 0
			{"ErrorCode":0,"ReadyToSendLoss":{}}                                      | ReadyToSendLoss is an object, not an array
			{"ErrorCode":0,"ReadyToSendLoss":[5]}                                     | ReadyToSendLoss[0] is 5, not an object
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCount":1}]}                        | ReadyToSendLoss[0].ErrCode is missing
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":true,"ErrCount":1}]}         | ReadyToSendLoss[0].ErrCode is not a string: true
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1"}]}                       | ReadyToSendLoss[0].ErrCount is missing
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":-5}]}         | ReadyToSendLoss[0].ErrCount is negative: -5
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":1.5}]}        | ReadyToSendLoss[0].ErrCount is not an integer: 1.5
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":"7"}]}        | ReadyToSendLoss[0].ErrCount is not an integer: "7"
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":18446744073709551616}]} | ReadyToSendLoss[0].ErrCount does not fit in 64 bits: 18446744073709551616
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":1,"ErrInfo":3}]} | ReadyToSendLoss[0].ErrInfo is not a string: 3
			{"ErrorCode":0,"PlatformReadyToSendLoss":[{"ErrCode":"1","ErrCount":1}]}  | PlatformReadyToSendLoss[0].PushPlatform is missing
			{"ErrorCode":0,"PlatformReadyToSendLoss":[{"PushPlatform":9,"ErrCode":"1","ErrCount":1}]} | PlatformReadyToSendLoss[0].PushPlatform is outside 0..8: 9
			{"ErrorCode":0,"PlatformReadyToSendLoss":[{"PushPlatform":"1","ErrCode":"1","ErrCount":1}]} | PlatformReadyToSendLoss[0].PushPlatform is not an integer: "1"
			{"ErrorCode":0,"PlatformReadyToSendLoss":[{"EventType":3,"PushPlatform":1,"ErrCode":"1","ErrCount":1}]} | PlatformReadyToSendLoss[0].EventType is not 1 (offline) or 2 (online): 3
			{"ErrorCode":0,"Results":{}}                                              | Results is an object, not an array
			{"ErrorCode":0,"Results":[{"TaskID":7}]}                                  | Results[0].TaskID is not a string: 7
			{"ErrorCode":0,"Results":[{"TaskID":"zzz"}]}                              | Results[0].TaskID "zzz" was not asked for (asked: [])
			{"ErrorCode":0,"Results":[{"TaskID":"","ReadyToSendLoss":[{"ErrCode":"1","ErrCount":"x"}]}]} | Results[0].ReadyToSendLoss[0].ErrCount is not an integer: "x"
			{"ErrorCode":0,"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":9223372036854775807},{"ErrCode":"1","ErrCount":1}]} | ReadyToSendLoss[1].ErrCount makes the total of ErrCode "1" exceed 64 bits
			""")
	void rejectsContractViolationsNamingTheField(String body, String message) {
		assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> ResponseParser.parse(OVERALL, body))
			.satisfies((ex) -> {
				assertThat(ex.kind()).isEqualTo(ApiErrorKind.INVALID_RESPONSE);
				assertThat(ex.query()).isEqualTo(OVERALL);
			})
			.withMessage("all_member_push_loss [1741708800, 1741795200) overall: invalid response: " + message);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '~', textBlock = """
			{"ErrorCode":0}                                                                      | Results is missing
			{"ErrorCode":0,"ErrorInfo":"sucess","Results":[]}                                    | Results lacks TaskID "xxx-yyy-zzz", "aaa-bbb-ccc" (asked: ["xxx-yyy-zzz", "aaa-bbb-ccc"])
			{"ErrorCode":0,"Results":[{"TaskID":"xxx-yyy-zzz",$ALL}]}                            | Results lacks TaskID "aaa-bbb-ccc" (asked: ["xxx-yyy-zzz", "aaa-bbb-ccc"])
			{"ErrorCode":0,"Results":[{"TaskID":"xxx-yyy-zzz",$ALL},{"TaskID":"aaa-bbb-ccc",$ALL},{"TaskID":"xxx-yyy-zzz",$ALL}]} | Results[2].TaskID "xxx-yyy-zzz" repeats Results[0]
			{"ErrorCode":0,"Results":[{"TaskID":"xxx-yyy-zzz",$ALL},{"TaskID":"aaa-bbb-ccc","ReadyToSendLoss":[],"PlatformReadyToSendLoss":null,"PlatformPostSendDeliveredLoss":[]}]} | Results[1] lacks PostSendDeliveredLoss, PlatformReadyToSendLoss (an empty array means no loss; a missing one is not data)
			""")
	void anAnswerThatIsNotWholeIsRetryableNamingWhatIsMissing(String body, String message) {
		String all = "\"ReadyToSendLoss\":[],\"PostSendDeliveredLoss\":[],\"PlatformReadyToSendLoss\":[],"
				+ "\"PlatformPostSendDeliveredLoss\":[{\"EventType\":1,\"PushPlatform\":1,\"ErrCode\":\"410\",\"ErrCount\":3}]";
		assertThatExceptionOfType(PushLossApiException.class)
			.isThrownBy(() -> ResponseParser.parse(SAMPLE_TASKS, body.replace("$ALL", all)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessage("all_member_push_loss [1741104000, 1741708800) tasks [xxx-yyy-zzz, aaa-bbb-ccc]: "
					+ "incomplete answer: " + message);
	}

	@Test
	void theOverallResultAndNormalPushNeedTheirFourArraysToo() {
		assertThatExceptionOfType(PushLossApiException.class)
			.isThrownBy(() -> ResponseParser.parse(OVERALL, "{\"ErrorCode\":0,\"Results\":[{\"TaskID\":\"\"}]}"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessageEndingWith("incomplete answer: Results[0] lacks ReadyToSendLoss, PostSendDeliveredLoss, "
					+ "PlatformReadyToSendLoss, PlatformPostSendDeliveredLoss (an empty array means no loss; a missing "
					+ "one is not data)");
		assertThatExceptionOfType(PushLossApiException.class)
			.isThrownBy(() -> ResponseParser.parse(NORMAL,
					"{\"ErrorCode\":0,{\"ReadyToSendLoss\":[],\"PostSendDeliveredLoss\":[],\"PlatformReadyToSendLoss\":[]}}"))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessageEndingWith("incomplete answer: the answer lacks PlatformPostSendDeliveredLoss (an empty array "
					+ "means no loss; a missing one is not data)");
	}

	@Test
	void emptyArraysAreDataMeaningNoLoss() {
		String empty = "\"ReadyToSendLoss\":[],\"PostSendDeliveredLoss\":[],\"PlatformReadyToSendLoss\":[],"
				+ "\"PlatformPostSendDeliveredLoss\":[]";

		assertThat(ResponseParser.parse(NORMAL, "{\"ErrorCode\":0," + empty + "}").response().rows()).isEmpty();
		assertThat(ResponseParser.parse(OVERALL, "{\"ErrorCode\":0,\"Results\":[{\"TaskID\":\"\"," + empty + "}]}")
			.response()
			.rows()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ErrCode | 129  | 128
			ErrInfo | 1025 | 1024
			""")
	void vendorTextLongerThanTheStoreKeepsIsRefusedNamingTheField(String field, int length, int max) {
		String text = "\"" + "x".repeat(length) + "\"";
		String row = field.equals("ErrCode") ? "{\"ErrCode\":" + text + ",\"ErrCount\":1}"
				: "{\"ErrCode\":\"1\",\"ErrCount\":1,\"ErrInfo\":" + text + "}";
		String body = "{\"ErrorCode\":0,\"ReadyToSendLoss\":[" + row + "]}";

		assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> ResponseParser.parse(NORMAL, body))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.INVALID_RESPONSE))
			.withMessageEndingWith("invalid response: ReadyToSendLoss[0]." + field + " is " + length
					+ " characters long, more than the " + max + " allowed");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"ErrorCode":0,"Results":[{"TaskID":"","ReadyToSendLoss":[{"ErrCode":"1","ErrCount":2}]}]} | Results[0].TaskID is ""
			{"ErrorCode":0,"Results":[{"ReadyToSendLoss":[{"ErrCode":"1","ErrCount":2}]}]}             | Results[0].TaskID is missing
			{"ErrorCode":0,"Results":[{"TaskID":"xxx-yyy-zzz"},{"TaskID":null}]}                        | Results[1].TaskID is missing
			""")
	void theOverallStatisticsInTheAnswerToATaskQueryAreAnotherCallsAnswerAskedAgain(String body, String where) {
		assertThatExceptionOfType(PushLossApiException.class)
			.isThrownBy(() -> ResponseParser.parse(SAMPLE_TASKS, body))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessage("all_member_push_loss [1741104000, 1741708800) tasks [xxx-yyy-zzz, aaa-bbb-ccc]: the answer "
					+ "belongs to another call: " + where + ": overall statistics, but this call asked for tasks "
					+ "[xxx-yyy-zzz, aaa-bbb-ccc]");
	}

	@Test
	void namesTheFourthPlatformRowWhoseCountIsNotANumber() {
		String row = "{\"EventType\":1,\"PushPlatform\":1,\"ErrCode\":\"410\",\"ErrCount\":1}";
		String body = "{\"ErrorCode\":0,{\"PlatformPostSendDeliveredLoss\":[" + row + "," + row + "," + row + ","
				+ "{\"PushPlatform\":1,\"ErrCode\":\"410\",\"ErrCount\":\"abc\"}]}}";

		assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> ResponseParser.parse(NORMAL, body))
			.withMessageEndingWith("PlatformPostSendDeliveredLoss[3].ErrCount is not an integer: \"abc\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "{\"ErrorCode\":0,\"ReadyToSendLoss\":[{\"ErrCode\":\"1\",\"ErrCou",
			"{\"ErrorCode\":0,\"ReadyToSendLoss\":[{\"ErrCode\":\"1\",\"ErrCount\":12" })
	void truncatedBodiesAreRetryable(String body) {
		assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> ResponseParser.parse(NORMAL, body))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessageStartingWith("normal_push_loss [1741708800, 1741795200): truncated response body");
	}

	@Test
	void truncatedSampleIsRetryable() throws IOException {
		String sample = sample("all_member_push_loss-sample.json");

		assertThatExceptionOfType(PushLossApiException.class)
			.isThrownBy(() -> ResponseParser.parse(SAMPLE_TASKS, sample.substring(0, sample.length() / 2)))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessageContaining("truncated");
	}

	@ParameterizedTest
	@ValueSource(strings = { "<html><body>502 Bad Gateway</body></html>", "{\"ErrorCode\":0} trailing",
			"{\"ErrorCode\":0,,}", "{'ErrorCode':0}" })
	void nonJsonBodiesAreRetryable(String body) {
		assertThatExceptionOfType(PushLossApiException.class).isThrownBy(() -> ResponseParser.parse(NORMAL, body))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(ApiErrorKind.RETRYABLE))
			.withMessageContaining("response body is not JSON");
	}

	static String sample(String name) throws IOException {
		try (InputStream in = ResponseParserTests.class.getResourceAsStream("/api/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
