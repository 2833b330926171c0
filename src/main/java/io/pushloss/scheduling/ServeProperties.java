package io.pushloss.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of {@code serve}.
 *
 * @param managementPort the actuator's port on 127.0.0.1 ({@code pushloss.serve.management-port}): 0 picks a free
 * port, -1 serves no HTTP at all
 * @param staleRunAfter a run marked running that has not been updated for this long is taken to belong to a process
 * that died, and is resumed ({@code pushloss.serve.stale-run-after})
 * @param clusterCheckinInterval on a shared database (PostgreSQL), how often each node tells the others it is alive;
 * a node silent for about this long is taken to be dead and its firings recovered by another node
 * ({@code pushloss.serve.cluster-checkin-interval})
 */
@ConfigurationProperties("pushloss.serve")
public record ServeProperties(@DefaultValue("9090") int managementPort, @DefaultValue("10m") Duration staleRunAfter,
		@DefaultValue("5s") Duration clusterCheckinInterval) {

	public ServeProperties {
		if (managementPort < -1 || managementPort > 65535) {
			throw new IllegalArgumentException(
					"pushloss.serve.management-port must be a port, 0 (any free port) or -1 (off), not "
							+ managementPort);
		}
		if (clusterCheckinInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException("pushloss.serve.cluster-checkin-interval must be at least 1s");
		}
		if (staleRunAfter.isNegative()) {
			throw new IllegalArgumentException("pushloss.serve.stale-run-after must not be negative");
		}
	}

}
