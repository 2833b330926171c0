package io.pushloss.delivery.mail;

import java.util.Locale;

import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.api.LossSource;

/**
 * Subjects that tell the story in a phone's notification, one figure per source (normal push and push to all are
 * separate statistics, never added up):
 * {@code [PARTIAL] [demo] Push loss 2026-W46: Push to all 12,345 (+8.1%), Normal push 2,345 (-3.0%), 2 anomalies}.
 */
public final class MailSubjects {

	private MailSubjects() {
	}

	/** The weekly report's subject, from the report's headline per source and its anomalies. */
	public static String weeklyReport(String jobName, WeeklyReport report) {
		StringBuilder subject = new StringBuilder();
		subject.append(report.partial() ? "[PARTIAL] " : "")
			.append('[')
			.append(jobName)
			.append("] Push loss ")
			.append(report.header().week())
			.append(": ");
		for (LossSource source : report.sources()) {
			WeekOverWeek headline = report.headline(source);
			subject.append(source.displayName())
				.append(' ')
				.append(count(headline.thisWeek()))
				.append(" (")
				.append(headline.percentLabel())
				.append("), ");
		}
		return subject.append(anomalies(report.anomalies().size())).toString();
	}

	/** The failure notification's subject. */
	public static String failure(String jobName, String week, String failedStep) {
		return "[" + jobName + "] Push loss " + week + ": run FAILED at step " + failedStep;
	}

	/** {@code 12,345}. */
	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	static String anomalies(int count) {
		return switch (count) {
			case 0 -> "no anomalies";
			case 1 -> "1 anomaly";
			default -> count + " anomalies";
		};
	}

}
