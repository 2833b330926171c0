package io.pushloss;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Migrates a test's own H2 database the way the application does (application.yml's
 * {@code spring.flyway.locations}: the common migrations, then those written for H2).
 */
public final class TestMigrations {

	private TestMigrations() {
	}

	/** Creates every table of the application in an H2 database. */
	public static void migrateH2(DataSource dataSource) {
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
	}

}
