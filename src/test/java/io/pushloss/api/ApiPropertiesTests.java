package io.pushloss.api;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded simulator enforces the client's own rate unless told otherwise: the demo proves the client keeps to
 * the vendor's limit, not to twice it.
 */
class ApiPropertiesTests {

	@Test
	void embeddedSimulatorLimitIsTheClientsRateByDefault() {
		assertThat(properties(1.0, null).embeddedSimulatorCallsPerSecond()).isEqualTo(1.0);
		assertThat(properties(20.0, null).embeddedSimulatorCallsPerSecond()).isEqualTo(20.0);
	}

	@Test
	void embeddedSimulatorLimitCanBeSetAlone() {
		assertThat(properties(1.0, 1000.0).embeddedSimulatorCallsPerSecond()).isEqualTo(1000.0);
	}

	private static ApiProperties properties(double rate, Double simulatorRate) {
		return new ApiProperties(rate, Duration.ofSeconds(5), Duration.ofSeconds(30), 6, null, Duration.ofSeconds(60),
				simulatorRate, Duration.ofMillis(25));
	}

}
