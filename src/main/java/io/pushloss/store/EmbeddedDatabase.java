package io.pushloss.store;

import java.nio.file.Path;

import io.pushloss.domain.DataDirectoryProperties;

/**
 * Where the embedded H2 database lives under the data directory, and its URL.
 */
public final class EmbeddedDatabase {

	private EmbeddedDatabase() {
	}

	/** {@code <data-dir>/db/pushloss}: H2 adds {@code .mv.db}. */
	public static Path base(DataDirectoryProperties dataDirectory) {
		return dataDirectory.absoluteDataDir().resolve("db").resolve("pushloss");
	}

	/** The JDBC URL of the data directory's database. */
	public static String jdbcUrl(DataDirectoryProperties dataDirectory) {
		return "jdbc:h2:file:" + base(dataDirectory) + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;QUERY_CACHE_SIZE=0";
	}

}
