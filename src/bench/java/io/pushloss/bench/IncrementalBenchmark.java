package io.pushloss.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

import io.pushloss.domain.IsoWeek;
import io.pushloss.ingest.VendorApiProvider;
import io.pushloss.ingest.WindowPlanner;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.simulator.PushLossSimulator;

/**
 * Section 2, incremental fetching, through {@link WeeklyReportRunner} in the application's Spring context against
 * the embedded simulator: the first run of a week fetches it with its four baseline weeks (a backfill of five
 * weeks), a second run of the same week must make no call, and the next week's run must fetch exactly that week's
 * windows.
 */
final class IncrementalBenchmark extends Benchmark {

	static final String SECTION = "2 incremental";

	static final IsoWeek WEEK = IsoWeek.parse("2026-W45");

	IncrementalBenchmark(BenchOptions options, Progress progress) {
		super(options, progress);
	}

	@Override
	List<Figure> run() {
		Path dataDir = this.options.workDir().resolve("incremental");
		JobDefinition job = BenchJobs.job("bench-incremental", 1_400_000_000L, BenchJobs.tasks(6), null,
				dataDir.resolve("archive"));
		RunOptions noEmail = new RunOptions(false, false, false);
		List<Figure> figures = new ArrayList<>();
		this.progress.step("incremental: starting the application context");
		try (ConfigurableApplicationContext context = BenchContexts.start(dataDir,
				Map.of("pushloss.api.calls-per-second", Numbers.format(this.options.callsPerSecond())))) {
			WeeklyReportRunner runner = context.getBean(WeeklyReportRunner.class);
			VendorApiProvider provider = context.getBean(VendorApiProvider.class);
			IsoWeek next = WEEK.plusWeeks(1);

			this.progress.step("incremental: first run of " + WEEK + " (with its baseline weeks)");
			RunOutcome first = checked(runner.run(job, WEEK, noEmail));
			PushLossSimulator simulator = provider.simulatorFor(job);
			long afterFirst = simulator.calls();
			int planned = WindowPlanner.plan(job, WEEK).size();
			// the arithmetic minimum: one call per API and task group for each range of the report week, and
			// one for each baseline week (no clock change in the job's zone)
			int callsPerRange = 1 + (job.sources().allMemberTasks().size() + 4) / 5 + (job.sources().normal() ? 1 : 0);
			int reportRanges = (7 + job.window().getDays() - 1) / job.window().getDays();
			int firstMinimum = callsPerRange * (reportRanges + job.baselineWeeks());
			figures.add(Figure.exactly("incremental.firstRun", SECTION, "calls, first run of " + WEEK
					+ " (goal: the arithmetic minimum)", afterFirst, "calls", firstMinimum,
					"the week in " + reportRanges + " ranges and its " + job.baselineWeeks()
							+ " baseline weeks in one range each, x " + callsPerRange + " calls (API, task group); "
							+ planned + " windows planned; " + first.message()));

			this.progress.step("incremental: second run of " + WEEK);
			RunOutcome second = checked(runner.run(job, WEEK, noEmail));
			long afterSecond = simulator.calls();
			figures.add(Figure.exactly("incremental.sameWeekAgain", SECTION, "calls, second run of " + WEEK,
					afterSecond - afterFirst, "calls", 0, second.status() + ": " + second.message()));

			this.progress.step("incremental: run of the next week " + next);
			RunOutcome third = checked(runner.run(job, next, noEmail));
			long afterNext = simulator.calls();
			int weekWindows = WindowPlanner.planWeek(job, next).size();
			figures.add(Figure.exactly("incremental.nextWeek", SECTION, "calls, run of the next week " + next
					+ " (steady state; goal: the arithmetic minimum)", afterNext - afterSecond, "calls",
					callsPerRange * reportRanges, "that week's windows: " + weekWindows
							+ " (its baseline weeks are stored); " + third.message()));
		}
		return figures;
	}

	private static RunOutcome checked(RunOutcome outcome) {
		if (!outcome.succeeded()) {
			throw new IllegalStateException("The benchmark's run failed: " + outcome.message());
		}
		return outcome;
	}

}
