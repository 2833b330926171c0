package io.pushloss.store;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Which database holds the store, the job repository, the delivery ledger and the Quartz job store: the embedded H2
 * file under the data directory (one machine), or PostgreSQL selected by {@code spring.datasource.url} (shared by
 * several processes and {@code serve} nodes).
 *
 * @param kind the database product
 * @param url the JDBC URL (never with a password)
 */
public record StoreDatabase(Kind kind, String url) {

	/** Whether several processes on several machines may share this database (clustered scheduling, locks). */
	public boolean shared() {
		return this.kind == Kind.POSTGRESQL;
	}

	/** Reads the product from a connection's metadata. */
	static StoreDatabase of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			Kind kind = "PostgreSQL".equalsIgnoreCase(product) ? Kind.POSTGRESQL : Kind.H2;
			return new StoreDatabase(kind, withoutPassword(connection.getMetaData().getURL()));
		}
		catch (SQLException ex) {
			throw new CannotGetJdbcConnectionException("Cannot open the database: " + ex.getMessage(), ex);
		}
	}

	private static String withoutPassword(String url) {
		return (url != null) ? url.replaceAll("(?i)(password=)[^&;]*", "$1***") : null;
	}

	/** The database products this program runs on. */
	public enum Kind {

		/** The embedded H2 file database under the data directory: the default. */
		H2,

		/** PostgreSQL, from {@code spring.datasource.url}. */
		POSTGRESQL

	}

}
