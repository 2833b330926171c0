package io.pushloss.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;

import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.week.IsoWeek;

/**
 * {@code backfill}: every week of a range in order. Completed weeks are skipped (unless forced); a failure stops
 * at that week, and running the same command again resumes there (the failed week's run is restarted, the weeks
 * before it are complete and skipped).
 */
final class Backfill {

	private final WeeklyReportRunner runner;

	private final ApplicationContext context;

	private final BackfillProgress progress;

	Backfill(WeeklyReportRunner runner, ApplicationContext context, BackfillProgress progress) {
		this.runner = runner;
		this.context = context;
		this.progress = progress;
	}

	/** The weeks from {@code from} to {@code to}, both included, in order. */
	static List<IsoWeek> weeks(IsoWeek from, IsoWeek to) {
		List<IsoWeek> weeks = new ArrayList<>();
		for (IsoWeek week = from; week.compareTo(to) <= 0; week = week.plusWeeks(1)) {
			weeks.add(week);
		}
		return weeks;
	}

	int run(JobDefinition job, List<IsoWeek> weeks, RunOptions options, CommandOutput output) {
		int ran = 0;
		int skipped = 0;
		for (IsoWeek week : weeks) {
			this.progress.startWeek(week);
			RunOutcome outcome = this.runner.run(job, week, options);
			this.progress.endWeek();
			switch (outcome.status()) {
				case COMPLETED -> {
					ran++;
					RunResultPrinter.print(outcome, this.context, output.out());
				}
				case ALREADY_COMPLETE -> {
					skipped++;
					output.out().println(week + ": skipped, already complete (--force refreshes it)");
				}
				default -> {
					output.out().println(week + ": " + outcome.status());
					output.out().println("  " + outcome.message());
					output.out().println("Backfill stopped at " + week + " (" + ran + " run, " + skipped
							+ " skipped). Run the same command again to resume there.");
					output.out().flush();
					return SpringReportOperations.exitCode(outcome);
				}
			}
			output.out().flush();
		}
		output.out().println("Backfill " + weeks.get(0) + " to " + weeks.get(weeks.size() - 1) + " of job '"
				+ job.name() + "': " + ran + " run, " + skipped + " skipped.");
		output.out().flush();
		return ReportOperations.SUCCESS;
	}

}
