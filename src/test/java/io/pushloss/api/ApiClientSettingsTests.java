package io.pushloss.api;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pushloss.domain.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiClientSettingsTests {

	static final String KEY = UserSigTests.KEY;

	@Test
	void defaultsFollowTheVendorsLimits() {
		ApiClientSettings settings = ApiClientSettings.forRegion(Region.SINGAPORE, 1400000000L, "administrator", KEY);

		assertThat(settings.baseUrl()).isEqualTo("https://adminapisgp.im.qcloud.com");
		assertThat(settings.callsPerSecond()).isEqualTo(1.0);
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.maxAttempts()).isEqualTo(6);
		assertThat(settings.initialBackoff()).isNull();
		assertThat(settings.firstBackoff()).isEqualTo(Duration.ofSeconds(1));
		assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.userSigLifetime()).isEqualTo(Duration.ofDays(1));
		assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
		assertThat(settings.callSpacing()).isEqualTo(Duration.ofMillis(1020));
		assertThat(settings.callsPerWindow()).isOne();
	}

	@Test
	void theWindowHoldsTheRateRoundedDown() {
		ApiClientSettings base = ApiClientSettings.of("https://console.tim.qq.com", 1L, "admin", KEY);

		assertThat(base.withCallsPerSecond(20).callsPerWindow()).isEqualTo(20);
		assertThat(base.withCallsPerSecond(20).callSpacing()).isEqualTo(Duration.ofMillis(51));
		assertThat(base.withCallsPerSecond(2.5).callsPerWindow()).isEqualTo(2);
		assertThat(base.withCallsPerSecond(1.9).callsPerWindow()).isOne();
		assertThat(base.withCallsPerSecond(0.5).callsPerWindow()).isOne();
	}

	@Test
	void theFirstBackoffIsOneCallIntervalUnlessConfigured() {
		ApiClientSettings base = ApiClientSettings.of("https://console.tim.qq.com", 1L, "admin", KEY);

		assertThat(base.withCallsPerSecond(20).firstBackoff()).isEqualTo(Duration.ofMillis(50));
		assertThat(base.withCallsPerSecond(50).firstBackoff()).isEqualTo(Duration.ofMillis(20));
		assertThat(base.withCallsPerSecond(5000).firstBackoff()).as("at least 1 ms").isEqualTo(Duration.ofMillis(1));
		assertThat(base.withCallsPerSecond(0.01).firstBackoff()).as("at most maxBackoff")
			.isEqualTo(Duration.ofSeconds(60));
		assertThat(base.withRetries(6, Duration.ofMillis(300), Duration.ofSeconds(60))
			.withCallsPerSecond(20)
			.firstBackoff()).isEqualTo(Duration.ofMillis(300));
		assertThat(base.withCallsPerSecond(20).withRetries(6, null, Duration.ofMillis(10)).firstBackoff())
			.isEqualTo(Duration.ofMillis(10));
	}

	@Test
	void toStringShowsAFingerprintNeverTheKey() {
		ApiClientSettings settings = ApiClientSettings.of("http://127.0.0.1:18089/", 1400000000L, "admin", KEY)
			.withSecretKeyEnv("TIM_SECRET_KEY");

		assertThat(settings.toString()).doesNotContain(KEY)
			.contains(UserSig.fingerprint(KEY))
			.contains("$TIM_SECRET_KEY")
			.contains("http://127.0.0.1:18089,");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:18089", "http://localhost:8089", "http://[::1]:8089",
			"https://console.tim.qq.com", "https://console.tim.qq.com/" })
	void acceptsHttpsAndLoopbackHttp(String baseUrl) {
		assertThat(ApiClientSettings.of(baseUrl, 1L, "admin", KEY).baseUrl()).doesNotEndWith("/");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://console.tim.qq.com", "ftp://127.0.0.1", "https://console.tim.qq.com/v4",
			"console.tim.qq.com", " ", "https://host?x=1" })
	void rejectsPlainHttpToRealHostsAndUrlsWithPaths(String baseUrl) {
		assertThatIllegalArgumentException().isThrownBy(() -> ApiClientSettings.of(baseUrl, 1L, "admin", KEY));
	}

	@Test
	void rejectsNonsenseTuning() {
		ApiClientSettings base = ApiClientSettings.of("https://console.tim.qq.com", 1L, "admin", KEY);

		assertThatIllegalArgumentException().isThrownBy(() -> base.withCallsPerSecond(0));
		assertThatIllegalArgumentException().isThrownBy(() -> base.withRetries(0, null, null));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> base.withRetries(3, Duration.ofSeconds(5), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> base.withRetries(3, Duration.ofNanos(999_999), Duration.ofSeconds(1)));
		assertThatIllegalArgumentException().isThrownBy(() -> base.withRetries(3, null, Duration.ofNanos(999_999)));
		assertThatIllegalArgumentException().isThrownBy(() -> base.withUserSigLifetime(Duration.ofSeconds(1)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiClientSettings.of("https://console.tim.qq.com", 1L, "admin", ""))
			.withMessageContaining("secret key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ApiClientSettings.of("https://console.tim.qq.com", 0L, "admin", KEY));
	}

	@Test
	void nullDurationsTakeTheDefaults() {
		ApiClientSettings settings = new ApiClientSettings("https://console.tim.qq.com", 1L, "admin", KEY, null, 2.0,
				null, null, 3, null, null, null, null);

		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.callSpacing()).isEqualTo(Duration.ofMillis(510));
	}

}
