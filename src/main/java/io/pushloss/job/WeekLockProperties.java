package io.pushloss.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the week lock, the database lock held by whoever runs a job's week.
 *
 * @param timeToLive how long the lock outlives its holder's last renewal; the holder renews it every third of this
 * while it runs, so a holder that died (SIGKILL, power loss, network cut) loses it within this time
 * ({@code pushloss.week-lock.time-to-live})
 */
@ConfigurationProperties("pushloss.week-lock")
public record WeekLockProperties(@DefaultValue("30s") Duration timeToLive) {

	public WeekLockProperties {
		if (timeToLive.compareTo(Duration.ofSeconds(3)) < 0) {
			throw new IllegalArgumentException(
					"pushloss.week-lock.time-to-live must be at least 3s, not " + timeToLive);
		}
	}

	/** How often the holder renews the lock: a third of its time to live. */
	public Duration renewEvery() {
		return this.timeToLive.dividedBy(3);
	}

}
