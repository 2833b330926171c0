package io.pushloss.scheduling;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
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
 * @param allowedHosts host names the console's port answers beside the loopback names
 * ({@code pushloss.serve.allowed-hosts}): the name users reach it by when {@code server.address} exposes it beyond
 * loopback or a reverse proxy passes its own {@code Host} on; empty by default (loopback names only)
 */
@ConfigurationProperties("pushloss.serve")
public record ServeProperties(@DefaultValue("9090") int managementPort, @DefaultValue("10m") Duration staleRunAfter,
		@DefaultValue("5s") Duration clusterCheckinInterval, @DefaultValue List<String> allowedHosts) {

	/** Settings with loopback names only. */
	public ServeProperties(int managementPort, Duration staleRunAfter, Duration clusterCheckinInterval) {
		this(managementPort, staleRunAfter, clusterCheckinInterval, List.of());
	}

	@ConstructorBinding
	public ServeProperties {
		allowedHosts = (allowedHosts != null) ? List.copyOf(allowedHosts) : List.of();
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
