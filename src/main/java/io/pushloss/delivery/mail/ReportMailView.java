package io.pushloss.delivery.mail;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.Completeness.MissingRange;
import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;

/**
 * What the email templates show, already formatted ({@code 12,345}, {@code +8.1%}), so the HTML and the plain-text
 * template say exactly the same. Strings from the API (error infos, TaskIDs) are passed as they are; the templates
 * escape them ({@code th:text}).
 *
 * @param subject the subject line
 * @param period {@code Mon 9 Nov 2026 - Sun 15 Nov 2026 (Asia/Shanghai)}
 * @param missing one line per missing window when the report is partial
 * @param headlines one row per source, both stages (the sources are never added up)
 * @param totals one row per source and stage
 * @param vendors one section per source
 * @param chart whether the vendor chart is attached inline as {@code cid:vendor-chart}
 * @param attachmentNote why the workbook is not attached, or {@code null}
 * @param archiveLocation where the full set is archived, or {@code null}
 */
public record ReportMailView(String subject, String jobName, String week, String period, long sdkAppId,
		String generatedAt, boolean partial, List<String> missing, boolean empty, List<Row> headlines, int anomalyCount,
		List<Row> totals, List<VendorSection> vendors, List<CodeRow> increases, List<CodeRow> decreases,
		List<CodeRow> anomalies, boolean chart, String attachmentNote, String archiveLocation) {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

	/** Builds the view of a report. */
	public static ReportMailView of(String jobName, WeeklyReport report, AttachmentPlan attachments,
			Path archiveLocation, boolean chart) {
		ReportHeader header = report.header();
		String period = DAY.format(header.firstDay()) + " - " + DAY.format(header.lastDay()) + " (" + header.zone()
				+ ")";
		List<Row> totals = report.totals()
			.stream()
			.map((total) -> Row.of(total.source().displayName() + " \u00b7 " + total.stage().label(), total.counts()))
			.toList();
		List<VendorSection> vendors = new ArrayList<>();
		for (LossSource source : LossSource.values()) {
			// grouped like the PDF's table: by vendor, the most lost first, then stage
			List<VendorRow> rows = report.vendorsByVendor()
				.stream()
				.filter((vendor) -> vendor.source() == source)
				.map(VendorRow::of)
				.toList();
			if (!rows.isEmpty()) {
				vendors.add(new VendorSection(source.displayName(), rows));
			}
		}
		String note = null;
		if (attachments.excelOmitted()) {
			note = "The Excel workbook is not attached: together with the PDF it would be "
					+ megabytes(attachments.encodedBytes()) + " encoded, over the "
					+ megabytes(attachments.limitBytes())
					+ " limit.";
		}
		return new ReportMailView(MailSubjects.weeklyReport(jobName, report), jobName, header.week().toString(),
				period, header.sdkAppId(), MINUTE.format(header.generatedAt().atZone(header.zone())), report.partial(),
				missing(report), report.empty(),
				report.sources().stream().map((source) -> Row.of(source.displayName(), report.headline(source))).toList(),
				report.anomalies().size(), totals, vendors, codes(report.topMovers().increases()),
				codes(report.topMovers().decreases()), codes(report.anomalies()), chart, note,
				(archiveLocation != null) ? archiveLocation.toString() : null);
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

	private static List<CodeRow> codes(List<CodeLoss> codes) {
		return codes.stream().map(CodeRow::of).toList();
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	static String signed(long value) {
		return ((value > 0) ? "+" : "") + MailSubjects.count(value);
	}

	/** The non-empty lists of top movers, increases first. */
	public List<CodeSection> movers() {
		List<CodeSection> sections = new ArrayList<>();
		if (!this.increases.isEmpty()) {
			sections.add(new CodeSection("Largest increases", this.increases));
		}
		if (!this.decreases.isEmpty()) {
			sections.add(new CodeSection("Largest decreases", this.decreases));
		}
		return sections;
	}

	/** A titled list of codes. */
	public record CodeSection(String title, List<CodeRow> codes) {
	}

	/** A labelled count, W against W-1. */
	public record Row(String label, String thisWeek, String lastWeek, String delta, String percent) {

		static Row of(String label, WeekOverWeek counts) {
			return new Row(label, MailSubjects.count(counts.thisWeek()), MailSubjects.count(counts.lastWeek()),
					signed(counts.delta()), counts.percentLabel());
		}

	}

	/** The vendor rows of one source. */
	public record VendorSection(String source, List<VendorRow> rows) {
	}

	/** One vendor at one stage. */
	public record VendorRow(String vendor, String stage, String thisWeek, String lastWeek, String percent,
			String share) {

		static VendorRow of(VendorLoss loss) {
			return new VendorRow(loss.vendor().displayName(), loss.stage().label(),
					MailSubjects.count(loss.counts().thisWeek()), MailSubjects.count(loss.counts().lastWeek()),
					loss.counts().percentLabel(), String.format(Locale.ROOT, "%.0f%%", loss.shareOfStage() * 100));
		}

	}

	/** One error code with what to do about it. */
	public record CodeRow(String source, String vendor, String stage, String code, String info, String thisWeek,
			String lastWeek, String delta, String percent, String status, String category, String owner, String hint,
			String baselineMean) {

		static CodeRow of(CodeLoss loss) {
			String mean = (loss.baseline() != null && !loss.baseline().weeklyCounts().isEmpty())
					? MailSubjects.count(Math.round(loss.baseline().mean())) : "-";
			return new CodeRow(loss.source().displayName(), loss.vendor().displayName(), loss.stage().label(),
					loss.errCode(), loss.errInfo(), MailSubjects.count(loss.counts().thisWeek()),
					MailSubjects.count(loss.counts().lastWeek()), signed(loss.counts().delta()),
					loss.counts().percentLabel(), loss.status().name(), loss.remediation().category().label(),
					loss.remediation().owner().label(), loss.remediation().hint(), mean);
		}

	}

}
