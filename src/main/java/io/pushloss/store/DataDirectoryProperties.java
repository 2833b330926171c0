package io.pushloss.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the program keeps its state: {@code <data-dir>/db/} holds the H2 database (job repository and store of
 * record).
 *
 * @param dataDir {@code pushloss.data-dir}, relative paths resolve against the working directory
 */
@ConfigurationProperties("pushloss")
public record DataDirectoryProperties(@DefaultValue("./data") Path dataDir) {

	/** The data directory as an absolute, normalised path. */
	public Path absoluteDataDir() {
		return this.dataDir.toAbsolutePath().normalize();
	}

	/** The H2 database's base path (H2 adds {@code .mv.db}). */
	public Path databaseBase() {
		return absoluteDataDir().resolve("db").resolve("pushloss");
	}

	/**
	 * The JDBC URL of the database behind the job repository and the store of record.
	 * <p>
	 * {@code WRITE_DELAY=0}: every commit is written to the file before it returns. With H2's default (up to 500 ms
	 * later, from a background thread) a process killed right after a commit lost it: windows were fetched again,
	 * finished steps ran again, and the delivery ledger's PENDING row, which must be durable before the email
	 * leaves, could vanish (a second email with a new Message-ID).
	 * <p>
	 * {@code QUERY_CACHE_SIZE=0}: H2 otherwise keeps the plan of a statement it has prepared before, and a plan
	 * made while a table was empty is a full scan. The first run on a new data directory stored every window with
	 * such a plan, so each store of a window read the whole {@code loss_row} table. Planning each statement again
	 * costs microseconds.
	 */
	public String jdbcUrl() {
		return "jdbc:h2:file:" + databaseBase() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=0";
	}

}
