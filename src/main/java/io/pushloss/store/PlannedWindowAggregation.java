package io.pushloss.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;
import javax.sql.DataSource;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

import io.pushloss.domain.CountOverflowException;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * Sums the store of record over exactly the planned windows of a report: the per-vendor sums in SQL, and the rows
 * the stage counts and descriptions of W and W-1 come from handed to the caller in one pass, which costs half of the
 * two queries (a sum and a window function) it replaces.
 * <p>
 * The planned windows go into a session-local temporary table; every query starts from that table and LEFT JOINs
 * {@code loss_row} on its full window key, which H2 never reorders: each planned window is one primary-key range
 * lookup, so the cost follows the rows of the report's windows, not the size of the store, and rows stored under
 * another window granularity are never read.
 */
@Component
public class PlannedWindowAggregation {

	private static final String WINDOWS = "pushloss_planned_window";

	private static final String COLUMNS = " (ordinal INT NOT NULL PRIMARY KEY, source VARCHAR(16) NOT NULL,"
			+ " task_id VARCHAR(256) NOT NULL, window_start BIGINT NOT NULL, window_end BIGINT NOT NULL,"
			+ " week_index INT NOT NULL)";

	// TRANSACTIONAL: creating the temporary table does not commit the caller's transaction.
	static final String CREATE = "CREATE LOCAL TEMPORARY TABLE IF NOT EXISTS " + WINDOWS + COLUMNS + " TRANSACTIONAL";

	// PostgreSQL: a temporary table lives as long as the (pooled) connection; DDL is transactional anyway.
	static final String CREATE_POSTGRESQL = "CREATE TEMPORARY TABLE IF NOT EXISTS " + WINDOWS + COLUMNS;

	private static final String ON_WINDOW = " ON l.app_id = :app AND l.source = w.source AND l.task_id = w.task_id"
			+ " AND l.window_start = w.window_start AND l.window_end = w.window_end";

	// Stage-level rows (vendor -1) of every planned window and every row of the overall windows, of W and W-1: the
	// stage counts and the descriptions both come from these rows, read once.
	static final String WEEK_ROWS = "SELECT w.week_index, l.source, l.task_id, l.vendor, l.stage, l.event_type,"
			+ " l.err_code, l.err_count, l.err_info, l.window_start"
			+ " FROM " + WINDOWS + " w LEFT JOIN loss_row l" + ON_WINDOW + " AND (w.task_id = '' OR l.vendor = -1)"
			+ " WHERE w.week_index <= 1";

	static final String PLATFORM_COUNTS = "SELECT w.week_index AS weekIndex, l.source, l.vendor, l.stage,"
			+ " l.event_type AS eventType, l.err_code AS errCode, SUM(l.err_count) AS errCount"
			+ " FROM " + WINDOWS + " w LEFT JOIN loss_row l" + ON_WINDOW
			+ " AND l.vendor >= 0 WHERE w.task_id = ''"
			+ " GROUP BY w.week_index, l.source, l.vendor, l.stage, l.event_type, l.err_code"
			+ " HAVING l.source IS NOT NULL";

	static final String STORED = "SELECT w.ordinal FROM " + WINDOWS + " w WHERE EXISTS (SELECT 1 FROM"
			+ " fetched_window f WHERE f.app_id = :app AND f.source = w.source AND f.task_id = w.task_id"
			+ " AND f.window_start = w.window_start AND f.window_end = w.window_end AND f.status = 'STORED')";

	private final JdbcTemplate jdbcTemplate;

	public PlannedWindowAggregation(JdbcTemplate jdbcTemplate) {
		this.jdbcTemplate = jdbcTemplate;
	}

	/**
	 * Reads the sums of an application's planned windows (one connection, the caller's transaction if any).
	 * @param appId the SDKAppID
	 * @param windows the planned windows; {@link Sums#storedWindows()} holds indexes into this list
	 * @param weekIndex how many weeks before the report week a window's week is (0 for the report week)
	 * @param weekRows receives the stage-level rows of every planned window and every row of the overall windows,
	 * of the report week and the week before
	 */
	public Sums read(long appId, List<PlannedWindow> windows, ToIntFunction<IsoWeek> weekIndex, WeekRowSink weekRows) {
		return this.jdbcTemplate.execute((ConnectionCallback<Sums>) (connection) -> {
			DataSource single = new SingleConnectionDataSource(connection, true);
			JdbcTemplate template = new JdbcTemplate(single);
			boolean postgres = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
			template.execute(postgres ? CREATE_POSTGRESQL : CREATE);
			template.update("DELETE FROM " + WINDOWS);
			try {
				insertWindows(template, windows, weekIndex);
				return query(JdbcClient.create(single), appId, weekRows);
			}
			finally {
				template.update("DELETE FROM " + WINDOWS);
			}
		});
	}

	private static void insertWindows(JdbcTemplate template, List<PlannedWindow> windows,
			ToIntFunction<IsoWeek> weekIndex) {
		List<Object[]> rows = IntStream.range(0, windows.size()).mapToObj((i) -> {
			PlannedWindow window = windows.get(i);
			return new Object[] { i, window.source().name(), window.taskId(), window.start(), window.end(),
					weekIndex.applyAsInt(window.week()) };
		}).toList();
		template.batchUpdate("INSERT INTO " + WINDOWS
				+ " (ordinal, source, task_id, window_start, window_end, week_index) VALUES (?, ?, ?, ?, ?, ?)", rows);
	}

	private static Sums query(JdbcClient jdbc, long appId, WeekRowSink weekRows) {
		jdbc.sql(WEEK_ROWS).param("app", appId).query((rs) -> {
			String source = rs.getString(2);
			if (source == null) {
				return; // a planned window without rows
			}
			weekRows.add(rs.getInt(1), LossSource.valueOf(source), rs.getString(3), rs.getInt(4),
					Stage.valueOf(rs.getString(5)), rs.getInt(6), rs.getString(7), rs.getLong(8), rs.getString(9),
					rs.getLong(10));
		});
		List<PlatformCount> platformCounts = jdbc.sql(PLATFORM_COUNTS)
			.param("app", appId)
			.query(PlannedWindowAggregation::platformCount)
			.list();
		Set<Integer> stored = new HashSet<>(jdbc.sql(STORED).param("app", appId).query(Integer.class).list());
		return new Sums(platformCounts, stored);
	}

	/**
	 * One summed row; the database adds in NUMERIC (H2 and PostgreSQL both), so a sum beyond 64 bits arrives
	 * whole and is refused here, naming the figure, instead of failing in a conversion or wrapping.
	 */
	private static PlatformCount platformCount(ResultSet rs, int row) throws SQLException {
		LossSource source = LossSource.valueOf(rs.getString("source"));
		int vendor = rs.getInt("vendor");
		Stage stage = Stage.valueOf(rs.getString("stage"));
		String errCode = rs.getString("errCode");
		BigDecimal sum = rs.getBigDecimal("errCount");
		long errCount;
		try {
			errCount = sum.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new CountOverflowException(source.displayName() + " " + stage + " lost pushes of vendor "
					+ Vendor.fromCode(vendor) + " ErrCode " + errCode, sum.toBigInteger());
		}
		return new PlatformCount(rs.getInt("weekIndex"), source, vendor, stage, rs.getInt("eventType"), errCode,
				errCount);
	}

	/** Receives the rows of the report week and the week before, one at a time. */
	@FunctionalInterface
	public interface WeekRowSink {

		/** One stored row; {@code vendor} is -1 for stage-level rows, {@code taskId} {@code ""} for overall ones. */
		void add(int weekIndex, LossSource source, String taskId, int vendor, Stage stage, int eventType,
				String errCode, long errCount, String errInfo, long windowStart);

	}

	/**
	 * The sums of a report's planned windows.
	 *
	 * @param platformCounts per-vendor rows of the overall statistics, every report week
	 * @param storedWindows indexes into the planned windows of those found in {@code fetched_window}
	 */
	public record Sums(List<PlatformCount> platformCounts, Set<Integer> storedWindows) {

		public Sums {
			platformCounts = List.copyOf(platformCounts);
			storedWindows = Set.copyOf(storedWindows);
		}

	}

	/** Lost pushes of a per-vendor code in one week (overall statistics only). */
	public record PlatformCount(int weekIndex, LossSource source, int vendor, Stage stage, int eventType,
			String errCode, long errCount) {
	}

}
