package io.pushloss.delivery.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportStory.Cause;
import io.pushloss.analysis.ReportStory.SourceHeadline;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.WeeklyReport;

/**
 * Subjects and preheaders that tell the story in a phone's notification, naming the biggest mover:
 * {@code [demo] Push loss 2026-W46: Huawei 80300007 8.3x its baseline; Push to all 23,225 lost (+62.6%); Normal
 * push 48,851 lost (+39.2%), 2 anomalies}, in the reader's language.
 */
public final class MailSubjects {

	private MailSubjects() {
	}

	/** The weekly report's subject in English. */
	public static String weeklyReport(WeeklyReport report) {
		return weeklyReport(report, report.story(), ReportText.bundled(Locale.ENGLISH));
	}

	/**
	 * The weekly report's subject: the biggest mover (vendor, code, factor against its baseline), the headline of
	 * each source (the sources are separate statistics and are never added up) and the number of anomalous causes.
	 */
	public static String weeklyReport(WeeklyReport report, ReportStory story, ReportText text) {
		List<String> parts = new ArrayList<>();
		Cause mover = story.biggestMover();
		if (mover != null) {
			parts.add(mover(mover, text));
		}
		List<String> sources = new ArrayList<>();
		for (SourceHeadline headline : story.headlines()) {
			sources.add(text.get("email.subject.source", text.source(headline.source()),
					text.count(headline.counts().thisWeek()), text.percent(headline.counts())));
		}
		if (!sources.isEmpty()) {
			parts.add(String.join(text.get("email.subject.sources-separator"), sources));
		}
		String body = parts.isEmpty() ? text.get("email.subject.nothing")
				: String.join(text.get("email.subject.sources-separator"), parts);
		body = body + text.get("email.subject.anomalies-separator") + anomalies(story.anomalies().size(), text);
		return text.get("email.subject", report.partial() ? text.get("email.subject.partial") : "",
				report.header().displayName(), text.weekShort(report.header().week()), body);
	}

	/**
	 * The preheader: the biggest mover with who fixes it and what to do, else that there is no anomaly; then each
	 * source's headline.
	 */
	public static String preheader(WeeklyReport report, ReportStory story, ReportText text) {
		List<String> parts = new ArrayList<>();
		Cause mover = story.biggestMover();
		if (mover != null) {
			parts.add(text.get("email.preheader.mover", text.vendor(mover.vendor()), mover.errCode(),
					text.factorOfBaseline(mover.factor(), report.header().baselineWeeks().size()),
					text.owner(mover.owner()), text.action(mover.remediation())));
		}
		else {
			parts.add(text.get("email.preheader.quiet"));
		}
		for (SourceHeadline headline : story.headlines()) {
			parts.add(text.get("email.preheader.source", text.source(headline.source()),
					text.count(headline.counts().thisWeek()), text.percent(headline.counts())));
		}
		return String.join(" ", parts);
	}

	/** {@code Huawei 80300007 8.3x its baseline}, or {@code vivo 10070 new, 90 lost}. */
	static String mover(Cause mover, ReportText text) {
		if (mover.factor() == null) {
			return text.get("email.subject.mover.new", text.vendor(mover.vendor()), mover.errCode(),
					text.count(mover.lead().counts().thisWeek()));
		}
		return text.get("email.subject.mover", text.vendor(mover.vendor()), mover.errCode(),
				text.factorOfBaseline(mover.factor(), 0));
	}

	/** The failure notification's subject. */
	public static String failure(String jobName, String week, String failedStep) {
		return "[" + jobName + "] Push loss " + week + ": run FAILED at step " + failedStep;
	}

	/** {@code 12,345}. */
	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** {@code no anomalies}, {@code 1 anomaly}, {@code 2 anomalies}, in the reader's language. */
	static String anomalies(int count, ReportText text) {
		return switch (count) {
			case 0 -> text.get("email.anomalies.none");
			case 1 -> text.get("email.anomalies.one");
			default -> text.get("email.anomalies.many", text.count(count));
		};
	}

}
