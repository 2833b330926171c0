package io.pushloss.store;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.pushloss.domain.CountOverflowException;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Guards the query plans that keep the analysis proportional to the report's windows: every query must start from
 * the planned windows and reach loss_row through its primary key on the whole window key, never scan loss_row.
 */
@JdbcTest
class PlannedWindowAggregationTests {

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void everyQueryLooksUpLossRowsByTheFullWindowKey() {
		List<String> plans = this.jdbcTemplate.execute((ConnectionCallback<List<String>>) (connection) -> {
			JdbcTemplate single = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			single.execute(PlannedWindowAggregation.CREATE);
			return List.of(PlannedWindowAggregation.WEEK_ROWS, PlannedWindowAggregation.PLATFORM_COUNTS)
				.stream()
				.map((sql) -> single.queryForObject("EXPLAIN " + sql.replace(":app", "1"), String.class))
				.toList();
		});
		// EXPLAIN shows the driving table first and the lookup of each joined table in a comment
		Pattern lookup = Pattern.compile("PUSHLOSS_PLANNED_WINDOW\"? \"?W\"? /\\* PUBLIC.PUSHLOSS_PLANNED_WINDOW.tableScan"
				+ ".*?LEFT OUTER JOIN \"?PUBLIC\"?\\.\"?LOSS_ROW\"? \"?L\"? /\\* ([^*]*)\\*/");
		assertThat(plans).hasSize(2).allSatisfy((plan) -> {
			Matcher matcher = lookup.matcher(plan.replaceAll("\\s+", " "));
			assertThat(matcher.find()).as(plan).isTrue();
			// the primary key or loss_row_by_window: both are keyed by the window
			assertThat(matcher.group(1)).containsAnyOf("PUBLIC.PRIMARY_KEY", "PUBLIC.LOSS_ROW_BY_WINDOW")
				.contains("APP_ID = ", "SOURCE = W.SOURCE", "WINDOW_START = W.WINDOW_START",
						"WINDOW_END = W.WINDOW_END");
		});
	}

	@Test
	void aSumBeyond64BitsIsRefusedNamingTheFigure() {
		IsoWeek week = IsoWeek.parse("2026-W46");
		long monday = java.time.Instant.parse("2026-11-09T00:00:00Z").getEpochSecond();
		long day = 86_400L;
		for (int i = 0; i < 2; i++) {
			this.jdbcTemplate.update("INSERT INTO loss_row (app_id, source, task_id, window_start, window_end, stage,"
					+ " event_type, vendor, err_code, err_count, err_info) VALUES (7, 'NORMAL', '', ?, ?,"
					+ " 'POST_SEND_DELIVERED', 1, 1, '410', ?, '')", monday + i * day, monday + (i + 1) * day,
					Long.MAX_VALUE);
		}
		List<PlannedWindow> windows = List.of(
				new PlannedWindow(week, LossSource.NORMAL, "", monday, monday + day),
				new PlannedWindow(week, LossSource.NORMAL, "", monday + day, monday + 2 * day));

		assertThatExceptionOfType(CountOverflowException.class)
			.isThrownBy(() -> new PlannedWindowAggregation(this.jdbcTemplate).read(7, windows, (w) -> 0,
					(weekIndex, source, taskId, vendor, stage, eventType, errCode, errCount, errInfo, start) -> {
					}))
			.withMessageContaining("POST_SEND_DELIVERED lost pushes of vendor")
			.withMessageContaining("ErrCode 410 exceeds 64 bits (18446744073709551614)");
	}

}
