package io.pushloss.store;

import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** What one reservation of a shared call slot costs, measured on one connection (as a pooled client has one). */
public final class CallSlotCost {

	private CallSlotCost() {
	}

	/** Microseconds per reservation, the mean of {@code count} after a warm-up. */
	public static double microsPerReservation(String url, int count) {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "postgres", "", true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			jdbc.execute("CREATE TABLE IF NOT EXISTS api_call_slot (limit_key VARCHAR(512) NOT NULL PRIMARY KEY,"
					+ " next_start_micros BIGINT NOT NULL)");
			CallSlotReservations slots = new CallSlotReservations(jdbc, new DataSourceTransactionManager(dataSource),
					new StoreDatabase(StoreDatabase.Kind.POSTGRESQL, url));
			for (int i = 0; i < 200; i++) {
				slots.reserve("warm-up", Duration.ofNanos(1000));
			}
			long start = System.nanoTime();
			for (int i = 0; i < count; i++) {
				slots.reserve("measured", Duration.ofNanos(1000));
			}
			return (System.nanoTime() - start) / 1000.0 / count;
		}
		finally {
			dataSource.destroy();
		}
	}

}
