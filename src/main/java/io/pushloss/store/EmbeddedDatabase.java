package io.pushloss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.domain.PrivateFiles;

/**
 * Where the embedded H2 database lives under the data directory, its URL and its credential.
 * <p>
 * {@code <data-dir>/db/} is owner-only ({@code 0700}) and holds the database ({@code pushloss.mv.db}), H2's lock
 * file, the owner lock of {@link io.pushloss.domain.DataDirectoryLock} and {@code credential}: the password of the
 * database's one user, generated at random on first use (see {@link EmbeddedCredential}).
 */
public final class EmbeddedDatabase {

	/** The database's one user. */
	public static final String USER = "sa";

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

	/** {@code <data-dir>/db/credential}: the password of {@link #USER}, owner-only. */
	public static Path credentialFile(DataDirectoryProperties dataDirectory) {
		return base(dataDirectory).resolveSibling(EmbeddedCredential.FILE_NAME);
	}

	/**
	 * The password of the data directory's database as its credential file holds it (for tools and tests that open
	 * the database of a data directory the program created). Never log it.
	 * @throws UncheckedIOException when there is no credential file (or it is a link)
	 */
	public static String password(DataDirectoryProperties dataDirectory) {
		Path file = credentialFile(dataDirectory);
		try {
			return PrivateFiles.readString(file).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the database credential " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The password to open the data directory's existing database with: its credential file's, or the empty one of a
	 * database from before the credential (upgraded by the next command that runs jobs). Never log it.
	 */
	public static String existingPassword(DataDirectoryProperties dataDirectory) {
		return Files.exists(credentialFile(dataDirectory), LinkOption.NOFOLLOW_LINKS) ? password(dataDirectory) : "";
	}

}
