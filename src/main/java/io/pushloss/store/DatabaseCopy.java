package io.pushloss.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.stereotype.Component;

import io.pushloss.domain.DataDirectoryProperties;

/**
 * Copies what a user must not lose from an embedded H2 database into this program's PostgreSQL database (moving
 * up from H2, {@code copy-to-postgres}): the store of record ({@code fetched_window}, {@code loss_row}), the
 * delivery ledger, and the Spring Batch job repository behind the run history and the skip-completed backfills.
 * The scheduler's tables, the rate-limit slots and the write locks are not copied: {@code serve} schedules its job
 * files again, and the others are recreated on use. Everything is copied in one transaction of the target, and
 * the counts are compared afterwards.
 */
@Component
public class DatabaseCopy {

	/** The tables copied, parents before children. */
	public static final List<String> TABLES = List.of("fetched_window", "loss_row", "delivery_ledger",
			"batch_job_instance", "batch_job_execution", "batch_job_execution_params", "batch_job_execution_context",
			"batch_step_execution", "batch_step_execution_context");

	/** Spring Batch's id sequences and the column each numbers: continued after the copied ids. */
	private static final Map<String, String> SEQUENCES = Map.of("batch_job_instance_seq",
			"SELECT MAX(job_instance_id) FROM batch_job_instance", "batch_job_execution_seq",
			"SELECT MAX(job_execution_id) FROM batch_job_execution", "batch_step_execution_seq",
			"SELECT MAX(step_execution_id) FROM batch_step_execution");

	private static final int BATCH = 1000;

	private static final Logger logger = LoggerFactory.getLogger(DatabaseCopy.class);

	private final DataSource target;

	private final StoreDatabase database;

	DatabaseCopy(DataSource target, StoreDatabase database) {
		this.target = target;
		this.database = database;
	}

	/** The program's database, the target of a copy. */
	public StoreDatabase target() {
		return this.database;
	}

	/**
	 * The rows of each copied table in the target, in copy order.
	 * @throws CopyException when the target cannot be read
	 */
	public Map<String, Long> targetCounts() {
		try (Connection connection = this.target.getConnection()) {
			return counts(connection);
		}
		catch (SQLException ex) {
			throw new CopyException("Cannot count the rows of " + this.database.url() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Copies the embedded H2 database of a data directory ({@code <data-dir>/db/pushloss.mv.db}, which must exist;
	 * it is only read) into the program's PostgreSQL database. Stop the {@code serve} that uses it first.
	 * @see #copyFrom(DataSource, boolean)
	 */
	public List<TableCount> copyFromEmbedded(DataDirectoryProperties dataDirectory, boolean replace) {
		H2Loopback.apply();
		SimpleDriverDataSource source = new SimpleDriverDataSource(new org.h2.Driver(),
				EmbeddedDatabase.jdbcUrl(dataDirectory) + ";IFEXISTS=TRUE", EmbeddedDatabase.USER,
				EmbeddedDatabase.existingPassword(dataDirectory));
		return copyFrom(source, replace);
	}

	/**
	 * Copies every table of {@link #TABLES} from {@code source} into the program's PostgreSQL database.
	 * @param replace delete what the target holds first; without it a target that holds rows is refused
	 * @return the rows of each table in the source and in the target after the copy, which are equal
	 * @throws CopyException when the target is not PostgreSQL, holds rows and {@code replace} is not set (nothing
	 * is written), the copy fails (nothing is written) or the counts differ afterwards
	 */
	public List<TableCount> copyFrom(DataSource source, boolean replace) {
		if (this.database.kind() != StoreDatabase.Kind.POSTGRESQL) {
			throw new CopyException("The target " + this.database.url() + " is not PostgreSQL: set "
					+ "spring.datasource.url (SPRING_DATASOURCE_URL) to the PostgreSQL database to copy into", null);
		}
		Map<String, Long> before = targetCounts();
		long held = before.values().stream().mapToLong(Long::longValue).sum();
		if (held > 0 && !replace) {
			throw new TargetNotEmptyException("The target " + this.database.url() + " already holds " + held
					+ " rows (" + describe(before) + "); nothing was copied. Use --replace to replace them.");
		}
		Map<String, Long> sourceCounts;
		try (Connection from = source.getConnection(); Connection to = this.target.getConnection()) {
			sourceCounts = counts(from);
			to.setAutoCommit(false);
			try {
				if (replace) {
					for (int i = TABLES.size() - 1; i >= 0; i--) {
						try (Statement delete = to.createStatement()) {
							delete.executeUpdate("DELETE FROM " + TABLES.get(i));
						}
					}
				}
				for (String table : TABLES) {
					long copied = copyTable(from, to, table);
					logger.info("Copied {} rows of {}", copied, table);
				}
				continueSequences(to);
				to.commit();
			}
			catch (SQLException | RuntimeException ex) {
				to.rollback();
				throw ex;
			}
			finally {
				to.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			throw new CopyException("Could not copy into " + this.database.url() + " (nothing was copied): "
					+ ex.getMessage(), ex);
		}
		Map<String, Long> after = targetCounts();
		List<TableCount> result = new ArrayList<>();
		for (String table : TABLES) {
			result.add(new TableCount(table, sourceCounts.get(table), after.get(table)));
		}
		List<TableCount> differing = result.stream().filter((count) -> count.source() != count.target()).toList();
		if (!differing.isEmpty()) {
			throw new CopyException("The copy into " + this.database.url() + " does not match its source: "
					+ differing, null);
		}
		return result;
	}

	private static long copyTable(Connection from, Connection to, String table) throws SQLException {
		long rows = 0;
		try (Statement select = from.createStatement()) {
			select.setFetchSize(BATCH);
			try (ResultSet source = select.executeQuery("SELECT * FROM " + table)) {
				ResultSetMetaData columns = source.getMetaData();
				int count = columns.getColumnCount();
				StringJoiner names = new StringJoiner(", ");
				StringJoiner marks = new StringJoiner(", ");
				for (int i = 1; i <= count; i++) {
					names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
					marks.add("?");
				}
				try (PreparedStatement insert = to
					.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
					while (source.next()) {
						for (int i = 1; i <= count; i++) {
							set(insert, i, source.getObject(i), columns.getColumnType(i));
						}
						insert.addBatch();
						if (++rows % BATCH == 0) {
							insert.executeBatch();
						}
					}
					insert.executeBatch();
				}
			}
		}
		return rows;
	}

	private static void set(PreparedStatement insert, int index, Object value, int sqlType) throws SQLException {
		if (value == null) {
			insert.setNull(index, switch (sqlType) {
				case Types.CLOB, Types.NCLOB -> Types.VARCHAR;
				case Types.BLOB -> Types.BINARY;
				default -> sqlType;
			});
		}
		else if (value instanceof Clob clob) {
			insert.setString(index, clob.getSubString(1, Math.toIntExact(clob.length())));
		}
		else if (value instanceof Blob blob) {
			try (InputStream in = blob.getBinaryStream()) {
				insert.setBytes(index, in.readAllBytes());
			}
			catch (IOException ex) {
				throw new SQLException("Cannot read a binary column: " + ex.getMessage(), ex);
			}
		}
		else {
			insert.setObject(index, value);
		}
	}

	private static void continueSequences(Connection to) throws SQLException {
		for (Map.Entry<String, String> sequence : SEQUENCES.entrySet()) {
			long max;
			try (Statement query = to.createStatement(); ResultSet result = query.executeQuery(sequence.getValue())) {
				result.next();
				max = result.getLong(1);
			}
			try (Statement update = to.createStatement()) {
				// the next value is max + 1 (or 1 for an empty table)
				update.execute("SELECT setval('" + sequence.getKey() + "', " + Math.max(max, 1) + ", " + (max > 0)
						+ ")");
			}
		}
	}

	private static Map<String, Long> counts(Connection connection) throws SQLException {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			try (Statement query = connection.createStatement();
					ResultSet result = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
				result.next();
				counts.put(table, result.getLong(1));
			}
		}
		return counts;
	}

	private static String describe(Map<String, Long> counts) {
		StringJoiner text = new StringJoiner(", ");
		counts.forEach((table, rows) -> {
			if (rows > 0) {
				text.add(table + " " + rows);
			}
		});
		return text.toString();
	}

	/**
	 * The rows of one table.
	 * @param table the table
	 * @param source rows in the source
	 * @param target rows in the target after the copy
	 */
	public record TableCount(String table, long source, long target) {
	}

	/** A copy that could not be made or checked; nothing was written unless the message says otherwise. */
	public static class CopyException extends RuntimeException {

		CopyException(String message, Throwable cause) {
			super(message, cause);
		}

	}

	/** The target holds rows and {@code --replace} was not given: nothing was written. */
	public static final class TargetNotEmptyException extends CopyException {

		TargetNotEmptyException(String message) {
			super(message, null);
		}

	}

}
