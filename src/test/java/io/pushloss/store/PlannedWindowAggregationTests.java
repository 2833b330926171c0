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

import static org.assertj.core.api.Assertions.assertThat;

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

}
