package io.pushloss.cli;

import java.io.PrintWriter;

import org.springframework.context.ApplicationContext;

import io.pushloss.job.RunHistory;
import io.pushloss.job.RunHistory.RunRecord;
import io.pushloss.job.RunOutcome;

/**
 * Prints the short result of {@code run} and {@code restart}: status, week, windows and calls, headline totals,
 * documents, email and archive.
 */
final class RunResultPrinter {

	private RunResultPrinter() {
	}

	static void print(RunOutcome outcome, ApplicationContext context, PrintWriter out) {
		out.println(outcome.week() + ": " + outcome.status());
		out.println("  " + outcome.message());
		RunRecord run = (outcome.executionId() != null)
				? context.getBean(RunHistory.class).of(outcome.executionId()) : null;
		if (run != null && outcome.status() != RunOutcome.Status.ALREADY_COMPLETE) {
			if (run.headline() != null) {
				out.println("  totals:    " + run.headline());
			}
			String documents = context.getEnvironment().getProperty("pushloss.data-dir");
			if (run.archivePath() != null) {
				out.println("  documents: " + SpringReportOperations.relative(documents).resolve("reports")
					.resolve(run.job())
					.resolve(run.week()) + "/ (summary.json, .xlsx, .pdf)");
				out.println("  email:     " + describeEmail(run.emailState(), context));
				out.println("  archive:   " + SpringReportOperations.relative(run.archivePath()));
			}
		}
		out.flush();
	}

	private static String describeEmail(String state, ApplicationContext context) {
		if (state == null) {
			return "pending (the next run or a restart sends it)";
		}
		String host = context.getEnvironment().getProperty("spring.mail.host");
		String outbox = SpringReportOperations.relative(context.getEnvironment().getProperty("pushloss.data-dir"))
				+ "/outbox/";
		return switch (state) {
			case "SENT" -> (host == null || host.isBlank()) ? "written to " + outbox + " (no SMTP host configured)"
					: "sent via " + host;
			case "ALREADY_SENT" -> "already sent for this week (use --resend to send again)";
			case "DISABLED" -> "not sent (--no-email)";
			case "NO_RECIPIENTS" -> "nobody to send to";
			default -> state;
		};
	}

}
