package io.pushloss.delivery.mail;

import java.util.Locale;

import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;

/**
 * Subjects that tell the story in a phone's notification: {@code [PARTIAL] [demo] Push loss 2026-W46: Push to all
 * 12,345 lost (+8.1% WoW); Normal push 23,456 lost (-2.0% WoW), 2 anomalies}.
 */
public final class MailSubjects {

	private MailSubjects() {
	}

	/**
	 * The weekly report's subject: the headline of each source (the sources are separate statistics and are never
	 * added up) and the number of anomalies.
	 */
	public static String weeklyReport(String jobName, WeeklyReport report) {
		StringBuilder figures = new StringBuilder();
		for (LossSource source : report.sources()) {
			WeekOverWeek headline = report.headline(source);
			String label = headline.percentLabel();
			String change = "new".equals(label) ? "new; 0 the week before" : label + " WoW";
			figures.append(figures.isEmpty() ? "" : "; ")
				.append(source.displayName())
				.append(' ')
				.append(count(headline.thisWeek()))
				.append(" lost (")
				.append(change)
				.append(')');
		}
		return (report.partial() ? "[PARTIAL] " : "") + "[" + jobName + "] Push loss " + report.header().week() + ": "
				+ (figures.isEmpty() ? "nothing lost" : figures) + ", " + anomalies(report.anomalies().size());
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
