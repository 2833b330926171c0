package io.pushloss.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.pushloss.domain.EventType;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The store against a private in-memory H2 database migrated by Flyway.
 */
class LossStoreTests {

	private static final long APP = 1400000001L;

	private static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	private static final long DAY = 86_400;

	private static final long MONDAY = Instant.parse("2026-11-09T00:00:00Z").getEpochSecond();

	private static final Instant FETCHED = Instant.parse("2026-11-16T07:00:00Z");

	private static LossStore store;

	private static JdbcClient jdbc;

	private static DataSource dataSource;

	@BeforeAll
	static void migrate() {
		H2Loopback.apply();
		dataSource = io.pushloss.TestMigrations.migratedH2();
		store = new LossStore(new NamedParameterJdbcTemplate(dataSource),
				new StoreDatabase(StoreDatabase.Kind.H2, "test"));
		jdbc = JdbcClient.create(dataSource);
	}

	@BeforeEach
	void empty() {
		jdbc.sql("DELETE FROM loss_row").update();
		jdbc.sql("DELETE FROM fetched_window").update();
	}

	@Test
	void storingTheSameWindowTwiceLeavesTheSameRows() {
		FetchWindow window = overall(MONDAY, MONDAY + DAY);
		List<LossRow> rows = List.of(stageRow("", "70001", 5), vendorRow("", Vendor.APNS, "1001", 7));

		store.replaceWindow(APP, window, rows, FETCHED);
		List<StoredLossRow> first = streamAll();
		store.replaceWindow(APP, window, rows, FETCHED.plusSeconds(60));

		assertThat(streamAll()).isEqualTo(first).hasSize(2);
		assertThat(store.storedWindows(APP, MONDAY, MONDAY + DAY)).singleElement()
			.satisfies((stored) -> {
				assertThat(stored.fetchedAt()).isEqualTo(FETCHED.plusSeconds(60));
				assertThat(stored.rowCount()).isEqualTo(2);
			});
	}

	@Test
	void replacingAWindowDropsRowsTheNewAnswerNoLongerHas() {
		FetchWindow window = overall(MONDAY, MONDAY + DAY);
		store.replaceWindow(APP, window, List.of(stageRow("", "70001", 5), stageRow("", "70002", 1)), FETCHED);

		store.replaceWindow(APP, window, List.of(stageRow("", "70001", 9)), FETCHED);

		assertThat(streamAll()).singleElement().satisfies((row) -> assertThat(row.errCount()).isEqualTo(9));
	}

	@Test
	void splitsTheRowsOfOneWindowByTask() {
		FetchWindow window = new FetchWindow(WEEK, LossSource.ALL_MEMBER, List.of("t1", "t2", "t3"), MONDAY,
				MONDAY + DAY);
		List<LossRow> rows = List.of(stageRow("t1", "70001", 5), vendorRow("t1", Vendor.FCM, "1002", 1),
				stageRow("t2", "70001", 3));

		store.replaceWindow(APP, window, rows, FETCHED);

		assertThat(store.storedWindows(APP, MONDAY, MONDAY + DAY))
			.extracting(StoredWindow::taskId, StoredWindow::rowCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("t1", 2), org.assertj.core.groups.Tuple.tuple("t2", 1),
					org.assertj.core.groups.Tuple.tuple("t3", 0));
		assertThat(streamAll()).extracting(StoredLossRow::taskId).containsExactly("t1", "t1", "t2");
	}

	@Test
	void replacingOneTaskGroupLeavesOtherTasksOfTheSameRangeAlone() {
		store.replaceWindow(APP, tasks(List.of("t1"), MONDAY, MONDAY + DAY), List.of(stageRow("t1", "1", 1)),
				FETCHED);
		store.replaceWindow(APP, overall(MONDAY, MONDAY + DAY), List.of(stageRow("", "1", 2)), FETCHED);

		store.replaceWindow(APP, tasks(List.of("t2"), MONDAY, MONDAY + DAY), List.of(stageRow("t2", "1", 3)),
				FETCHED);

		assertThat(streamAll()).extracting(StoredLossRow::taskId).containsExactlyInAnyOrder("", "t1", "t2");
	}

	@Test
	void keepsStageLevelRowsAsVendorMinusOneAndReadsThemBackWithoutVendor() {
		store.replaceWindow(APP, overall(MONDAY, MONDAY + DAY),
				List.of(stageRow("", "70001", 5), vendorRow("", Vendor.HUAWEI, "80002", 2)), FETCHED);

		assertThat(jdbc.sql("SELECT vendor FROM loss_row ORDER BY vendor").query(Integer.class).list())
			.containsExactly(-1, 3);
		assertThat(jdbc.sql("SELECT event_type FROM loss_row ORDER BY vendor").query(Integer.class).list())
			.containsExactly(0, 1);
		List<StoredLossRow> rows = streamAll();
		assertThat(rows.get(0).vendor()).isNull();
		assertThat(rows.get(0).stage()).isEqualTo(Stage.READY_TO_SEND);
		assertThat(rows.get(0).windowStart()).isEqualTo(Instant.ofEpochSecond(MONDAY));
		assertThat(rows.get(1).vendor()).isEqualTo(Vendor.HUAWEI);
		assertThat(rows.get(1).eventType()).isEqualTo(EventType.OFFLINE);
		assertThat(rows.get(1).errInfo()).isEqualTo("token invalid");
	}

	@Test
	void addsUpRowsThatRepeatAKey() {
		store.replaceWindow(APP, overall(MONDAY, MONDAY + DAY),
				List.of(stageRow("", "70001", 5), stageRow("", "70001", 4)), FETCHED);

		assertThat(streamAll()).singleElement().satisfies((row) -> assertThat(row.errCount()).isEqualTo(9));
	}

	@Test
	void refusesRowsForATaskTheWindowDidNotAskFor() {
		FetchWindow window = tasks(List.of("t1"), MONDAY, MONDAY + DAY);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> store.replaceWindow(APP, window, List.of(stageRow("t9", "1", 1)), FETCHED))
			.withMessageContaining("'t9'");
	}

	@Test
	void aWeeklyRefreshReplacesTheDailyWindowsItCovers() {
		for (int day = 0; day < 7; day++) {
			store.replaceWindow(APP, overall(MONDAY + day * DAY, MONDAY + (day + 1) * DAY),
					List.of(stageRow("", "70001", 1)), FETCHED);
		}

		store.replaceWindow(APP, overall(MONDAY, MONDAY + 7 * DAY), List.of(stageRow("", "70001", 10)),
				FETCHED);

		assertThat(store.storedWindows(APP, MONDAY, MONDAY + 7 * DAY)).singleElement()
			.satisfies((w) -> assertThat(w.end() - w.start()).isEqualTo(7 * DAY));
		assertThat(streamAll()).extracting(StoredLossRow::errCount).containsExactly(10L);
	}

	@Test
	void theLastDayOfAWeeklyWindowReplacesTheWholeWeeklyWindow() {
		store.replaceWindow(APP, overall(MONDAY, MONDAY + 7 * DAY), List.of(stageRow("", "70001", 10)), FETCHED);

		store.replaceWindow(APP, overall(MONDAY + 6 * DAY, MONDAY + 7 * DAY), List.of(stageRow("", "70001", 1)),
				FETCHED);

		assertThat(store.storedWindows(APP, MONDAY, MONDAY + 7 * DAY)).singleElement()
			.satisfies((w) -> assertThat(w.start()).isEqualTo(MONDAY + 6 * DAY));
		assertThat(streamAll()).extracting(StoredLossRow::errCount).containsExactly(1L);
	}

	@Test
	void streamsOnlyTheRowsOfTheRequestedRangeInTimeOrder() {
		long nextMonday = MONDAY + 7 * DAY;
		store.replaceWindow(APP, overall(MONDAY + DAY, MONDAY + 2 * DAY), List.of(stageRow("", "2", 2)), FETCHED);
		store.replaceWindow(APP, overall(MONDAY, MONDAY + DAY), List.of(stageRow("", "1", 1)), FETCHED);
		store.replaceWindow(APP, overall(nextMonday, nextMonday + DAY), List.of(stageRow("", "3", 3)), FETCHED);
		store.replaceWindow(APP + 1, overall(MONDAY, MONDAY + DAY), List.of(stageRow("", "4", 4)), FETCHED);

		List<StoredLossRow> rows = new ArrayList<>();
		StoredRows.stream(dataSource, APP, MONDAY, nextMonday, rows::add);

		assertThat(rows).extracting(StoredLossRow::errCode).containsExactly("1", "2");
		assertThat(rows).allSatisfy((row) -> assertThat(row.appId()).isEqualTo(APP));
		assertThat(StoredRows.count(dataSource, APP, MONDAY, nextMonday)).isEqualTo(2);
		assertThat(StoredRows.count(dataSource, APP, MONDAY, nextMonday + 7 * DAY)).isEqualTo(3);
	}

	@Test
	void readsWindowsInTheGivenOrderEachInPipelineOrderAndCountsTheirRecordedRows() {
		storeMondayOfT1AndT2AndTuesdayOfT1();
		IsoWeek week = IsoWeek.parse("2026-W46");
		List<PlannedWindow> windows = List.of(
				new PlannedWindow(week, LossSource.ALL_MEMBER, "t1", MONDAY + DAY, MONDAY + 2 * DAY),
				new PlannedWindow(week, LossSource.ALL_MEMBER, "t2", MONDAY, MONDAY + DAY),
				new PlannedWindow(week, LossSource.NORMAL, "", MONDAY, MONDAY + DAY),
				new PlannedWindow(week, LossSource.ALL_MEMBER, "t1", MONDAY, MONDAY + DAY));
		List<String> read = new ArrayList<>();

		store.readWindows(APP, windows, (window, rows) -> rows.forEach((row) -> {
			assertThat(row.appId()).isEqualTo(APP);
			assertThat(row.source()).isEqualTo(window.source());
			read.add(row.taskId() + ":" + row.errCode() + "@" + row.windowStart().getEpochSecond() + "-"
					+ row.windowEnd().getEpochSecond());
		}));

		String monday = "@" + MONDAY + "-" + (MONDAY + DAY);
		assertThat(read).containsExactly("t1:x@" + (MONDAY + DAY) + "-" + (MONDAY + 2 * DAY), "t2:y" + monday,
				"t1:z" + monday, "t1:a" + monday, "t1:b" + monday);
		assertThat(store.windowRowCount(APP, windows)).as("1 + 1 + 0 (not stored) + 3").isEqualTo(5);
		assertThat(store.windowRowCount(APP, windows.subList(2, 3))).as("a window not stored").isZero();
	}

	/** Monday: t1 three rows (two vendors, one stage-level), t2 one; Tuesday: t1 one. */
	private void storeMondayOfT1AndT2AndTuesdayOfT1() {
		store.replaceWindow(APP, tasks(List.of("t1", "t2"), MONDAY, MONDAY + DAY),
				List.of(vendorRow("t1", Vendor.FCM, "b", 5), vendorRow("t1", Vendor.APNS, "a", 4),
						stageRow("t1", "z", 3), stageRow("t2", "y", 2)),
				FETCHED);
		store.replaceWindow(APP, tasks(List.of("t1"), MONDAY + DAY, MONDAY + 2 * DAY), List.of(stageRow("t1", "x", 1)),
				FETCHED);
	}

	@Test
	void recordsAWindowWithNoRowsAsFetched() {
		store.replaceWindow(APP, normal(MONDAY, MONDAY + DAY), List.of(), FETCHED);

		assertThat(store.storedWindows(APP, MONDAY, MONDAY + DAY)).singleElement().satisfies((w) -> {
			assertThat(w.source()).isEqualTo(LossSource.NORMAL);
			assertThat(w.taskId()).isEmpty();
			assertThat(w.rowCount()).isZero();
		});
	}

	private List<StoredLossRow> streamAll() {
		List<StoredLossRow> rows = new ArrayList<>();
		StoredRows.stream(dataSource, APP, 0, Long.MAX_VALUE, rows::add);
		return rows;
	}

	private static FetchWindow overall(long start, long end) {
		return new FetchWindow(WEEK, LossSource.ALL_MEMBER, List.of(), start, end);
	}

	private static FetchWindow normal(long start, long end) {
		return new FetchWindow(WEEK, LossSource.NORMAL, List.of(), start, end);
	}

	private static FetchWindow tasks(List<String> tasks, long start, long end) {
		return new FetchWindow(WEEK, LossSource.ALL_MEMBER, tasks, start, end);
	}

	private static LossRow stageRow(String task, String code, long count) {
		return new LossRow(task, Stage.READY_TO_SEND, null, EventType.UNSPECIFIED, code, count, "certificate not set");
	}

	private static LossRow vendorRow(String task, Vendor vendor, String code, long count) {
		return new LossRow(task, Stage.POST_SEND_DELIVERED, vendor, EventType.OFFLINE, code, count, "token invalid");
	}

}
