package io.pushloss.api;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiErrorClassifierTests {

	static final ApiClientSettings SETTINGS = ApiClientSettings
		.of("https://console.tim.qq.com", 1400000000L, "administrator", "not-the-real-key")
		.withSecretKeyEnv("TIM_SECRET_KEY");

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			60002, FATAL
			60003, FATAL
			60006, FATAL
			60007, RETRYABLE
			60008, RETRYABLE
			60010, FATAL
			60011, RETRYABLE
			60018, RETRYABLE
			60020, FATAL
			60025, FATAL
			60026, FATAL
			70001, RESIGN
			70003, FATAL
			70009, FATAL
			70013, FATAL
			70014, FATAL
			70016, FATAL
			70020, FATAL
			70050, RETRYABLE
			70169, RETRYABLE
			70500, RETRYABLE
			90009, FATAL
			90045, FATAL
			90100, FATAL
			90102, RETRYABLE
			90103, FATAL
			91000, RETRYABLE
			""")
	void classifiesEveryDocumentedCode(int code, ApiErrorKind kind) {
		assertThat(ApiErrorClassifier.kindOf(code)).isEqualTo(kind);
		assertThat(ApiErrorClassifier.knownCodes()).contains(code);
	}

	@Test
	void tableHoldsExactlyTheDocumentedCodes() {
		assertThat(ApiErrorClassifier.knownCodes()).hasSize(27);
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			12345
			-1
			70002
			""")
	void unknownCodesAreFatalAndSaySo(int code) {
		ApiErrorClassifier.Classification classification = ApiErrorClassifier.classify(code);

		assertThat(classification.kind()).isEqualTo(ApiErrorKind.FATAL);
		assertThat(classification.meaning()).startsWith("unknown error code");
	}

	@Test
	void zeroIsNotAnError() {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiErrorClassifier.classify(0));
	}

	@ParameterizedTest(name = "HTTP {0} -> {1}")
	@CsvSource(textBlock = """
			429, RETRYABLE
			500, RETRYABLE
			502, RETRYABLE
			503, RETRYABLE
			504, RETRYABLE
			301, FATAL
			400, FATAL
			401, FATAL
			403, FATAL
			404, FATAL
			""")
	void classifiesHttpStatuses(int status, ApiErrorKind kind) {
		assertThat(ApiErrorClassifier.kindOfHttpStatus(status)).isEqualTo(kind);
	}

	@Test
	void frequencyLimitCodesAreCountedAnd70050PausesLong() {
		assertThat(List.of(60007, 60011, 60018, 70050)).allMatch(ApiErrorClassifier::isFrequencyLimit);
		assertThat(ApiErrorClassifier.isFrequencyLimit(90102)).isFalse();
		assertThat(ApiErrorClassifier.needsLongPause(70050)).isTrue();
		assertThat(ApiErrorClassifier.needsLongPause(60007)).isFalse();
	}

	@Test
	void fatalMessageIsOneLineTellingWhatToFix() {
		LossQuery query = LossQuery.overall(LossSource.NORMAL, 1763913600L, 1764000000L);

		PushLossApiException ex = Failures.vendorError(query, new VendorAnswer(70009, "", null), SETTINGS);

		assertThat(ex.getMessage()).isEqualTo("normal_push_loss [1763913600, 1764000000): 70009 wrong secret key: "
				+ "check the secret key in $TIM_SECRET_KEY for sdkappid 1400000000");
		assertThat(ex.kind()).isEqualTo(ApiErrorKind.FATAL);
		assertThat(ex.errorCode()).isEqualTo(70009);
	}

	@Test
	void fatalMessageNamesTasksAndQuotesTheVendor() {
		LossQuery query = new LossQuery(LossSource.ALL_MEMBER, 1763913600L, 1764000000L, List.of("t-1", "t-2"));

		PushLossApiException ex = Failures.vendorError(query,
				new VendorAnswer(60026, "domain is not in the app's region", null), SETTINGS);

		assertThat(ex.getMessage()).isEqualTo("all_member_push_loss [1763913600, 1764000000) tasks [t-1, t-2]: "
				+ "60026 domain belongs to another data centre: https://console.tim.qq.com is not the data centre of "
				+ "sdkappid 1400000000: set the job's api region to the application's region "
				+ "(vendor said \"domain is not in the app's region\")");
		assertThat(ex.getMessage()).doesNotContain("not-the-real-key").doesNotContain("\n");
	}

	@Test
	void unknownKeyOriginIsLeftOut() {
		ApiErrorClassifier.Classification classification = ApiErrorClassifier.classify(70009);
		ApiClientSettings noEnv = ApiClientSettings.of("https://console.tim.qq.com", 1400000000L, "admin", "k");

		assertThat(classification.actionFor(noEnv)).isEqualTo("check the secret key for sdkappid 1400000000");
	}

}
