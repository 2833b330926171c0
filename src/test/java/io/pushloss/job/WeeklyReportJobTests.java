package io.pushloss.job;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.pushloss.domain.IsoWeek;
import io.pushloss.domain.LossRow;
import io.pushloss.domain.LossSource;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.Fault;
import io.pushloss.simulator.FaultSettings;
import io.pushloss.simulator.PushLossSimulator;
import io.pushloss.simulator.SimulatorSettings;
import io.pushloss.simulator.SyntheticLossData;
import io.pushloss.store.FetchWindow;
import io.pushloss.store.StoredRows;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest through the whole job: what the store holds after a run, an interrupted run and a fatal error, checked
 * against the simulator's own data and call counter.
 */
class WeeklyReportJobTests extends WholeJobTestBase {

	/** Daily windows of the week, one window of its baseline week: overall, one task group and normal push. */
	private static JobDefinition dailyJob(String name, long appId) {
		return simulatorJob(name, appId, Period.ofDays(1), 1, true, List.of("spring-sale", "app-update"));
	}

	@Test
	void storesTheSimulatorsOwnTotalsForTheWeekAndASecondRunOfTheWeekMakesNoCalls() {
		JobDefinition job = dailyJob("ingest-totals", 1400000101L);

		RunOutcome first = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(first.status()).as(first.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		// the week's 7 days and the baseline week in one window, each x (overall + one task group + normal push)
		assertThat(first.windowsPlanned()).isEqualTo(24);
		assertThat(first.calls()).isEqualTo(24);
		assertThat(simulatorCalls(job)).isEqualTo(24);
		SyntheticLossData simulated = simulator(job).data();
		for (IsoWeek week : List.of(W46, W46.minusWeeks(1))) {
			assertThat(storedTotals(job, week)).as("stored totals of %s", week)
				.isEqualTo(simulatedTotals(simulated, job, week))
				.isNotEmpty();
		}

		RunOutcome second = this.runner.run(job, W46, RunOptions.DEFAULT);

		assertThat(second.status()).isEqualTo(RunOutcome.Status.ALREADY_COMPLETE);
		assertThat(second.calls()).isZero();
		assertThat(simulatorCalls(job)).as("calls the simulator received").isEqualTo(24);
	}

	@Test
	void aRunThatFailedAfterTheThirdWindowContinuesFromTheWindowInFlightAndStoresWhatAnUninterruptedRunStores() {
		JobDefinition interrupted = dailyJob("ingest-interrupted", 1400000102L);
		this.faultSwitch.afterWindows(interrupted, 3,
				(progress) -> simulator(interrupted).faults(FaultSettings.always(Fault.ERROR_90102)));

		RunOutcome failed = this.runner.run(interrupted, W46, RunOptions.DEFAULT);

		assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
		assertThat(failed.windowsFetched()).isEqualTo(3);
		assertThat(failed.message()).contains("90102").doesNotContain("\tat ");
		// 3 windows stored, then the client's two attempts at the fourth
		assertThat(simulatorCalls(interrupted)).isEqualTo(5);
		assertThat(storedWindows(interrupted)).containsExactlyInAnyOrderElementsOf(plannedWindows(interrupted, 3));

		simulator(interrupted).faults(FaultSettings.none());
		RunOutcome restarted = this.runner.run(interrupted, W46, RunOptions.DEFAULT);

		assertThat(restarted.status()).as(restarted.message()).isEqualTo(RunOutcome.Status.COMPLETED);
		assertThat(restarted.executionId()).isNotEqualTo(failed.executionId());
		assertThat(restarted.calls()).as("24 windows, 3 stored before the failure").isEqualTo(21);
		assertThat(simulatorCalls(interrupted)).as("only the window in flight was fetched twice").isEqualTo(5 + 21);

		JobDefinition uninterrupted = dailyJob("ingest-reference", 1400000103L);
		assertThat(this.runner.run(uninterrupted, W46, RunOptions.DEFAULT).succeeded()).isTrue();
		assertThat(storedRows(interrupted)).isNotEmpty().isEqualTo(storedRows(uninterrupted));
	}

	@Test
	void aWrongSecretKeyFailsTheRunWithTheVendorsCodeAndStoresNothing() {
		try (PushLossSimulator vendor = PushLossSimulator
			.start(SimulatorSettings.defaults().withSdkAppId(1400000104L).withCallsPerSecond(1000))) {
			JobDefinition job = baseUrlJob("ingest-wrong-key", vendor.baseUrl(), 1400000104L, WRONG_KEY_ENV);

			RunOutcome failed = this.runner.run(job, W46, RunOptions.DEFAULT);

			assertThat(failed.status()).isEqualTo(RunOutcome.Status.FAILED);
			assertThat(failed.message()).contains("70009", "secret key", WRONG_KEY_ENV)
				.doesNotContain(WRONG_SECRET_KEY)
				.doesNotContain("\tat ");
			assertThat(vendor.calls()).as("a fatal error is not retried").isEqualTo(1);
			assertThat(StoredRows.count(this.dataSource, 1400000104L, 0, Long.MAX_VALUE)).isZero();
		}
	}

	/** Lost pushes per (source, task, stage, vendor, event type, code) that the store holds for the week. */
	private Map<String, Long> storedTotals(JobDefinition job, IsoWeek week) {
		Map<String, Long> totals = new TreeMap<>();
		StoredRows.stream(this.dataSource, job.api().sdkAppId(), week.start(job.zone()).toEpochSecond(),
				week.end(job.zone()).toEpochSecond(),
				(row) -> totals.merge(String.join("|", row.source().name(), row.taskId(), row.stage().name(),
						String.valueOf(row.vendor()), row.eventType().name(), row.errCode()), row.errCount(),
						Long::sum));
		return totals;
	}

	/** The same from the simulator's buckets over the whole week, one range per source and task. */
	private static Map<String, Long> simulatedTotals(SyntheticLossData data, JobDefinition job, IsoWeek week) {
		long start = week.start(job.zone()).toEpochSecond();
		long end = week.end(job.zone()).toEpochSecond();
		Map<String, Long> totals = new TreeMap<>();
		List<String[]> streams = new ArrayList<>();
		streams.add(new String[] { LossSource.ALL_MEMBER.name(), "" });
		job.sources().allMemberTasks().forEach((task) -> streams.add(new String[] { LossSource.ALL_MEMBER.name(), task }));
		if (job.sources().normal()) {
			streams.add(new String[] { LossSource.NORMAL.name(), "" });
		}
		for (String[] stream : streams) {
			for (LossRow row : data.rows(LossSource.valueOf(stream[0]), stream[1], start, end)) {
				totals.merge(String.join("|", stream[0], row.taskId(), row.stage().name(),
						String.valueOf(row.vendor()), row.eventType().name(), row.errCode()), row.errCount(),
						Long::sum);
			}
		}
		return totals;
	}

	/** The stored windows, one per task, as source, task and range. */
	private List<String> storedWindows(JobDefinition job) {
		List<FetchWindow> plan = WindowPlanner.plan(job, W46);
		long from = plan.stream().mapToLong(FetchWindow::start).min().orElseThrow();
		long to = plan.stream().mapToLong(FetchWindow::end).max().orElseThrow();
		return this.store.storedWindows(job.api().sdkAppId(), from, to)
			.stream()
			.map((window) -> window.source() + "|" + window.taskId() + "|" + window.start() + "|" + window.end())
			.toList();
	}

	/** The first windows of the job's plan, one per task, as source, task and range. */
	private static List<String> plannedWindows(JobDefinition job, int count) {
		return WindowPlanner.plan(job, W46)
			.subList(0, count)
			.stream()
			.flatMap((window) -> window.taskKeys()
				.stream()
				.map((task) -> window.source() + "|" + task + "|" + window.start() + "|" + window.end()))
			.toList();
	}

	/** Every stored row of the job's plan, without the SDKAppID, in the store's order. */
	private List<String> storedRows(JobDefinition job) {
		List<FetchWindow> plan = WindowPlanner.plan(job, W46);
		long from = plan.stream().mapToLong(FetchWindow::start).min().orElseThrow();
		long to = plan.stream().mapToLong(FetchWindow::end).max().orElseThrow();
		List<String> rows = new ArrayList<>();
		StoredRows.stream(this.dataSource, job.api().sdkAppId(), from, to,
				(row) -> rows.add(String.join("|", row.source().name(), row.taskId(),
						String.valueOf(row.windowStart().getEpochSecond()),
						String.valueOf(row.windowEnd().getEpochSecond()), row.stage().name(),
						row.eventType().name(), String.valueOf(row.vendor()), row.errCode(),
						String.valueOf(row.errCount()), row.errInfo())));
		return rows;
	}

}
