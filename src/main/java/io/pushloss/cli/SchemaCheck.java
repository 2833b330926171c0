package io.pushloss.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pushloss.store.DirectDatabase;

/**
 * Before a command that runs jobs starts the application: does its database already have every migration of this
 * program? Then the application starts without Flyway (whose start-up and validation cost more than anything
 * else the command does before its first call); a new database, an older one or one with a failed migration is
 * migrated by Flyway as always. Opened on one connection, which stays open until the application has opened the
 * database too, so that the embedded H2 file is opened once.
 */
final class SchemaCheck implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SchemaCheck.class);

	private final DirectDatabase database;

	private final boolean current;

	private SchemaCheck(DirectDatabase database, boolean current) {
		this.database = database;
		this.current = current;
	}

	/**
	 * Checks the database of a data directory: the embedded H2 file when there is one, or the configured database.
	 * @param property an application property as the application would see it ({@code spring.datasource.url}, ...)
	 */
	static SchemaCheck of(Path dataDir, UnaryOperator<String> property) {
		String url = DirectDatabase.url(dataDir, property);
		if (DirectDatabase.embedded(url) && !ReportContexts.hasDatabase(dataDir)) {
			return new SchemaCheck(null, false);
		}
		DirectDatabase database = null;
		try {
			database = DirectDatabase.open(dataDir, property);
			return new SchemaCheck(database, database.upToDate());
		}
		catch (RuntimeException ex) {
			// whatever went wrong, Flyway runs and reports it as it always did
			logger.debug("Could not check the database's migrations before starting: {}", ex.getMessage());
			if (database != null) {
				database.close();
			}
			return new SchemaCheck(null, false);
		}
	}

	/** Whether every migration of this program is applied, none failed: Flyway would have nothing to do. */
	boolean current() {
		return this.current;
	}

	/** The connection the check used, while open (for tests); {@code null} when there was no database. */
	DataSource dataSource() {
		return (this.database != null) ? this.database.dataSource() : null;
	}

	@Override
	public void close() {
		if (this.database != null) {
			this.database.close();
		}
	}

}
