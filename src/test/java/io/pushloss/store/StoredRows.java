package io.pushloss.store;

import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the store of record back for tests: every row of an application's windows in a time range, in the Raw
 * sheet's order, or how many there are.
 */
public final class StoredRows {

	private StoredRows() {
	}

	/** The rows of windows inside {@code [from, to)} (epoch seconds), in time, source, task, stage, event type, vendor and code order. */
	public static void stream(DataSource dataSource, long appId, long from, long to,
			Consumer<StoredLossRow> consumer) {
		try (Stream<StoredRow> rows = JdbcClient.create(dataSource).sql("""
				SELECT app_id AS "appId", source, task_id AS "taskId", window_start AS "windowStart",
				       window_end AS "windowEnd", stage, event_type AS "eventType", vendor, err_code AS "errCode",
				       err_count AS "errCount", err_info AS "errInfo"
				FROM loss_row
				WHERE app_id = :appId AND window_start >= :from AND window_end <= :to
				ORDER BY window_start, window_end, source, task_id,
				         CASE stage WHEN 'READY_TO_SEND' THEN 0 ELSE 1 END, event_type, vendor, err_code""")
			.param("appId", appId)
			.param("from", from)
			.param("to", to)
			.query(StoredRow.class)
			.stream()) {
			rows.map(StoredRow::toStoredLossRow).forEach(consumer);
		}
	}

	/** How many rows the windows inside {@code [from, to)} (epoch seconds) hold. */
	public static long count(DataSource dataSource, long appId, long from, long to) {
		return JdbcClient.create(dataSource)
			.sql("SELECT COUNT(*) FROM loss_row WHERE app_id = :appId AND window_start >= :from AND window_end <= :to")
			.param("appId", appId)
			.param("from", from)
			.param("to", to)
			.query(Long.class)
			.single();
	}

}
