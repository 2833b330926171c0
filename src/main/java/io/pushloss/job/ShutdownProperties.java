package io.pushloss.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application stops its running jobs when it closes.
 *
 * @param timeout how long to wait for running executions to stop after their current chunk
 * ({@code pushloss.shutdown.timeout})
 */
@ConfigurationProperties("pushloss.shutdown")
public record ShutdownProperties(@DefaultValue("60s") Duration timeout) {

	public ShutdownProperties {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("pushloss.shutdown.timeout must not be negative");
		}
	}

}
