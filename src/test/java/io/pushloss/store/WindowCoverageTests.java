package io.pushloss.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;

import static org.assertj.core.api.Assertions.assertThat;

class WindowCoverageTests {

	private static final IsoWeek WEEK = IsoWeek.parse("2026-W46");

	private static final long DAY = 86_400;

	private static final Instant EARLY = Instant.parse("2026-11-16T07:00:00Z");

	@Test
	void countsAWeekAsStoredWhenDailyWindowsCoverIt() {
		List<StoredWindow> daily = new ArrayList<>();
		for (int day = 0; day < 7; day++) {
			daily.add(new StoredWindow(LossSource.ALL_MEMBER, "", day * DAY, (day + 1) * DAY, EARLY, 1));
		}
		WindowCoverage coverage = new WindowCoverage(daily, null);

		assertThat(coverage.isStored(overall(0, 7 * DAY))).isTrue();
		assertThat(coverage.covers(LossSource.ALL_MEMBER, "", 0, 8 * DAY)).isFalse();
		assertThat(coverage.isStored(new FetchWindow(WEEK, LossSource.NORMAL, List.of(), 0, DAY))).isFalse();
	}

	@Test
	void seesAGapBetweenStoredWindows() {
		WindowCoverage coverage = new WindowCoverage(
				List.of(new StoredWindow(LossSource.ALL_MEMBER, "", 0, DAY, EARLY, 1),
						new StoredWindow(LossSource.ALL_MEMBER, "", 2 * DAY, 3 * DAY, EARLY, 1)),
				null);

		assertThat(coverage.isStored(overall(0, 3 * DAY))).isFalse();
		assertThat(coverage.isStored(overall(2 * DAY, 3 * DAY))).isTrue();
	}

	@Test
	void narrowsATaskGroupToItsMissingTasks() {
		WindowCoverage coverage = new WindowCoverage(
				List.of(new StoredWindow(LossSource.ALL_MEMBER, "a", 0, DAY, EARLY, 1),
						new StoredWindow(LossSource.ALL_MEMBER, "c", 0, DAY, EARLY, 1)),
				null);
		FetchWindow group = new FetchWindow(WEEK, LossSource.ALL_MEMBER, List.of("a", "b", "c", "d"), 0, DAY);

		assertThat(coverage.remainder(group).taskIds()).containsExactly("b", "d");
	}

	@Test
	void ignoresWindowsStoredBeforeAForcedRefreshStarted() {
		List<StoredWindow> stored = List.of(new StoredWindow(LossSource.ALL_MEMBER, "", 0, DAY, EARLY, 1),
				new StoredWindow(LossSource.ALL_MEMBER, "", DAY, 2 * DAY, EARLY.plusSeconds(3600), 1));
		WindowCoverage coverage = new WindowCoverage(stored, EARLY.plusSeconds(60));

		assertThat(coverage.isStored(overall(0, DAY))).isFalse();
		assertThat(coverage.isStored(overall(DAY, 2 * DAY))).isTrue();
	}

	@Test
	void aForcedRefreshUnderAFixedClockDoesNotTakeTheOldWindowForRefreshed() {
		// -Dpushloss.now: the original run and the refresh read the same instant
		List<StoredWindow> stored = List.of(new StoredWindow(LossSource.ALL_MEMBER, "", 0, DAY, EARLY, 1));

		assertThat(new WindowCoverage(stored, EARLY).isStored(overall(0, DAY))).isFalse();
	}

	private static FetchWindow overall(long start, long end) {
		return new FetchWindow(WEEK, LossSource.ALL_MEMBER, List.of(), start, end);
	}

}
