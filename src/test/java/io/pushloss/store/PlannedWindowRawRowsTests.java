package io.pushloss.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The Raw sheet's rows against a real store: exactly the planned windows' rows, in sheet order, counted from the
 * windows' records.
 */
class PlannedWindowRawRowsTests {

	private static final long APP = 1400000077L;

	private static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	private static final long DAY = 86_400;

	private static final long MONDAY = Instant.parse("2026-11-09T00:00:00Z").getEpochSecond();

	private static LossStore store;

	@BeforeAll
	static void storeTwoDaysOfTwoTasksAndAnUnplannedWeeklyWindow() {
		H2Loopback.apply();
		DataSource dataSource = io.pushloss.TestMigrations.migratedH2();
		store = new LossStore(new NamedParameterJdbcTemplate(dataSource),
				new StoreDatabase(StoreDatabase.Kind.H2, "test"));
		Instant fetched = Instant.parse("2026-11-16T07:00:00Z");
		for (long day = 1; day >= 0; day--) {
			long start = MONDAY + day * DAY;
			store.replaceWindow(APP, new FetchWindow(WEEK, LossSource.ALL_MEMBER, List.of("t2", "t1", "other"), start,
					start + DAY), List.of(row("t2", Stage.POST_SEND_DELIVERED, Vendor.FCM, "b" + day),
							row("t2", Stage.READY_TO_SEND, null, "a" + day), row("t1", Stage.READY_TO_SEND, null,
									"c" + day), row("other", Stage.READY_TO_SEND, null, "x" + day)),
					fetched);
			store.replaceWindow(APP, new FetchWindow(WEEK, LossSource.NORMAL, List.of(), start, start + DAY),
					List.of(row("", Stage.READY_TO_SEND, null, "n" + day)), fetched);
		}
		// another granularity of the same days (a weekly window of another job), and another application
		store.replaceWindow(APP, new FetchWindow(WEEK, LossSource.ALL_MEMBER, List.of("weekly"), MONDAY,
				MONDAY + 7 * DAY), List.of(row("weekly", Stage.READY_TO_SEND, null, "w")), fetched);
		store.replaceWindow(APP + 1, new FetchWindow(WEEK, LossSource.NORMAL, List.of(), MONDAY, MONDAY + DAY),
				List.of(row("", Stage.READY_TO_SEND, null, "elsewhere")), fetched);
	}

	@Test
	void readsThePlannedWindowsInTimeSourceTaskAndPipelineOrder() {
		PlannedWindowRawRows raw = new PlannedWindowRawRows(store, APP, planned());

		List<String> codes = new ArrayList<>();
		raw.rows().forEachRemaining((StoredLossRow row) -> codes.add(row.errCode()));

		assertThat(codes).containsExactly("c0", "a0", "b0", "n0", "c1", "a1", "b1", "n1");
		assertThat(raw.count()).isEqualTo(codes.size());
	}

	@Test
	void countsNothingForPlannedWindowsNotStored() {
		List<PlannedWindow> windows = new ArrayList<>(planned());
		windows.add(new PlannedWindow(WEEK, LossSource.NORMAL, "", MONDAY + 5 * DAY, MONDAY + 6 * DAY));
		PlannedWindowRawRows raw = new PlannedWindowRawRows(store, APP, windows);

		assertThat(raw.count()).isEqualTo(8);
		assertThat(raw.rows()).toIterable().hasSize(8);
	}

	@Test
	void stopsReadingAheadWhenClosedBeforeTheLastWindow() {
		List<PlannedWindow> many = new ArrayList<>();
		for (int hour = 0; hour < 4 * PlannedWindowRawRows.WINDOWS_AHEAD; hour++) {
			long start = MONDAY + 3 * DAY + hour * 3600L;
			many.add(new PlannedWindow(WEEK, LossSource.NORMAL, "", start, start + 3600));
		}
		PlannedWindowRawRows raw = new PlannedWindowRawRows(store, APP, many);
		Iterator<StoredLossRow> rows = raw.rows();
		assertThat(rows.hasNext()).isFalse(); // nothing stored in those hours: the reader is past all of them

		PlannedWindowRawRows abandoned = new PlannedWindowRawRows(store, APP, many);
		abandoned.rows();
		abandoned.close();
		await().atMost(Duration.ofSeconds(30)).until(() -> !abandoned.reading());
		assertThatIllegalStateException().isThrownBy(abandoned::rows);
	}

	@Test
	void handsAFailedReadToTheSheet() {
		DataSource dataSource = io.pushloss.TestMigrations.migratedH2();
		JdbcClient.create(dataSource).sql("DROP TABLE loss_row").update();
		LossStore withoutRows = new LossStore(new NamedParameterJdbcTemplate(dataSource),
				new StoreDatabase(StoreDatabase.Kind.H2, "test"));
		PlannedWindowRawRows raw = new PlannedWindowRawRows(withoutRows, APP, planned());

		Iterator<StoredLossRow> rows = raw.rows();

		assertThatExceptionOfType(DataAccessException.class).isThrownBy(rows::hasNext)
			.withMessageContaining("FROM loss_row");
	}

	/** Both days of tasks t2 and t1 and of normal push, in no particular order. */
	private static List<PlannedWindow> planned() {
		List<PlannedWindow> windows = new ArrayList<>();
		for (long day = 1; day >= 0; day--) {
			long start = MONDAY + day * DAY;
			windows.add(new PlannedWindow(WEEK, LossSource.NORMAL, "", start, start + DAY));
			windows.add(new PlannedWindow(WEEK, LossSource.ALL_MEMBER, "t2", start, start + DAY));
			windows.add(new PlannedWindow(WEEK, LossSource.ALL_MEMBER, "t1", start, start + DAY));
		}
		return windows;
	}

	private static LossRow row(String task, Stage stage, Vendor vendor, String code) {
		return new LossRow(task, stage, vendor, (vendor != null) ? EventType.OFFLINE : EventType.UNSPECIFIED, code, 1,
				"info");
	}

}
