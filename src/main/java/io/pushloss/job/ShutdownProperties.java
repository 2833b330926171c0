package io.pushloss.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application stops its running jobs when it closes.
 *
 * @param timeout how long to wait for running executions to stop after their current chunk
 * ({@code pushloss.shutdown.timeout})
 * @param abortIoAfter how long a run may go on after it was asked to stop before the I/O it waits on (an SMTP
 * server or the vendor's API that does not answer) is aborted; at most {@code timeout}
 * ({@code pushloss.shutdown.abort-io-after})
 */
@ConfigurationProperties("pushloss.shutdown")
public record ShutdownProperties(@DefaultValue("60s") Duration timeout, @DefaultValue("10s") Duration abortIoAfter) {

	public ShutdownProperties {
		if (timeout.isNegative()) {
			throw new IllegalArgumentException("pushloss.shutdown.timeout must not be negative");
		}
		if (abortIoAfter.isNegative()) {
			throw new IllegalArgumentException("pushloss.shutdown.abort-io-after must not be negative");
		}
		if (abortIoAfter.compareTo(timeout) > 0) {
			abortIoAfter = timeout;
		}
	}

}
