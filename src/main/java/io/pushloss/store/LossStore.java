package io.pushloss.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.pushloss.api.LossQuery;
import io.pushloss.domain.Counts;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The store of record (tables {@code fetched_window} and {@code loss_row}, see {@code V1__store_of_record.sql}):
 * every loss row the vendor reported, per fetched window and task, exactly once.
 */
@Repository
public class LossStore {

	/** Rows fetched per round trip when streaming (the Raw sheet may hold many thousands). */
	static final int STREAM_FETCH_SIZE = 500;

	private static final int ERR_INFO_MAX = 1024;

	// One task at a time and bounded on both sides, so that H2 reads a short range of the primary key (app, source,
	// task, window_start): with "task_id IN (...)" or an open-ended "window_start < :end" it walks every row of the
	// source stored before the window, which made storing a window cost as much as the whole history.
	// A stored window spans at most LossQuery.MAX_SPAN_SECONDS, so one that overlaps [start, end) starts after
	// start - MAX_SPAN_SECONDS.
	private static final String OVERLAPPING = """
			app_id = :appId AND source = :source AND task_id = :task
			AND window_start > :earliest AND window_start < :end AND window_end > :start""";

	// Atomic upserts (a concurrent insert of the same key waits for the other transaction, then updates): the row
	// lock they take is held until the window's transaction ends. PostgreSQL's MERGE is not atomic that way.
	private static final String LOCK_H2 = """
			MERGE INTO window_write_lock (app_id, source, task_id, last_fetched_at) KEY (app_id, source, task_id)
			VALUES (:appId, :source, :taskId, :fetchedAt)""";

	private static final String LOCK_POSTGRESQL = """
			INSERT INTO window_write_lock (app_id, source, task_id, last_fetched_at)
			VALUES (:appId, :source, :taskId, :fetchedAt)
			ON CONFLICT (app_id, source, task_id) DO UPDATE SET last_fetched_at = EXCLUDED.last_fetched_at""";

	private final NamedParameterJdbcOperations jdbc;

	private final JdbcClient client;

	private final String lock;

	public LossStore(NamedParameterJdbcOperations jdbc, StoreDatabase database) {
		this.jdbc = jdbc;
		this.client = JdbcClient.create(jdbc);
		this.lock = (database.kind() == StoreDatabase.Kind.POSTGRESQL) ? LOCK_POSTGRESQL : LOCK_H2;
	}

	/**
	 * The stored windows of an application that overlap {@code [from, to)} (epoch seconds), one per source, task and
	 * range.
	 */
	public List<StoredWindow> storedWindows(long appId, long from, long to) {
		return this.client.sql("""
				SELECT source, task_id AS "taskId", window_start AS "start", window_end AS "end",
				       fetched_at AS "fetchedAt", row_count AS "rowCount"
				FROM fetched_window
				WHERE app_id = :appId AND window_start < :to AND window_end > :from
				ORDER BY source, task_id, window_start, window_end""")
			.param("appId", appId)
			.param("from", from)
			.param("to", to)
			.query(StoredWindow.class)
			.list();
	}

	/**
	 * Replaces what is stored for a window's tasks with a fresh answer. Stored windows of those tasks that overlap
	 * the range are removed with their rows, then the window is recorded once per task (with its row count) and
	 * the rows are inserted, split by {@link LossRow#taskId()}. Storing the same answer twice leaves the same rows.
	 * Runs in the caller's transaction (the chunk's), or in its own when there is none, so the window and its rows
	 * commit together. The tasks' rows of {@code window_write_lock} are locked first (in task order, so two writers
	 * never deadlock) and held until that transaction ends: a second process storing the same or an overlapping
	 * window of the same application waits, then replaces what the first stored.
	 * @throws IllegalArgumentException when a row names a task the window did not ask for
	 */
	@Transactional
	public void replaceWindow(long appId, FetchWindow window, List<LossRow> rows, Instant fetchedAt) {
		List<String> tasks = window.taskKeys();
		Map<RowKey, LossRow> merged = merge(window, tasks, rows);
		for (String task : tasks.stream().sorted().distinct().toList()) {
			this.jdbc.update(this.lock, new MapSqlParameterSource().addValue("appId", appId)
				.addValue("source", window.source().name())
				.addValue("taskId", task)
				.addValue("fetchedAt", fetchedAt.atOffset(ZoneOffset.UTC)));
		}
		for (String task : tasks) {
			MapSqlParameterSource range = new MapSqlParameterSource().addValue("appId", appId)
				.addValue("source", window.source().name())
				.addValue("task", task)
				.addValue("earliest", window.start() - LossQuery.MAX_SPAN_SECONDS)
				.addValue("start", window.start())
				.addValue("end", window.end());
			this.jdbc.update("DELETE FROM loss_row WHERE " + OVERLAPPING, range);
			this.jdbc.update("DELETE FROM fetched_window WHERE " + OVERLAPPING, range);
		}

		List<SqlParameterSource> windowRows = new ArrayList<>();
		for (String task : tasks) {
			long count = merged.keySet().stream().filter((key) -> key.taskId().equals(task)).count();
			windowRows.add(windowParams(appId, window, task).addValue("fetchedAt", fetchedAt.atOffset(ZoneOffset.UTC))
				.addValue("rowCount", count));
		}
		this.jdbc.batchUpdate("""
				INSERT INTO fetched_window
				(app_id, source, task_id, window_start, window_end, fetched_at, status, row_count)
				VALUES (:appId, :source, :taskId, :start, :end, :fetchedAt, 'STORED', :rowCount)""",
				windowRows.toArray(SqlParameterSource[]::new));

		List<SqlParameterSource> lossRows = new ArrayList<>();
		for (LossRow row : merged.values()) {
			lossRows.add(windowParams(appId, window, row.taskId()).addValue("stage", row.stage().name())
				.addValue("eventType", row.eventType().code())
				.addValue("vendor", (row.vendor() != null) ? row.vendor().code() : StoredRow.ALL_VENDORS)
				.addValue("errCode", row.errCode())
				.addValue("errCount", row.errCount())
				.addValue("errInfo", truncate(row.errInfo())));
		}
		this.jdbc.batchUpdate("""
				INSERT INTO loss_row
				(app_id, source, task_id, window_start, window_end, stage, event_type, vendor, err_code, err_count, err_info)
				VALUES (:appId, :source, :taskId, :start, :end, :stage, :eventType, :vendor, :errCode, :errCount, :errInfo)""",
				lossRows.toArray(SqlParameterSource[]::new));
	}

	/**
	 * The rows of stored windows, one window after the other in the given order, each in stage (pipeline order),
	 * event type, vendor and code order (one short primary-key range, so reading a week window by window never sorts
	 * the week), handed to {@code handler} as it is read (the handler may block: the Raw sheet's reader waits for the
	 * sheet); a window not stored hands over no rows.
	 * <p>
	 * On one connection with one prepared statement: a week of 1,000 tasks is some 7,000 windows and 400,000 rows,
	 * and preparing (H2 plans every statement afresh, see {@code EmbeddedDatabase}), borrowing a connection and
	 * mapping each row by name for every window cost twice what reading the rows does. The plan made here, once the
	 * rows are stored, is the primary-key range of each window.
	 */
	public void readWindows(long appId, List<PlannedWindow> windows, WindowRowsHandler handler) {
		// the statement's errors are translated with its SQL, as a JdbcClient query's are
		this.jdbc.getJdbcOperations().execute(WINDOW_ROWS, (PreparedStatementCallback<Void>) (statement) -> {
			for (PlannedWindow window : windows) {
				handler.handle(window,
						windowRows(statement, appId, window.source(), window.taskId(), window.start(), window.end()));
			}
			return null;
		});
	}

	/** Receives the rows of one window from {@link #readWindows}. */
	@FunctionalInterface
	public interface WindowRowsHandler {

		void handle(PlannedWindow window, List<StoredLossRow> rows);

	}

	private static final String WINDOW_ROWS = """
			SELECT stage, event_type, vendor, err_code, err_count, err_info
			FROM loss_row
			WHERE app_id = ? AND source = ? AND task_id = ? AND window_start = ? AND window_end = ?
			ORDER BY CASE stage WHEN 'READY_TO_SEND' THEN 0 ELSE 1 END, event_type, vendor, err_code""";

	// The window's own values come from the query, not from each row, and the columns are read by position.
	private static List<StoredLossRow> windowRows(PreparedStatement statement, long appId, LossSource source,
			String taskId, long start, long end) throws SQLException {
		statement.setLong(1, appId);
		statement.setString(2, source.name());
		statement.setString(3, taskId);
		statement.setLong(4, start);
		statement.setLong(5, end);
		Instant windowStart = Instant.ofEpochSecond(start);
		Instant windowEnd = Instant.ofEpochSecond(end);
		List<StoredLossRow> rows = new ArrayList<>();
		try (ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				int vendor = result.getInt(3);
				rows.add(new StoredLossRow(appId, source, taskId, windowStart, windowEnd,
						Stage.valueOf(result.getString(1)), EventType.fromCode(result.getInt(2)),
						(vendor == StoredRow.ALL_VENDORS) ? null : Vendor.fromCode(vendor), result.getString(4),
						result.getLong(5), result.getString(6)));
			}
		}
		return rows;
	}

	/**
	 * How many rows the stored windows among {@code windows} hold together (as recorded with each window, so without
	 * reading the rows); windows not stored count 0. On one connection with one prepared statement, as {@link #readWindows}.
	 */
	public long windowRowCount(long appId, List<PlannedWindow> windows) {
		Long total = this.jdbc.getJdbcOperations().execute("""
				SELECT row_count FROM fetched_window
				WHERE app_id = ? AND source = ? AND task_id = ? AND window_start = ? AND window_end = ?""",
				(PreparedStatementCallback<Long>) (statement) -> {
					long sum = 0;
					for (PlannedWindow window : windows) {
						statement.setLong(1, appId);
						statement.setString(2, window.source().name());
						statement.setString(3, window.taskId());
						statement.setLong(4, window.start());
						statement.setLong(5, window.end());
						try (ResultSet result = statement.executeQuery()) {
							if (result.next()) {
								sum += result.getLong(1);
							}
						}
					}
					return sum;
				});
		return (total != null) ? total : 0;
	}

	// The client adds up repeated keys already; doing it again here keeps the primary key safe whatever the source.
	private static Map<RowKey, LossRow> merge(FetchWindow window, List<String> tasks, List<LossRow> rows) {
		Map<RowKey, LossRow> merged = new LinkedHashMap<>();
		for (LossRow row : rows) {
			if (!tasks.contains(row.taskId())) {
				throw new IllegalArgumentException("The answer for " + window + " has rows for TaskID '"
						+ row.taskId() + "', which was not asked for");
			}
			merged.merge(new RowKey(row), row, (a, b) -> new LossRow(a.taskId(), a.stage(), a.vendor(),
					a.eventType(), a.errCode(),
					Counts.add(a.errCount(), b.errCount(), () -> "ErrCount of ErrCode " + a.errCode() + " in " + window),
					a.errInfo().isEmpty() ? b.errInfo() : a.errInfo()));
		}
		return merged;
	}

	private static MapSqlParameterSource windowParams(long appId, FetchWindow window, String taskId) {
		return new MapSqlParameterSource().addValue("appId", appId)
			.addValue("source", window.source().name())
			.addValue("taskId", taskId)
			.addValue("start", window.start())
			.addValue("end", window.end());
	}

	private static String truncate(String text) {
		return (text.length() > ERR_INFO_MAX) ? text.substring(0, ERR_INFO_MAX) : text;
	}

	private record RowKey(String taskId, String stage, int eventType, int vendor, String errCode) {

		RowKey(LossRow row) {
			this(row.taskId(), row.stage().name(), row.eventType().code(),
					(row.vendor() != null) ? row.vendor().code() : StoredRow.ALL_VENDORS, row.errCode());
		}

	}

}
