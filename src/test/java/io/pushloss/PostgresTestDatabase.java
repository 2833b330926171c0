package io.pushloss;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Assumptions;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh PostgreSQL database for one test, on the machine's server (127.0.0.1:5432, user {@code postgres}, trust
 * authentication), dropped when closed. Where no server answers, the test is skipped with a one-line reason, unless
 * {@code PUSHLOSS_REQUIRE_POSTGRES=true} (set by {@code .ci/run}): then it fails, so that CI never skips these
 * tests silently.
 */
public final class PostgresTestDatabase implements AutoCloseable {

	/** The server; {@code PUSHLOSS_TEST_POSTGRES} overrides it (host:port). */
	private static final String SERVER = System.getenv().getOrDefault("PUSHLOSS_TEST_POSTGRES", "127.0.0.1:5432");

	private static final String USER = "postgres";

	private final String name;

	private PostgresTestDatabase(String name) {
		this.name = name;
	}

	/** Creates an empty database, or skips the test (fails it in CI) when the server does not answer. */
	public static PostgresTestDatabase create() {
		String name = "pushloss_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
			.toLowerCase(Locale.ROOT);
		try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
				Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			String reason = "PostgreSQL at " + SERVER + " does not answer (" + ex.getMessage() + ")";
			if ("true".equalsIgnoreCase(System.getenv("PUSHLOSS_REQUIRE_POSTGRES"))) {
				throw new IllegalStateException(reason + "; PUSHLOSS_REQUIRE_POSTGRES=true requires it", ex);
			}
			Assumptions.abort(reason + ": PostgreSQL tests skipped");
		}
		return new PostgresTestDatabase(name);
	}

	/** The database's JDBC URL. */
	public String url() {
		return url(this.name);
	}

	/** Spring properties that select this database. */
	public Map<String, Object> properties() {
		return Map.of("spring.datasource.url", url(), "spring.datasource.username", USER,
				"spring.datasource.password", "");
	}

	/** A data source on this database: a new connection per {@code getConnection()}, as separate processes have. */
	public DataSource dataSource() {
		return new DriverManagerDataSource(url(), USER, "");
	}

	/** {@link #dataSource()}, with every table of the application created (the application's migrations). */
	public DataSource migratedDataSource() {
		DataSource dataSource = dataSource();
		TestMigrations.migratePostgresql(dataSource);
		return dataSource;
	}

	/** A new connection (the caller closes it). */
	public Connection connect() throws SQLException {
		return DriverManager.getConnection(url(), USER, "");
	}

	@Override
	public void close() throws SQLException {
		try (Connection admin = DriverManager.getConnection(url("postgres"), USER, "");
				Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
		}
	}

	private static String url(String database) {
		return "jdbc:postgresql://" + SERVER + "/" + database;
	}

}
