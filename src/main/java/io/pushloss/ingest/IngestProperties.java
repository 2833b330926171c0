package io.pushloss.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the fetch step.
 *
 * @param chunkSize {@code pushloss.ingest.chunk-size}: windows fetched and committed per transaction. One (the
 * default) means a crash loses at most the window in flight.
 */
@ConfigurationProperties("pushloss.ingest")
public record IngestProperties(@DefaultValue("1") int chunkSize) {

	public IngestProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("pushloss.ingest.chunk-size must be at least 1, not " + chunkSize);
		}
	}

}
