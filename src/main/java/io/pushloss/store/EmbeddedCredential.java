package io.pushloss.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.domain.PrivateFiles;

/**
 * The password of the embedded database, generated at random (256 bits, URL-safe Base64) on first use and kept in
 * the owner-only file {@code <data-dir>/db/credential}: whoever cannot read the data directory cannot open the
 * database, not even through H2's automatic TCP server on loopback.
 * <p>
 * A database created by an earlier version (user {@code sa}, empty password) is upgraded once: the new password is
 * first written to {@code credential.new}, set with {@code ALTER USER}, and the file then renamed to
 * {@code credential}. A crash between the steps is continued by the next start (it tries the pending password when
 * the empty one is refused), so no data directory is ever locked out. The password is never logged.
 */
final class EmbeddedCredential {

	static final String FILE_NAME = "credential";

	static final String PENDING_NAME = "credential.new";

	/** H2's error code for a wrong user name or password. */
	private static final int WRONG_USER_OR_PASSWORD = 28000;

	private static final Logger logger = LoggerFactory.getLogger(EmbeddedCredential.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private EmbeddedCredential() {
	}

	/**
	 * The database's password: read from the credential file, created with a new database, or set once on a database
	 * of an earlier version.
	 * @throws UncheckedIOException when the file cannot be read or written
	 * @throws IllegalStateException when an existing database refuses both the empty and the pending password
	 */
	static String password(DataDirectoryProperties dataDirectory) {
		Path file = EmbeddedDatabase.credentialFile(dataDirectory);
		try {
			PrivateFiles.directory(file.getParent());
			if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
				return read(file);
			}
			Path database = EmbeddedDatabase.base(dataDirectory).resolveSibling("pushloss.mv.db");
			if (!Files.exists(database, LinkOption.NOFOLLOW_LINKS)) {
				return create(file, generate());
			}
			return upgrade(dataDirectory, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"Cannot set up the database credential " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static String upgrade(DataDirectoryProperties dataDirectory, Path file) throws IOException {
		Path pending = file.resolveSibling(PENDING_NAME);
		String password = Files.exists(pending, LinkOption.NOFOLLOW_LINKS) ? read(pending) : create(pending, generate());
		String url = EmbeddedDatabase.jdbcUrl(dataDirectory) + ";IFEXISTS=TRUE";
		try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
				Statement statement = connection.createStatement()) {
			// the password is URL-safe Base64: nothing in it can leave the literal
			statement.execute("ALTER USER " + EmbeddedDatabase.USER + " SET PASSWORD '" + password + "'");
			logger.info("The database in {} had no password (created by an earlier version): it has one now, kept in {}",
					file.getParent(), file);
		}
		catch (SQLException ex) {
			if (ex.getErrorCode() != WRONG_USER_OR_PASSWORD) {
				throw new IllegalStateException("Cannot open the database in " + file.getParent()
						+ " to give it a password: " + ex.getMessage(), ex);
			}
			requireAccepted(url, password, file);
		}
		try {
			Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(pending, file);
		}
		catch (NoSuchFileException | FileAlreadyExistsException ex) {
			// another process finished the same upgrade
			return read(file);
		}
		return password;
	}

	/** The empty password was refused: an interrupted upgrade has set the pending one already, or nothing fits. */
	private static void requireAccepted(String url, String password, Path file) {
		try (Connection connection = DriverManager.getConnection(url, EmbeddedDatabase.USER, password)) {
			logger.info("Completed the interrupted upgrade of the database credential in {}", file);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The database in " + file.getParent() + " has a password but " + file
					+ " is missing: restore the file from a backup of the data directory (" + ex.getMessage() + ")",
					ex);
		}
	}

	private static String create(Path file, String password) throws IOException {
		try (OutputStream out = PrivateFiles.newFile(file)) {
			out.write(password.getBytes(StandardCharsets.US_ASCII));
		}
		catch (FileAlreadyExistsException ex) {
			// another process created it first: theirs holds (give it a moment to finish writing)
			return readWritten(file);
		}
		return password;
	}

	private static String readWritten(Path file) throws IOException {
		for (int attempt = 1;; attempt++) {
			try {
				return read(file);
			}
			catch (IOException ex) {
				if (attempt == 20) {
					throw ex;
				}
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for " + file, ex);
			}
		}
	}

	private static String read(Path file) throws IOException {
		PrivateFiles.restrict(file);
		String password = PrivateFiles.readString(file).strip();
		if (!password.matches("[A-Za-z0-9_-]{16,256}")) {
			throw new IOException("the file does not hold a credential written by this program");
		}
		return password;
	}

	private static String generate() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
