package io.pushloss.cli;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationContext;

import io.pushloss.domain.IsoWeek;
import io.pushloss.job.RunOptions;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.WeeklyReportRunner;
import io.pushloss.jobdef.JobDefinition;

/**
 * {@code backfill}: every week of a range in order, oldest first.
 * <p>
 * Without {@code --force} a week whose last run completed is skipped, and a week whose last run failed or was
 * stopped is restarted where it stopped. A failure stops the backfill at that week; running the same command again
 * therefore resumes there (the weeks before it are complete and skipped, the failed week is restarted).
 * <p>
 * With {@code --force} every week of the range is refreshed (fetched again, a new archive revision when the content
 * changed), each time the command runs. An interrupted forced backfill is resumed by the same command without
 * {@code --force}: the weeks it already refreshed are complete and skipped, and the failed week's forced run is
 * restarted where it stopped, still as a refresh. Running it again with {@code --force} would refresh every week of
 * the range again.
 */
final class Backfill {

	private final WeeklyReportRunner runner;

	private final ApplicationContext context;

	private final RunProgress progress;

	Backfill(WeeklyReportRunner runner, ApplicationContext context, RunProgress progress) {
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

	/** Runs the weeks; returns the exit code (that of the first week that did not complete, if any). */
	int run(JobDefinition job, List<IsoWeek> weeks, RunOptions options, CommandOutput output) {
		int ran = 0;
		int skipped = 0;
		for (IsoWeek week : weeks) {
			this.progress.startWeek(week);
			RunOutcome outcome;
			try {
				outcome = this.runner.run(job, week, options);
			}
			finally {
				this.progress.endWeek();
			}
			switch (outcome.status()) {
				case COMPLETED -> {
					ran++;
					RunResultPrinter.print(job, outcome, this.context, output.out(), null);
				}
				case ALREADY_COMPLETE -> {
					skipped++;
					output.out().println(job.name() + " " + week + ": skipped, already complete"
							+ (options.force() ? "" : " (--force refreshes it)"));
				}
				default -> {
					RunResultPrinter.print(job, outcome, this.context, output.out(), resumeHint(week, options));
					output.out().flush();
					output.err().println("Backfill of job '" + job.name() + "' stopped at " + week + " (" + ran
							+ " run, " + skipped + " skipped, " + (weeks.size() - ran - skipped) + " left): "
							+ outcome.message());
					output.err().flush();
					return SpringReportOperations.exitCode(outcome);
				}
			}
			output.out().flush();
		}
		output.out().println("Backfill " + weeks.get(0) + " to " + weeks.get(weeks.size() - 1) + " of job '"
				+ job.name() + "': " + ran + " run, " + skipped + " skipped"
				+ (options.email() ? "" : ", no email sent (--email sends them)") + ".");
		output.out().flush();
		return ReportOperations.SUCCESS;
	}

	private static String resumeHint(IsoWeek week, RunOptions options) {
		return options.force()
				? "run the same backfill without --force: it skips the weeks already refreshed and continues "
						+ week + " where it stopped (--force would refresh every week again)"
				: "run the same backfill again: it skips the completed weeks and continues " + week
						+ " where it stopped";
	}

}
