package io.pushloss.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.domain.PrivateFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The embedded database belongs to the user that runs the program: its folder and files are owner-only, and it
 * opens only with the generated credential, so another local user can neither read the files (the credential, H2's
 * lock file with the address of its TCP server) nor log in without the password. An existing database of an earlier
 * version (empty password) is upgraded without losing data.
 */
class EmbeddedDatabaseSecurityTests {

	@TempDir
	Path work;

	@Test
	void aNewDatabaseIsOwnerOnlyAndRefusesTheEmptyPassword() throws Exception {
		DataDirectoryProperties data = new DataDirectoryProperties(this.work.resolve("data"));
		try (HikariDataSource dataSource = open(data)) {
			assertThat(count(dataSource)).isZero();

			assertThat(EmbeddedDatabase.password(data)).hasSize(43).isNotBlank();
			if (PrivateFiles.posix(this.work)) {
				assertThat(mode(data.absoluteDataDir())).isEqualTo("rwx------");
				assertThat(mode(data.absoluteDataDir().resolve("db"))).isEqualTo("rwx------");
				assertThat(filesIn(data.absoluteDataDir().resolve("db")))
					.as("the database, H2's lock file with its server's address, the credential")
					.contains("pushloss.mv.db", "pushloss.lock.db", "credential")
					.allSatisfy((name) -> assertThat(mode(data.absoluteDataDir().resolve("db").resolve(name)))
						.as(name)
						.isEqualTo("rw-------"));
			}
			// (H2 writes a failed login into its trace file, which the next start makes owner-only as well)
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(data), "sa", "").close())
				.withMessageContaining("Wrong user name or password");
		}
	}

	@Test
	void whoeverHasTheServersAddressAndKeyStillNeedsThePassword() throws Exception {
		DataDirectoryProperties data = new DataDirectoryProperties(this.work.resolve("served"));
		try (HikariDataSource dataSource = open(data)) {
			assertThat(count(dataSource)).isZero();
			// what the local user read from the world-readable lock file, and then logged in with as SA
			Properties lock = new Properties();
			try (InputStream in = Files.newInputStream(data.absoluteDataDir().resolve("db/pushloss.lock.db"))) {
				lock.load(in);
			}
			String url = "jdbc:h2:tcp://" + lock.getProperty("server") + "/" + lock.getProperty("id");

			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> DriverManager.getConnection(url, "sa", "").close())
				.withMessageContaining("Wrong user name or password");
			try (Connection owner = DriverManager.getConnection(url, "sa", EmbeddedDatabase.password(data))) {
				assertThat(owner.isValid(5)).as("the same URL with the credential: the server is reachable").isTrue();
			}
		}
	}

	@Test
	void aDatabaseOfAnEarlierVersionGetsAPasswordOnceAndKeepsItsData() throws Exception {
		DataDirectoryProperties data = new DataDirectoryProperties(this.work.resolve("old"));
		Files.createDirectories(data.absoluteDataDir().resolve("db"));
		try (Connection old = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(data), "sa", "");
				Statement statement = old.createStatement()) {
			statement.execute("CREATE TABLE marker (n INT)");
			statement.execute("INSERT INTO marker VALUES (7)");
		}

		try (HikariDataSource dataSource = open(data)) {
			assertThat(count(dataSource)).isEqualTo(7);
		}
		String password = EmbeddedDatabase.password(data);
		assertThat(data.absoluteDataDir().resolve("db").resolve("credential.new")).doesNotExist();
		assertThatExceptionOfType(SQLException.class)
			.isThrownBy(() -> DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(data), "sa", "").close());
		try (HikariDataSource again = open(data)) {
			assertThat(count(again)).as("the second start reads the credential").isEqualTo(7);
		}
		assertThat(EmbeddedDatabase.password(data)).isEqualTo(password);
	}

	@Test
	void anInterruptedUpgradeIsCompletedByTheNextStart() throws Exception {
		DataDirectoryProperties data = new DataDirectoryProperties(this.work.resolve("interrupted"));
		Path db = Files.createDirectories(data.absoluteDataDir().resolve("db"));
		String pending = "pendingpendingpendingpendingpendingpending12";
		Files.writeString(db.resolve("credential.new"), pending);
		try (Connection old = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(data), "sa", "");
				Statement statement = old.createStatement()) {
			statement.execute("CREATE TABLE marker (n INT)");
			statement.execute("INSERT INTO marker VALUES (3)");
			// the crash came right after ALTER USER, before the rename
			statement.execute("ALTER USER SA SET PASSWORD '" + pending + "'");
		}

		try (HikariDataSource dataSource = open(data)) {
			assertThat(count(dataSource)).isEqualTo(3);
		}
		assertThat(EmbeddedDatabase.password(data)).isEqualTo(pending);
	}

	@Test
	void anotherLocalUserCanReadNeitherTheCredentialNorTheServersAddress() throws Exception {
		Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
				"needs root to run a command as the user nobody: skipped");
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of(
				"/sbin/runuser")), "runuser is not installed: skipped");
		// only the program's own modes may keep the other user out: the test's folder is open to all
		Files.setPosixFilePermissions(this.work, PosixFilePermissions.fromString("rwxr-xr-x"));
		DataDirectoryProperties data = new DataDirectoryProperties(this.work.resolve("shared"));
		try (HikariDataSource dataSource = open(data)) {
			assertThat(count(dataSource)).isZero();
			Path db = data.absoluteDataDir().resolve("db");
			assertThat(db.resolve("pushloss.lock.db")).as("H2's server address and key").exists();

			assertThat(asNobody("cat", db.resolve("credential").toString())).as("reading the credential")
				.isNotZero();
			assertThat(asNobody("cat", db.resolve("pushloss.lock.db").toString())).as("reading the server's key")
				.isNotZero();
			assertThat(asNobody("ls", data.absoluteDataDir().toString())).as("listing the data directory")
				.isNotZero();
			assertThat(asNobody("true")).as("the same command can run as nobody").isZero();
		}
	}

	private static int asNobody(String... command) throws IOException, InterruptedException {
		List<String> line = new ArrayList<>(List.of("runuser", "-u", "nobody", "--"));
		line.addAll(List.of(command));
		Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError("runuser did not end: " + line);
		}
		System.out.println(String.join(" ", line) + " -> " + process.exitValue() + " " + output.strip());
		return process.exitValue();
	}

	private static HikariDataSource open(DataDirectoryProperties data) {
		StoreDatabaseConfiguration configuration = new StoreDatabaseConfiguration();
		HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(data, new DataSourceProperties());
		configuration.storeDatabase(dataSource, data);
		return dataSource;
	}

	private static int count(HikariDataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE IF NOT EXISTS marker (n INT)");
			try (ResultSet sum = statement.executeQuery("SELECT COALESCE(SUM(n), 0) FROM marker")) {
				sum.next();
				return sum.getInt(1);
			}
		}
	}

	private static String mode(Path path) {
		try {
			return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> filesIn(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
	}

}
