package io.pushloss.job;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this process is among the processes that share a database.
 *
 * @param host the host this process names in the rows of the week locks it holds ({@code pushloss.node.host},
 * {@code PUSHLOSS_NODE_HOST}); unset or blank: the machine's host name. A process tells a dead holder on its own
 * host by the holder's process id, so processes that give the same host must share one process-id namespace:
 * containers on one machine that share its host name (host networking) but not its process ids each need a host
 * of their own here
 */
@ConfigurationProperties("pushloss.node")
public record NodeProperties(String host) {

	/** The longest host a lock row's client id has room for. */
	static final int MAX_HOST_LENGTH = 200;

	public NodeProperties {
		host = (host == null || host.isBlank()) ? null : host.strip();
		if (host != null && (host.length() > MAX_HOST_LENGTH || host.contains("/"))) {
			throw new IllegalArgumentException("pushloss.node.host must be 1-" + MAX_HOST_LENGTH
					+ " characters without '/', not \"" + host + "\"");
		}
	}

	/** The host of this process in its lock rows: the configured one, or the machine's host name. */
	public String hostOrMachineName() {
		return (this.host != null) ? this.host : WeekLockHolder.localHost();
	}

}
