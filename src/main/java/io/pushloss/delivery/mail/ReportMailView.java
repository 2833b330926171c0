package io.pushloss.delivery.mail;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pushloss.analysis.Completeness.MissingRange;
import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.Direction;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportStory.Cause;
import io.pushloss.analysis.ReportStory.SourceFigure;
import io.pushloss.analysis.ReportStory.SourceHeadline;
import io.pushloss.analysis.ReportStory.VendorCount;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;

/**
 * What the email templates show, already formatted in the reader's language ({@code 12,345}, {@code +8.1%},
 * {@code 8.3x its baseline}), so the HTML and the plain-text template tell exactly the same story. Fixed labels are
 * in the templates as {@code #{key}} of the {@code i18n/email} bundle; strings from the API (error infos, TaskIDs)
 * are passed as they are and escaped by the templates ({@code th:text}).
 *
 * @param lang the language tag of the HTML ({@code en}, {@code zh-CN})
 * @param subject the subject line
 * @param preheader the line a mail client shows after the subject
 * @param title the job's display name
 * @param weekLabel the week with its days ({@code 2026-W46 (Nov 9-15)})
 * @param period the first and last day, zone and application
 * @param missing one line per missing window when the report is partial
 * @param headlines one per source (the sources are never added up)
 * @param anomalies the causes flagged as anomalies, each once, sources merged
 * @param movers the other causes that moved most, increases first
 * @param charts one bar list per source, in the report's one vendor order
 * @param totals one row per source and stage
 * @param vendors one table per source, in the report's one vendor order
 * @param tasks one row per push-to-all task (its TaskID as the job names it), both stages
 * @param glossary one line explaining sources, stages, share and baseline
 * @param footer links or the archive folder, and the notes
 */
public record ReportMailView(String lang, String subject, String preheader, String title, String jobName,
		String week, String weekLabel, String period, boolean partial, List<String> missing, boolean empty,
		List<Headline> headlines, int anomalyCount, List<CauseCard> anomalies, List<CauseSection> movers,
		List<BarChart> charts, List<Row> totals, List<VendorSection> vendors, List<Row> tasks, String glossary,
		Footer footer) {

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	/** The most causes the first screen shows as cards; the rest are in the PDF. */
	static final int TOP_CAUSES = 5;

	/**
	 * Builds the view of a report in the language of {@code text}.
	 * @param footer where the reader finds the full set
	 */
	public static ReportMailView of(WeeklyReport report, ReportText text, Footer footer) {
		ReportHeader header = report.header();
		ReportStory story = report.story();
		String period = text.get("email.period", text.date(header.firstDay()), text.date(header.lastDay()),
				header.zone().getId(), String.valueOf(header.sdkAppId()));
		List<Headline> headlines = story.headlines().stream().map((h) -> Headline.of(h, text)).toList();
		List<CauseCard> anomalies = story.anomalies().stream().limit(TOP_CAUSES)
			.map((cause) -> CauseCard.of(cause, text, header.baselineWeeks().size()))
			.toList();
		List<CauseSection> movers = new ArrayList<>();
		if (!story.increases().isEmpty()) {
			movers.add(new CauseSection(text.get("email.movers.increases"), story.increases().stream()
				.map((cause) -> CauseCard.of(cause, text, header.baselineWeeks().size())).toList()));
		}
		if (!story.decreases().isEmpty()) {
			movers.add(new CauseSection(text.get("email.movers.decreases"), story.decreases().stream()
				.map((cause) -> CauseCard.of(cause, text, header.baselineWeeks().size())).toList()));
		}
		List<BarChart> charts = story.headlines().stream()
			.filter((h) -> !h.vendors().isEmpty())
			.map((h) -> BarChart.of(h, text))
			.toList();
		List<Row> totals = report.totals().stream()
			.map((total) -> Row.of(text.source(total.source()) + " \u00b7 " + text.stage(total.stage()),
					total.counts(), text))
			.toList();
		List<VendorSection> vendors = new ArrayList<>();
		for (LossSource source : report.sources()) {
			List<VendorRow> rows = report.vendorsByVendor().stream()
				.filter((vendor) -> vendor.source() == source)
				.map((vendor) -> VendorRow.of(vendor, text))
				.toList();
			if (!rows.isEmpty()) {
				vendors.add(new VendorSection(text.get("email.vendors.title", text.source(source)), rows));
			}
		}
		return new ReportMailView(text.locale().toLanguageTag(), MailSubjects.weeklyReport(report, story, text),
				MailSubjects.preheader(report, story, text), header.displayName(), header.jobName(),
				header.week().toString(), text.week(header.week()), period, report.partial(), missing(report),
				report.empty(), headlines, story.anomalies().size(), anomalies, movers, charts, totals, vendors,
				tasks(report, text), text.glossary(header.baselineWeeks().size()), footer);
	}

	/** Each task's lost pushes, both stages, in the job's order (a part of push to all, never added to it). */
	private static List<Row> tasks(WeeklyReport report, ReportText text) {
		return report.tasks().stream()
			.map((task) -> Row.of(task.taskId(), task.stages().stream().map((stage) -> stage.counts())
				.reduce(WeekOverWeek.ZERO, WeekOverWeek::plus), text))
			.toList();
	}

	private static List<String> missing(WeeklyReport report) {
		List<String> lines = new ArrayList<>();
		for (WeekCompleteness week : report.completeness().weeks()) {
			for (MissingRange range : week.missing()) {
				String task = range.taskId().isEmpty() ? "" : " task " + range.taskId();
				lines.add(week.week() + ": " + range.source().displayName() + task + ", "
						+ MINUTE.format(range.start().atZone(report.header().zone())) + " to "
						+ MINUTE.format(range.end().atZone(report.header().zone())));
			}
		}
		return lines;
	}

	/** The colour family of a direction: {@code bad} (new, up), {@code good} (down, resolved) or {@code flat}. */
	static String toneOf(Direction direction) {
		return switch (direction) {
			case NEW, UP -> "bad";
			case DOWN, RESOLVED -> "good";
			case FLAT -> "flat";
		};
	}

	static String toneOf(WeekOverWeek counts) {
		return (counts.delta() > 0) ? "bad" : (counts.delta() < 0) ? "good" : "flat";
	}

	/** The text colour of a tone, readable on the light and the dark background. */
	static String colourOf(String tone) {
		return switch (tone) {
			case "bad" -> "#d1242f";
			case "good" -> "#1a7f37";
			default -> "#6e7781";
		};
	}

	/**
	 * One source's headline.
	 *
	 * @param source the source's name
	 * @param explain one line saying what it counts
	 * @param thisWeek lost pushes this week
	 * @param against {@code +62.6% against 14,283 last week}
	 * @param tone {@code bad}, {@code good} or {@code flat}
	 * @param colour the tone's colour
	 * @param anomalies how many causes are anomalous in the source ({@code 1 anomaly})
	 */
	public record Headline(String source, String explain, String thisWeek, String against, String tone,
			String colour, String anomalies) {

		static Headline of(SourceHeadline headline, ReportText text) {
			WeekOverWeek counts = headline.counts();
			String tone = toneOf(counts);
			return new Headline(text.source(headline.source()), text.sourceExplained(headline.source()),
					text.count(counts.thisWeek()),
					text.get("email.headline.against", text.percent(counts), text.count(counts.lastWeek())), tone,
					colourOf(tone), MailSubjects.anomalies(headline.anomalies(), text));
		}

	}

	/**
	 * One cause: vendor, code, what it means, x-fold its baseline, who fixes it, what to do.
	 *
	 * @param title {@code Huawei 80300007}
	 * @param vendorText the vendor's own description, may be empty
	 * @param meaning what it means
	 * @param factor {@code 8.3x its baseline}, or that it is new
	 * @param direction {@code up}, {@code new}...
	 * @param factorSaysNew whether the factor already says the cause is new (its baseline is 0): no second "new"
	 * @param tone {@code bad}, {@code good} or {@code flat}
	 * @param colour the tone's colour
	 * @param figures one line per source
	 * @param change this week against last week of the lead source ({@code 2,400 lost (+1,800 against last week)})
	 * @param owner who fixes it
	 * @param action what to do
	 */
	public record CauseCard(String title, String vendorText, String meaning, String factor, String direction,
			boolean factorSaysNew, String tone, String colour, List<String> figures, String change, String owner, String action) {

		static CauseCard of(Cause cause, ReportText text, int baselineWeeks) {
			SourceFigure lead = cause.lead();
			String tone = toneOf(cause.direction());
			List<String> figures = cause.sources().stream()
				.map((figure) -> text.get("email.cause.figure", text.source(figure.source()),
						text.count(figure.counts().thisWeek()), text.count(figure.baseline()),
						text.count(figure.counts().lastWeek())))
				.toList();
			return new CauseCard(text.vendor(cause.vendor()) + " " + cause.errCode(), cause.errInfo(),
					text.meaning(cause.remediation()), text.factorOfBaseline(lead.factor(), baselineWeeks),
					text.direction(cause.direction()), lead.factor() == null, tone, colourOf(tone), figures,
					text.get("email.mover.change", text.count(lead.counts().thisWeek()),
							text.signedCount(lead.counts().delta())),
					text.owner(cause.owner()), text.action(cause.remediation()));
		}

	}

	/** A titled list of causes. */
	public record CauseSection(String title, List<CauseCard> causes) {
	}

	/**
	 * One source's lost pushes per vendor as bars: titled, with its unit, the vendors in the report's one order.
	 *
	 * @param title {@code Push to all: lost pushes per vendor this week}
	 * @param unit what a bar measures
	 * @param bars one per vendor
	 * @param total the bars' total this week (equal to the source's headline)
	 */
	public record BarChart(String title, String unit, List<Bar> bars, String total) {

		static BarChart of(SourceHeadline headline, ReportText text) {
			long largest = Math.max(headline.largestVendorCount(),
					headline.vendors().stream().mapToLong((v) -> v.counts().lastWeek()).max().orElse(0));
			List<Bar> bars = headline.vendors().stream().map((v) -> Bar.of(v, largest, text)).toList();
			long total = headline.vendors().stream().mapToLong((v) -> v.counts().thisWeek()).sum();
			return new BarChart(text.get("email.chart.title", text.source(headline.source())),
					text.get("email.chart.unit"), bars, text.count(total));
		}

	}

	/**
	 * One vendor's bar.
	 *
	 * @param vendor the vendor's name
	 * @param count lost pushes this week
	 * @param value the same as a number (for checks)
	 * @param width the bar's width in percent of the largest (at least 1 when above 0)
	 * @param lastWeekWidth last week's marker width in percent
	 * @param lastWeek {@code last week 1,234}
	 */
	public record Bar(String vendor, String count, long value, int width, int lastWeekWidth, String lastWeek) {

		static Bar of(VendorCount vendor, long largest, ReportText text) {
			return new Bar(text.vendor(vendor.vendor()), text.count(vendor.counts().thisWeek()),
					vendor.counts().thisWeek(), percent(vendor.counts().thisWeek(), largest),
					percent(vendor.counts().lastWeek(), largest),
					text.get("email.chart.last-week", text.count(vendor.counts().lastWeek())));
		}

		private static int percent(long value, long largest) {
			if (value <= 0) {
				return 0;
			}
			return (int) Math.max(1, Math.round(value * 100.0 / largest));
		}

	}

	/** A labelled count, W against W-1. */
	public record Row(String label, String thisWeek, String lastWeek, String delta, String percent, String colour) {

		static Row of(String label, WeekOverWeek counts, ReportText text) {
			return new Row(label, text.count(counts.thisWeek()), text.count(counts.lastWeek()),
					text.signedCount(counts.delta()), text.percent(counts), colourOf(toneOf(counts)));
		}

	}

	/** The vendor rows of one source. */
	public record VendorSection(String title, List<VendorRow> rows) {
	}

	/** One vendor at one stage. */
	public record VendorRow(String vendor, String stage, String thisWeek, String lastWeek, String percent,
			String share, String colour) {

		static VendorRow of(VendorLoss loss, ReportText text) {
			return new VendorRow(text.vendor(loss.vendor()), text.stage(loss.stage()),
					text.count(loss.counts().thisWeek()), text.count(loss.counts().lastWeek()),
					text.percent(loss.counts()),
					BigDecimal.valueOf(loss.shareOfStage() * 100).setScale(0, java.math.RoundingMode.HALF_UP) + "%",
					colourOf(toneOf(loss.counts())));
		}

	}

	/**
	 * Where the reader finds the full set.
	 *
	 * @param weekPage the console's page of the week, or {@code null} without a public base URL
	 * @param documents links to the week's documents in the console (empty without a public base URL)
	 * @param archive the week's archive folder relative to the archive root ({@code demo/2026/2026-W46}), shown when
	 * there is no link; {@code null} when unknown
	 * @param attachmentNote why the workbook is not attached, or {@code null}
	 * @param attachedNote which documents are attached
	 * @param generated when and by what
	 */
	public record Footer(String weekPage, List<Link> documents, String archive, String attachmentNote,
			String attachedNote, String generated) {

		public Footer {
			documents = List.copyOf(documents);
		}

	}

	/** A labelled link. */
	public record Link(String label, String url) {
	}

}
