package io.pushloss;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrates a test's own database the way the application does (application.yml's {@code spring.flyway.locations}:
 * the common migrations, then those written for the database), and makes such databases for the tests of
 * concurrent writers: each connection is a new one, as two processes sharing the database would have.
 */
public final class TestMigrations {

	private TestMigrations() {
	}

	/** Creates every table of the application in an H2 database. */
	public static void migrateH2(DataSource dataSource) {
		migrate(dataSource, "h2");
	}

	/** Creates every table of the application in a PostgreSQL database. */
	public static void migratePostgresql(DataSource dataSource) {
		migrate(dataSource, "postgresql");
	}

	/**
	 * A new in-memory H2 database of this JVM with every table, kept until the JVM ends; a new connection per
	 * {@code getConnection()}.
	 */
	public static DataSource migratedH2() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		migrateH2(dataSource);
		return dataSource;
	}

	private static void migrate(DataSource dataSource, String vendor) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
			.load()
			.migrate();
	}

}
