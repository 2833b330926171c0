package io.pushloss.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.domain.DataDirectoryProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database acknowledged as committed survives the process being killed right afterwards (SIGKILL, OOM
 * killer), so that nothing committed is fetched, run or sent again.
 */
class CommitDurabilityTests {

	private static final int COMMITS = 20;

	@TempDir
	Path dataDir;

	@Test
	void commitsSurviveAProcessKilledRightAfterThem() throws Exception {
		Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), Writer.class.getName(), this.dataDir.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(writer.getInputStream().readAllBytes());
		assertThat(writer.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(writer.exitValue()).as(output).isEqualTo(Writer.HALTED);

		try (Connection connection = DriverManager.getConnection(jdbcUrl(this.dataDir), "sa", "");
				Statement statement = connection.createStatement();
				ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM commits")) {
			count.next();
			assertThat(count.getInt(1)).isEqualTo(COMMITS);
		}
	}

	private static String jdbcUrl(Path dataDir) {
		return io.pushloss.store.EmbeddedDatabase.jdbcUrl(new DataDirectoryProperties(dataDir));
	}

	/** Commits row after row with the application's JDBC URL, then dies without any shutdown. */
	static final class Writer {

		static final int HALTED = 137;

		public static void main(String[] args) throws SQLException {
			try (Connection connection = DriverManager.getConnection(jdbcUrl(Path.of(args[0])), "sa", "");
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE commits (n INT)");
				for (int n = 0; n < COMMITS; n++) {
					statement.execute("INSERT INTO commits VALUES (" + n + ")");
				}
				Runtime.getRuntime().halt(HALTED);
			}
		}

	}

}
