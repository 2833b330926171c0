package io.pushloss.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;

import io.pushloss.domain.DataDirectoryProperties;
import io.pushloss.job.EmailState;
import io.pushloss.job.RunOutcome;
import io.pushloss.job.RunSummary;
import io.pushloss.job.RunWarning;
import io.pushloss.jobdef.JobDefinition;
import io.pushloss.runs.RunHistory;

/**
 * Prints the short result of {@code run}, {@code restart} and each week of {@code backfill}: status and week, then
 * windows fetched and calls made, headline totals, documents, email and archive (or, for a run that did not
 * complete, the error and how to continue).
 *
 * <pre>
 * demo 2026-W46: COMPLETED in 24s
 *   fetched:   140 of 140 windows with 140 calls (0 were already stored)
 *   totals:    Push to all 23,225 lost (+62.6% WoW); Normal push 48,851 lost (+39.2% WoW), 2 anomalies
 *   documents: data/reports/demo/2026-W46/ (summary.json, push-loss-demo-2026-W46.xlsx, push-loss-demo-2026-W46.pdf)
 *   email:     written to data/outbox/ (no SMTP host configured)
 *   archive:   data/archive/demo/2026/2026-W46
 * </pre>
 */
final class RunResultPrinter {

	private static final String INDENT = "  ";

	private RunResultPrinter() {
	}

	/**
	 * @param next how to continue when the run did not complete, or {@code null} for the default (restart)
	 */
	static void print(JobDefinition job, RunOutcome outcome, ApplicationContext context, PrintWriter out,
			String next) {
		RunSummary run = (outcome.executionId() != null)
				? context.getBean(RunHistory.class).of(outcome.executionId()).orElse(null) : null;
		String title = job.name() + " " + outcome.week() + ": ";
		switch (outcome.status()) {
			case COMPLETED -> {
				out.println(title + "COMPLETED" + took(run, " in "));
				out.println(field("fetched", fetched(outcome)));
				if (run != null) {
					printDelivery(job, run, context, out);
				}
			}
			case FAILED, STOPPED -> {
				String status = outcome.status().name();
				out.println(title + status + took(run, " after "));
				if (outcome.windowsPlanned() > 0) {
					out.println(field("fetched", outcome.windowsFetched() + " of " + outcome.windowsPlanned()
							+ " windows with " + outcome.callsText() + " before it " + status.toLowerCase()));
				}
				// a stop (Ctrl-C, SIGTERM) is not an error: the message says where it stopped
				out.println(field((outcome.status() == RunOutcome.Status.STOPPED) ? "stopped" : "error",
						outcome.message()));
				// null (did not reach delivery) or FAILED (every attempt to send failed: pending in the ledger)
				out.println(field("email", describeEmail((run != null) ? run.emailState() : null,
						context.getBean(DataDirectoryProperties.class).absoluteDataDir(), context)));
				out.println(field("next", (next != null) ? next
						: "push-loss-report restart " + job.file() + " --week " + outcome.week()
								+ " continues where it stopped"));
			}
			case ALREADY_COMPLETE -> {
				out.println(title + "already complete, nothing to do");
				out.println(INDENT + outcome.message());
				if (run != null && run.archivePath() != null) {
					out.println(field("archive", SpringReportOperations.relative(run.archivePath())));
				}
			}
			default -> {
				out.println(title + outcome.status());
				out.println(INDENT + outcome.message());
			}
		}
		out.flush();
	}

	/** "1 call", "2 calls". */
	static String calls(long calls) {
		return RunOutcome.callsText(calls, 0);
	}

	private static String fetched(RunOutcome outcome) {
		if (outcome.windowsPlanned() == 0) {
			return "nothing: the interrupted run had fetched every window";
		}
		int stored = outcome.windowsPlanned() - outcome.windowsFetched();
		return outcome.windowsFetched() + " of " + outcome.windowsPlanned() + " windows with " + outcome.callsText()
				+ " (" + stored + ((stored == 1) ? " was" : " were") + " already stored)";
	}

	private static void printDelivery(JobDefinition job, RunSummary run, ApplicationContext context,
			PrintWriter out) {
		if (run.headline() != null) {
			out.println(field("totals", run.headline()));
		}
		Path dataDir = context.getBean(DataDirectoryProperties.class).absoluteDataDir();
		if (!run.documents().isEmpty()) {
			out.println(field("documents",
					SpringReportOperations.relative(run.documents().get(0).getParent().toString()) + "/ ("
							+ run.documents()
								.stream()
								.map((document) -> document.getFileName().toString())
								.collect(Collectors.joining(", "))
							+ ")"));
		}
		out.println(field("email", describeEmail(run.emailState(), dataDir, context)));
		if (run.archivePath() != null) {
			out.println(field("archive", SpringReportOperations.relative(run.archivePath())));
		}
		for (RunWarning warning : run.warnings()) {
			out.println(field("warning", warning.message()));
		}
	}

	/** What happened to the email, in words (the state names are in {@code runs --json}). */
	static String describeEmail(EmailState state, Path dataDir, ApplicationContext context) {
		if (state == null) {
			return "pending: the run did not reach delivery";
		}
		String host = context.getEnvironment().getProperty("spring.mail.host");
		return switch (state) {
			case SENT -> "sent via " + host;
			case OUTBOX -> "written to " + SpringReportOperations.relative(dataDir.resolve("outbox").toString())
					+ "/, nothing was sent (no SMTP host configured)";
			case ALREADY_SENT -> "not sent again: already sent for this week (run --resend sends it again)";
			case ALREADY_IN_OUTBOX -> "not written again: already in the outbox for this week, nothing was sent "
					+ "(run --resend writes it again)";
			case DISABLED -> "not sent: not asked for (run --no-email, backfill without --email)";
			case NO_RECIPIENTS -> "not sent: the job has no recipients";
			case FAILED -> "failed: the SMTP server did not take it; it stays pending in the delivery ledger and the "
					+ "next run or a restart sends it once";
		};
	}

	private static String took(RunSummary run, String preposition) {
		Duration duration = (run != null) ? run.duration() : null;
		return (duration != null) ? preposition + RunsPrinter.duration(duration) : "";
	}

	private static String field(String name, Object value) {
		return INDENT + String.format("%-10s ", name + ":") + value;
	}

}
