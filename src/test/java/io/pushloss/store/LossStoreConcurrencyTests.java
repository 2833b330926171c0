package io.pushloss.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.pushloss.PostgresTestDatabase;
import io.pushloss.TestMigrations;
import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes of one application (two jobs on one app, or two nodes) store windows of the same source and task
 * at the same time, each in its own transaction on its own connection: the second waits for the first and then
 * replaces what it stored; it never fails on a duplicate key and never leaves overlapping windows.
 */
class LossStoreConcurrencyTests {

	private static final long APP = 1400000001L;

	private static final long MONDAY = Instant.parse("2026-11-09T00:00:00Z").getEpochSecond();

	private static final long DAY = 86_400;

	private static final Instant FETCHED = Instant.parse("2026-11-16T07:00:00Z");

	@Test
	void twoWritersOfTheSameWindowOnH2StoreItOnceWithTheSecondAnswer() throws Exception {
		Writers writers = h2();
		writers.race(overall(MONDAY, MONDAY + DAY), overall(MONDAY, MONDAY + DAY));
		writers.assertOnlyTheSecondIsStored(MONDAY, MONDAY + DAY);
	}

	@Test
	void aWeeklyWindowStoredWhileADailyOneIsBeingStoredOnH2ReplacesIt() throws Exception {
		Writers writers = h2();
		writers.race(overall(MONDAY, MONDAY + DAY), overall(MONDAY, MONDAY + 7 * DAY));
		writers.assertOnlyTheSecondIsStored(MONDAY, MONDAY + 7 * DAY);
	}

	@Test
	void twoWritersOfTheSameWindowOnPostgresqlStoreItOnceWithTheSecondAnswer() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Writers writers = new Writers(database.migratedDataSource(), StoreDatabase.Kind.POSTGRESQL);
			writers.race(overall(MONDAY, MONDAY + DAY), overall(MONDAY, MONDAY + DAY));
			writers.assertOnlyTheSecondIsStored(MONDAY, MONDAY + DAY);
		}
	}

	private static Writers h2() {
		H2Loopback.apply();
		// a new connection per transaction, as two processes sharing the file through H2's server would have
		return new Writers(TestMigrations.migratedH2(), StoreDatabase.Kind.H2);
	}

	private static FetchWindow overall(long start, long end) {
		return new FetchWindow(IsoWeek.parse("2026-W46"), LossSource.ALL_MEMBER, List.of(), start, end);
	}

	private static List<LossRow> answer(String code, long count) {
		return List.of(new LossRow("", Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, code, count, "not set"));
	}

	private static final class Writers {

		private final DataSource dataSource;

		private final LossStore store;

		private final TransactionTemplate transaction;

		private final StoreDatabase.Kind kind;

		Writers(DataSource dataSource, StoreDatabase.Kind kind) {
			this.dataSource = dataSource;
			this.kind = kind;
			this.store = new LossStore(new NamedParameterJdbcTemplate(dataSource), new StoreDatabase(kind, "test"));
			this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		}

		/**
		 * The first writer stores its window and holds its transaction open; the second starts storing its own;
		 * once the second waits for a lock (or is done), the first commits.
		 */
		void race(FetchWindow first, FetchWindow second) throws Exception {
			CountDownLatch firstStored = new CountDownLatch(1);
			CountDownLatch commitFirst = new CountDownLatch(1);
			CompletableFuture<Void> one = CompletableFuture
				.runAsync(() -> this.transaction.executeWithoutResult((s) -> {
					this.store.replaceWindow(APP, first, answer("70001", 5), FETCHED);
					firstStored.countDown();
					await(commitFirst);
				}));
			assertThat(firstStored.await(30, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Void> two = CompletableFuture.runAsync(() -> this.transaction
				.executeWithoutResult((s) -> this.store.replaceWindow(APP, second, answer("70002", 9),
						FETCHED.plusSeconds(60))));
			for (int i = 0; i < 1000 && !two.isDone() && !secondIsWaiting(); i++) {
				Thread.sleep(5);
			}
			commitFirst.countDown();
			one.get(30, TimeUnit.SECONDS);
			two.get(30, TimeUnit.SECONDS);
		}

		void assertOnlyTheSecondIsStored(long start, long end) {
			assertThat(this.store.storedWindows(APP, MONDAY - 7 * DAY, MONDAY + 14 * DAY)).singleElement()
				.satisfies((window) -> {
					assertThat(window.start()).isEqualTo(start);
					assertThat(window.end()).isEqualTo(end);
					assertThat(window.fetchedAt()).isEqualTo(FETCHED.plusSeconds(60));
					assertThat(window.rowCount()).isEqualTo(1);
				});
			assertThat(JdbcClient.create(this.dataSource)
				.sql("SELECT err_code FROM loss_row")
				.query(String.class)
				.list()).containsExactly("70002");
		}

		private boolean secondIsWaiting() {
			String sql = (this.kind == StoreDatabase.Kind.POSTGRESQL)
					? "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
							+ "AND wait_event_type = 'Lock'"
					// H2 shows a writer that waits for a row as RUNNING its statement, without a blocker
					: "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> SESSION_ID() "
							+ "AND EXECUTING_STATEMENT IS NOT NULL";
			return JdbcClient.create(this.dataSource).sql(sql).query(Long.class).single() > 0;
		}

		private static void await(CountDownLatch latch) {
			try {
				assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
