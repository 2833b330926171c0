package io.pushloss.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.api.SharedCallSlots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Call starts reserved through the database are spaced across every caller: each reservation gets its own slot,
 * {@code spacing} after the one before, however many callers reserve at once; other keys never wait.
 */
class CallSlotReservationsTests {

	private static final Duration SPACING = Duration.ofMillis(200);

	@Test
	void concurrentReservationsOnH2GetDistinctSlotsExactlyOneSpacingApart() throws Exception {
		DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:slots;DB_CLOSE_DELAY=-1", "sa", "");
		assertSpacedSlots(dataSource, StoreDatabase.Kind.H2);
	}

	@Test
	void concurrentReservationsOnPostgresqlGetDistinctSlotsExactlyOneSpacingApart() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			DataSource dataSource = database.dataSource();
			assertSpacedSlots(dataSource, StoreDatabase.Kind.POSTGRESQL);
		}
	}

	private static void assertSpacedSlots(DataSource dataSource, StoreDatabase.Kind kind) throws Exception {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/common/V6__api_call_slot.sql")));
		CallSlotReservations slots = new CallSlotReservations(jdbc, new DataSourceTransactionManager(dataSource),
				new StoreDatabase(kind, "test"));
		int callers = 12;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Callable<SharedCallSlots.Slot>> reservations = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				reservations.add(() -> slots.reserve("https://vendor 1400000000 normal_push_loss", SPACING));
			}
			List<Long> starts = new ArrayList<>();
			for (Future<SharedCallSlots.Slot> slot : pool.invokeAll(reservations)) {
				starts.add(slot.get().startMicros());
			}
			starts.sort(null);
			for (int i = 1; i < starts.size(); i++) {
				assertThat(starts.get(i) - starts.get(i - 1)).as("slots %d and %d", i - 1, i)
					.isGreaterThanOrEqualTo(SPACING.toNanos() / 1000);
			}
			long before = System.currentTimeMillis() * 1000;
			SharedCallSlots.Slot other = slots.reserve("https://vendor 1400000002 normal_push_loss", SPACING);
			long after = System.currentTimeMillis() * 1000;
			assertThat(other.nowMicros()).as("the database (on this host) read its clock during the reservation")
				.isBetween(before - 1000, after + 1000);
			assertThat(slots.reserve("https://vendor 1400000001 normal_push_loss", SPACING).waitAfterNow())
				.as("another application never waits for this one")
				.isZero();
		}
		finally {
			pool.shutdownNow();
		}
	}

}
