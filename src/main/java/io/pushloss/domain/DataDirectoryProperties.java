package io.pushloss.domain;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the program keeps its state: {@code <data-dir>/db/} holds the embedded database (job repository, store of
 * record, delivery ledger, Quartz), {@code reports/} the documents, {@code outbox/} the email written to files,
 * {@code archive/} the archived documents and {@code logs/} the log.
 *
 * @param dataDir {@code pushloss.data-dir}, relative paths resolve against the working directory
 */
@ConfigurationProperties("pushloss")
public record DataDirectoryProperties(@DefaultValue("./data") Path dataDir) {

	/** The data directory as an absolute, normalised path. */
	public Path absoluteDataDir() {
		return this.dataDir.toAbsolutePath().normalize();
	}

}
