package io.pushloss.analysis;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.store.PlannedWindow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReportRequestTests {

	private static final IsoWeek WEEK = new IsoWeek(2026, 10);

	@Test
	void overlappingWindowsOfOneSourceAndTaskAreRejected() {
		PlannedWindow weekly = new PlannedWindow(WEEK, LossSource.NORMAL, "", 1000, 1000 + 7 * 86400);
		PlannedWindow daily = new PlannedWindow(WEEK, LossSource.NORMAL, "", 1000 + 86400, 1000 + 2 * 86400);
		assertThatIllegalArgumentException().isThrownBy(() -> request(List.of(weekly, daily)))
			.withMessageContaining("overlap");
	}

	@Test
	void sameRangeForAnotherSourceOrTaskIsNoOverlapAndDuplicatesCountOnce() {
		PlannedWindow normal = new PlannedWindow(WEEK, LossSource.NORMAL, "", 1000, 2000);
		PlannedWindow overall = new PlannedWindow(WEEK, LossSource.ALL_MEMBER, "", 1000, 2000);
		PlannedWindow task = new PlannedWindow(WEEK, LossSource.ALL_MEMBER, "t1", 1000, 2000);
		ReportRequest request = request(List.of(normal, overall, task, normal));
		assertThat(request.plannedWindows()).containsExactly(normal, overall, task);
	}

	@Test
	void windowsOutsideTheReportWeeksAreRejected() {
		PlannedWindow tooOld = new PlannedWindow(WEEK.minusWeeks(3), LossSource.NORMAL, "", 1000, 2000);
		assertThatIllegalArgumentException().isThrownBy(() -> request(List.of(tooOld)))
			.withMessageContaining("outside the report weeks 2026-W08 to 2026-W10");
	}

	@Test
	void weeksRunFromTheReportWeekBackAndIndexAcrossYearEnds() {
		ReportRequest request = new ReportRequest("job", 1, new IsoWeek(2026, 1), ZoneId.of("UTC"), 2, List.of(),
				List.of("b", "a", "b"), Instant.EPOCH);
		assertThat(request.weeks()).containsExactly(new IsoWeek(2026, 1), new IsoWeek(2025, 52),
				new IsoWeek(2025, 51));
		assertThat(request.weekIndex(new IsoWeek(2025, 51))).isEqualTo(2);
		assertThat(request.taskIds()).containsExactly("b", "a");
	}

	@Test
	void normalPushHasNoTasksAndWindowsMustNotBeEmpty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PlannedWindow(WEEK, LossSource.NORMAL, "t1", 1000, 2000))
			.withMessageContaining("only all_member_push_loss has tasks");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PlannedWindow(WEEK, LossSource.ALL_MEMBER, "", 2000, 2000));
	}

	private static ReportRequest request(List<PlannedWindow> windows) {
		return new ReportRequest("job", 1, WEEK, ZoneId.of("UTC"), 2, windows, List.of(), Instant.EPOCH);
	}

}
