package io.pushloss.ingest;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.pushloss.api.LossQuery;
import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossSource;
import io.pushloss.jobdef.BaselineDetail;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.store.FetchWindow;
import io.pushloss.store.PlannedWindow;
import io.pushloss.store.StoredWindow;
import io.pushloss.store.WindowCoverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WindowPlannerTests {

	private static final IsoWeek W46 = IsoWeek.parse("2026-W46");

	// 2026: US clocks go back on Sunday 1 November (W44) and forward on Sunday 8 March (W10);
	// EU clocks go back on Sunday 25 October (W43) and forward on Sunday 29 March (W13).
	private static final IsoWeek LA_AUTUMN = IsoWeek.parse("2026-W44");

	private static final IsoWeek LA_SPRING = IsoWeek.parse("2026-W10");

	private static final IsoWeek BERLIN_AUTUMN = IsoWeek.parse("2026-W43");

	private static final IsoWeek BERLIN_SPRING = IsoWeek.parse("2026-W13");

	@Test
	void cutsAWeekIntoSevenDailyWindowsPerSource() {
		List<FetchWindow> windows = WindowPlanner.planWeek(job("UTC", Period.ofDays(1), 1, true, List.of()), W46);

		assertThat(windows).hasSize(14);
		assertThat(windows).filteredOn((w) -> w.source() == LossSource.ALL_MEMBER).hasSize(7);
		assertThat(windows).filteredOn((w) -> w.source() == LossSource.NORMAL).hasSize(7);
		assertThat(windows).allSatisfy((w) -> assertThat(w.seconds()).isEqualTo(86_400));
		assertThat(windows.get(0).start()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z").getEpochSecond());
	}

	@Test
	void asksForAWholeUtcWeekInOneWindow() {
		List<FetchWindow> windows = WindowPlanner.planWeek(job("UTC", Period.ofDays(7), 1, false, List.of()), W46);

		assertThat(windows).singleElement().satisfies((w) -> {
			assertThat(w.start()).isEqualTo(Instant.parse("2026-11-09T00:00:00Z").getEpochSecond());
			assertThat(w.end()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z").getEpochSecond());
			assertThat(w.seconds()).isEqualTo(LossQuery.MAX_SPAN_SECONDS);
		});
	}

	@Test
	void splitsTheLosAngelesAutumnWeekOf169HoursIntoTwoWindows() {
		ZoneId zone = ZoneId.of("America/Los_Angeles");
		List<long[]> ranges = WindowPlanner.ranges(LA_AUTUMN, zone, Period.ofDays(7));

		assertThat(LA_AUTUMN.end(zone).toEpochSecond() - LA_AUTUMN.start(zone).toEpochSecond()).isEqualTo(169 * 3600);
		assertThat(ranges).hasSize(2);
		assertThat(ranges.get(0)[1] - ranges.get(0)[0]).isEqualTo(3 * 86_400);
		assertThat(ranges.get(1)[1] - ranges.get(1)[0]).isEqualTo(4 * 86_400 + 3600);
	}

	@Test
	void keepsTheLosAngelesSpringWeekOf167HoursInOneWindow() {
		ZoneId zone = ZoneId.of("America/Los_Angeles");
		List<long[]> ranges = WindowPlanner.ranges(LA_SPRING, zone, Period.ofDays(7));

		assertThat(ranges).singleElement().satisfies((range) -> assertThat(range[1] - range[0]).isEqualTo(167 * 3600));
	}

	@Test
	void splitsTheBerlinAutumnWeekButNotTheSpringWeek() {
		ZoneId zone = ZoneId.of("Europe/Berlin");

		assertThat(WindowPlanner.ranges(BERLIN_AUTUMN, zone, Period.ofDays(7))).hasSize(2);
		assertThat(WindowPlanner.ranges(BERLIN_SPRING, zone, Period.ofDays(7))).hasSize(1);
	}

	@ParameterizedTest
	@MethodSource("zonesWeeksAndWindows")
	void coversEachWeekWithoutGapOrOverlapWithinTheApiLimitAtLocalMidnights(String zoneId, IsoWeek week, int days) {
		ZoneId zone = ZoneId.of(zoneId);
		List<long[]> ranges = WindowPlanner.ranges(week, zone, Period.ofDays(days));

		assertThat(ranges.get(0)[0]).isEqualTo(week.start(zone).toEpochSecond());
		assertThat(ranges.get(ranges.size() - 1)[1]).isEqualTo(week.end(zone).toEpochSecond());
		for (int i = 1; i < ranges.size(); i++) {
			assertThat(ranges.get(i)[0]).as("range %d starts where %d ends", i, i - 1).isEqualTo(ranges.get(i - 1)[1]);
		}
		for (long[] range : ranges) {
			assertThat(range[1] - range[0]).isPositive().isLessThanOrEqualTo(LossQuery.MAX_SPAN_SECONDS);
			assertThat(Instant.ofEpochSecond(range[0]).atZone(zone).toLocalTime()).isEqualTo(LocalTime.MIDNIGHT);
		}
	}

	static Stream<Arguments> zonesWeeksAndWindows() {
		return Stream.of("America/Los_Angeles", "Europe/Berlin", "UTC", "Asia/Shanghai")
			.flatMap((zone) -> Stream.of(LA_AUTUMN, LA_SPRING, BERLIN_AUTUMN, BERLIN_SPRING, W46)
				.flatMap((week) -> IntStream.rangeClosed(1, 7).mapToObj((days) -> Arguments.of(zone, week, days))));
	}

	@Test
	void neverLetsAWindowCrossTheWeekBoundary() {
		List<long[]> ranges = WindowPlanner.ranges(W46, ZoneId.of("UTC"), Period.ofDays(3));

		assertThat(ranges).extracting((range) -> (range[1] - range[0]) / 86_400).containsExactly(3L, 3L, 1L);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 5, 6, 11 })
	void groupsTaskIdsInFivesInFileOrder(int taskCount) {
		List<String> tasks = TestJobs.tasks(taskCount);
		List<FetchWindow> windows = WindowPlanner.planWeek(job("UTC", Period.ofDays(7), 1, false, tasks), W46);

		List<List<String>> groups = windows.stream().map(FetchWindow::taskIds).filter((t) -> !t.isEmpty()).toList();
		assertThat(groups).hasSize((taskCount + 4) / 5);
		assertThat(groups).allSatisfy((group) -> assertThat(group).hasSizeBetween(1, 5));
		assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(tasks);
		assertThat(windows).filteredOn(FetchWindow::isOverall).hasSize(1);
	}

	@Test
	void splitsElevenTasksIntoFiveFiveAndOne() {
		assertThat(WindowPlanner.taskGroups(TestJobs.tasks(11))).extracting(List::size).containsExactly(5, 5, 1);
	}

	@Test
	void readsNormalPushOnlyWhenTheJobAsksForIt() {
		JobDefinition withNormal = job("UTC", Period.ofDays(1), 1, true, TestJobs.tasks(2));
		JobDefinition withoutNormal = job("UTC", Period.ofDays(1), 1, false, TestJobs.tasks(2));

		assertThat(WindowPlanner.planWeek(withNormal, W46)).filteredOn((w) -> w.source() == LossSource.NORMAL)
			.hasSize(7)
			.allSatisfy((w) -> assertThat(w.taskIds()).isEmpty());
		assertThat(WindowPlanner.planWeek(withoutNormal, W46)).noneMatch((w) -> w.source() == LossSource.NORMAL);
	}

	@Test
	void plansTheReportWeekInTheJobsWindowAndEachBaselineWeekInOneWindowOldestFirst() {
		JobDefinition job = job("Europe/Berlin", Period.ofDays(1), 3, true, TestJobs.tasks(6));
		List<FetchWindow> plan = WindowPlanner.plan(job, W46);

		assertThat(WindowPlanner.weeks(job, W46)).extracting(IsoWeek::toString)
			.containsExactly("2026-W43", "2026-W44", "2026-W45", "2026-W46");
		// the report week: 7 days x (overall + 2 task groups + normal); each baseline week: one window of each
		// (W43 has the autumn clock change in Berlin: 169 hours, so two windows of each)
		assertThat(plan).filteredOn((w) -> w.week().equals(W46)).hasSize(7 * 4);
		assertThat(plan).filteredOn((w) -> w.week().equals(IsoWeek.parse("2026-W45")))
			.hasSize(4)
			.allSatisfy((w) -> assertThat(w.seconds()).isEqualTo(7 * 86_400));
		assertThat(plan).filteredOn((w) -> w.week().equals(BERLIN_AUTUMN)).hasSize(2 * 4);
		assertThat(plan).hasSize(7 * 4 + 4 + 4 + 2 * 4);
		assertThat(plan.get(0).week()).isEqualTo(IsoWeek.parse("2026-W43"));
		assertThat(plan.get(plan.size() - 1).week()).isEqualTo(W46);
		assertThat(plan).extracting(FetchWindow::start).isSorted();
	}

	@Test
	void plansEachBaselineWeekDayByDayWhenTheJobAsksForDailyDetail() {
		JobDefinition weekly = job("UTC", Period.ofDays(1), 2, true, TestJobs.tasks(6));
		JobDefinition daily = weekly.withBaselineDetail(BaselineDetail.DAILY);
		List<FetchWindow> plan = WindowPlanner.plan(daily, W46);

		// every week, the report week and both baseline weeks: 7 days x (overall + 2 task groups + normal)
		assertThat(plan).hasSize(3 * 7 * 4);
		assertThat(plan).filteredOn((w) -> !w.week().equals(W46))
			.hasSize(2 * 7 * 4)
			.allSatisfy((w) -> assertThat(w.seconds()).isEqualTo(86_400));
		assertThat(plan).extracting(FetchWindow::start).isSorted();
		assertThat(WindowPlanner.plan(weekly, W46)).as("weekly detail, the default").hasSize(7 * 4 + 2 * 4);
		assertThat(plan.stream()
			.filter((w) -> w.week().equals(W46))
			.toList()).as("the report week is planned in the job's window either way")
			.isEqualTo(WindowPlanner.plan(weekly, W46).stream().filter((w) -> w.week().equals(W46)).toList());
	}

	@Test
	void aBaselineWeekStoredWeeklyIsSummedWholeWhenTheJobAsksForDailyDetail() {
		JobDefinition job = job("UTC", Period.ofDays(1), 1, false, List.of()).withBaselineDetail(BaselineDetail.DAILY);
		IsoWeek w45 = IsoWeek.parse("2026-W45");
		List<PlannedWindow> plan = WindowPlanner.plannedWindows(job, W46);
		long w45Start = plan.get(0).start();
		// W45 was stored in one window, as the baseline of a job with weekly detail
		StoredWindow weekly = stored(w45Start, w45Start + 7 * 86_400);

		List<PlannedWindow> resolved = WindowPlanner.resolve(plan, List.of(weekly));

		assertThat(plan).hasSize(7 + 7);
		assertThat(resolved).filteredOn((w) -> w.week().equals(w45)).singleElement()
			.satisfies((w) -> assertThat(w.end() - w.start()).isEqualTo(7 * 86_400));
		assertThat(new WindowCoverage(List.of(weekly), null).isStored(plan.stream()
			.filter((w) -> w.week().equals(w45))
			.map((w) -> new FetchWindow(w.week(), w.source(), List.of(), w.start(), w.end()))
			.findFirst()
			.orElseThrow())).as("its days are not fetched again").isTrue();
	}

	@Test
	void sumsAWeekStoredAtAnotherGranularityAsItIsStored() {
		JobDefinition job = job("UTC", Period.ofDays(1), 1, false, List.of());
		IsoWeek w45 = IsoWeek.parse("2026-W45");
		List<PlannedWindow> plan = WindowPlanner.plannedWindows(job, W46);
		long w45Start = plan.get(0).start();
		long w46Start = w45Start + 7 * 86_400;
		// W45 (a baseline week, planned weekly) was stored daily when it was a report week
		List<StoredWindow> daily = IntStream.range(0, 7)
			.mapToObj((day) -> stored(w45Start + day * 86_400L, w45Start + (day + 1) * 86_400L))
			.toList();
		// W46 (the report week, planned daily) was stored weekly, as the baseline of a later week
		StoredWindow weekly = stored(w46Start, w46Start + 7 * 86_400);

		List<PlannedWindow> resolved = WindowPlanner.resolve(plan,
				Stream.concat(daily.stream(), Stream.of(weekly)).toList());

		assertThat(plan).hasSize(1 + 7);
		assertThat(resolved).filteredOn((w) -> w.week().equals(w45)).hasSize(7).extracting(PlannedWindow::start)
			.containsExactlyElementsOf(daily.stream().map(StoredWindow::start).toList());
		assertThat(resolved).filteredOn((w) -> w.week().equals(W46)).singleElement()
			.satisfies((w) -> assertThat(w.end() - w.start()).isEqualTo(7 * 86_400));
		assertThat(WindowPlanner.resolve(plan, List.of(stored(w45Start, w45Start + 7 * 86_400), daily.get(0))))
			.as("a week stored as planned is summed as planned; a week not covered stays as planned (missing)")
			.isEqualTo(plan);
		assertThat(WindowPlanner.resolve(plan, Stream.concat(daily.stream(), Stream.of(stored(w45Start,
				w45Start + 7 * 86_400))).toList()))
			.isEqualTo(plan);
	}

	private static StoredWindow stored(long start, long end) {
		return new StoredWindow(LossSource.ALL_MEMBER, "", start, end, Instant.EPOCH, 1);
	}

	@Test
	void plansTheSameWindowsEveryTime() {
		JobDefinition job = job("America/Los_Angeles", Period.ofDays(7), 2, true, TestJobs.tasks(7));

		assertThat(WindowPlanner.plan(job, LA_AUTUMN)).isEqualTo(WindowPlanner.plan(job, LA_AUTUMN));
	}

	@Test
	void rejectsWindowsOutsideOneToSevenDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowPlanner.planWeek(job("UTC", Period.ofDays(8), 1, false, List.of()), W46))
			.withMessageContaining("P1D and P7D");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> WindowPlanner.planWeek(job("UTC", Period.ofMonths(1), 1, false, List.of()), W46));
	}

	@Test
	void turnsAWindowIntoTheMatchingQuery() {
		FetchWindow window = new FetchWindow(W46, LossSource.ALL_MEMBER, List.of("a", "b"), 100, 200);

		assertThat(window.toQuery()).isEqualTo(new LossQuery(LossSource.ALL_MEMBER, 100, 200, List.of("a", "b")));
		assertThat(window.taskKeys()).containsExactly("a", "b");
		assertThat(new FetchWindow(W46, LossSource.NORMAL, List.of(), 100, 200).taskKeys())
			.containsExactly(FetchWindow.NO_TASK);
	}

	private static JobDefinition job(String zone, Period window, int baselineWeeks, boolean normal,
			List<String> tasks) {
		return TestJobs.job("planner", 1400000001L, zone, window, baselineWeeks, normal, tasks);
	}

}
