package io.pushloss.report.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.EventTypeSplit;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary sheet, the one the workbook opens on: title, a line that explains the words, PARTIAL banner, totals
 * per source and stage, the vendor bar charts (on the first screen), anomalies, top movers, loss per vendor (the
 * charts' numbers), online / offline split and completeness. It is 13 columns (A to M) wide, narrow enough to read
 * without scrolling sideways: descriptions and hints wrap.
 */
final class SummarySheet {

	/** The row that names the Raw sheets, filled in once the raw rows are streamed. */
	static final int RAW_ROW = 3;

	/** The row of the line that explains sources, stages and weeks. */
	static final int GLOSSARY_ROW = 4;

	/** The banner and the sheet's tables span columns A to M. */
	static final int LAST_COLUMN = 12;

	/** Column widths in characters, A to M (the code tables use all thirteen). */
	static final int[] WIDTHS = { 12, 14, 11, 16, 22, 13, 13, 9, 11, 10, 12, 15, 30 };

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Cells cells;

	private final Labels labels;

	private XSSFSheet sheet;

	SummarySheet(Cells cells, Labels labels) {
		this.cells = cells;
		this.labels = labels;
	}

	void write(XSSFSheet sheet, WeeklyReport report) {
		this.sheet = sheet;
		SheetLayout.widths(sheet, WIDTHS);
		title(report.header());
		SheetCursor cursor = new SheetCursor(sheet, this.cells, this.labels, GLOSSARY_ROW + 1);
		if (report.partial()) {
			partialBanner(cursor, report);
		}
		if (report.empty()) {
			this.cells.styled(cursor.next(), 0, this.labels.get("empty-week"), this.cells.noticeStyle());
		}
		cursor.skip();
		totals(cursor, report);
		VendorChartSection charts = VendorChartSection.reserve(cursor, report);
		ReportStory story = report.story();
		CodeSections.anomalies(cursor, report, story);
		CodeSections.movers(cursor, report, story);
		charts.writeTable(cursor);
		eventTypes(cursor, report);
		CompletenessSection.write(cursor, report);
		charts.drawCharts(cursor);
		SheetLayout.print(sheet, 1, pageTitle(report), this.labels.get("footer"));
	}

	/** The title every printed page's header shows: the report's title and its week. */
	String pageTitle(WeeklyReport report) {
		return this.labels.get("page-title", reportTitle(report.header()), this.labels.week(report.header().week()));
	}

	/**
	 * The report's title: the job's display name, or "Push-loss weekly report: <name>" for a job without one (its
	 * display name is then its name).
	 */
	String reportTitle(ReportHeader header) {
		return header.displayName().equals(header.jobName()) ? this.labels.get("title", header.jobName())
				: header.displayName();
	}

	/** Says how many stored rows the Raw sheets hold. */
	void rawRows(long count, List<String> sheetNames) {
		String text = (sheetNames.size() == 1)
				? this.labels.get("raw-rows.one", this.labels.count(count), sheetNames.get(0))
				: this.labels.get("raw-rows.many", this.labels.count(count), String.join(", ", sheetNames));
		this.cells.styled(this.sheet.getRow(RAW_ROW), 0, text, this.cells.subtitleStyle());
	}

	private void title(ReportHeader header) {
		LocalDate first = (header.firstDay() != null) ? header.firstDay() : header.week().monday();
		LocalDate last = (header.lastDay() != null) ? header.lastDay() : header.week().sunday();
		XSSFRow titleRow = this.sheet.createRow(0);
		titleRow.setHeightInPoints(24);
		this.cells.styled(titleRow, 0, reportTitle(header), this.cells.titleStyle());
		this.cells.styled(this.sheet.createRow(1), 0,
				this.labels.get("subtitle", this.labels.week(header.week()), first.toString(), last.toString(),
						header.zone().getId(), this.labels.week(header.previousWeek())),
				this.cells.subtitleStyle());
		String baseline = header.baselineWeeks().isEmpty() ? this.labels.get("baseline.none")
				: this.labels.get("baseline",
						this.labels.week(header.baselineWeeks().get(header.baselineWeeks().size() - 1)),
						this.labels.week(header.baselineWeeks().get(0)));
		this.cells.styled(this.sheet.createRow(2), 0,
				this.labels.get("details", String.valueOf(header.sdkAppId()), baseline,
						MINUTES.format(LocalDateTime.ofInstant(header.generatedAt(), header.zone())),
						header.zone().getId()),
				this.cells.subtitleStyle());
		this.sheet.createRow(RAW_ROW);
		XSSFRow glossary = this.sheet.createRow(GLOSSARY_ROW);
		String text = this.labels.text().glossary(header.baselineWeeks().size()) + " "
				+ this.labels.get("glossary.columns");
		// 10-point text across the merged columns A to L
		glossary.setHeightInPoints(Cells.lines(text, Arrays.stream(WIDTHS).sum() * 5 / 4) * 13f + 2);
		this.cells.styled(glossary, 0, text, this.cells.glossaryStyle());
		this.sheet.addMergedRegion(new CellRangeAddress(GLOSSARY_ROW, GLOSSARY_ROW, 0, LAST_COLUMN));
	}

	private void partialBanner(SheetCursor cursor, WeeklyReport report) {
		int planned = 0;
		int missing = 0;
		for (WeekCompleteness week : report.completeness().weeks()) {
			planned += week.plannedWindows();
			missing += CompletenessSection.missingWindows(week);
		}
		XSSFRow banner = cursor.next();
		banner.setHeightInPoints(22);
		this.cells.styled(banner, 0, this.labels.get("partial", this.labels.count(missing), this.labels.count(planned)), this.cells.bannerStyle());
		for (int column = 1; column <= LAST_COLUMN; column++) {
			banner.createCell(column).setCellStyle(this.cells.bannerStyle());
		}
		this.sheet.addMergedRegion(new CellRangeAddress(banner.getRowNum(), banner.getRowNum(), 0, LAST_COLUMN));
	}

	private void totals(SheetCursor cursor, WeeklyReport report) {
		cursor.section(this.labels.get("section.totals"));
		XSSFRow header = cursor.next();
		this.cells.header(header, 0, this.labels.term("source"), this.labels.term("stage"),
				this.labels.thisWeek(report.header().week()), this.labels.lastWeek(report.header().week()),
				this.labels.term("change"), this.labels.get("column.percent"), this.labels.get("column.flag"));
		this.cells.numberHeaders(header, 2, 5);
		this.cells.flagHeader(header, 6);
		int first = cursor.row();
		for (StageTotal total : report.totals()) {
			XSSFRow line = cursor.next();
			this.cells.wrapped(line, 0, this.labels.source(total.source()));
			this.cells.wrapped(line, 1, this.labels.stage(total.stage()));
			this.cells.weekOverWeek(line, 2, total.counts(), this.labels.newFlag());
		}
		cursor.endTable(first, 4, 5);
	}

	private void eventTypes(SheetCursor cursor, WeeklyReport report) {
		if (report.eventTypes().isEmpty()) {
			return;
		}
		cursor.section(this.labels.get("section.event-types"));
		XSSFRow header = cursor.next();
		this.cells.header(header, 0, this.labels.term("source"), this.labels.term("stage"),
				this.labels.get("column.event-type"), this.labels.thisWeek(report.header().week()),
				this.labels.lastWeek(report.header().week()), this.labels.term("change"),
				this.labels.get("column.percent"), this.labels.get("column.flag"));
		this.cells.numberHeaders(header, 3, 6);
		this.cells.flagHeader(header, 7);
		int first = cursor.row();
		for (EventTypeSplit split : report.eventTypes()) {
			XSSFRow line = cursor.next();
			this.cells.wrapped(line, 0, this.labels.source(split.source()));
			this.cells.wrapped(line, 1, this.labels.stage(split.stage()));
			this.cells.wrapped(line, 2, this.labels.eventType(split.eventType()));
			this.cells.weekOverWeek(line, 3, split.counts(), this.labels.newFlag());
		}
		cursor.endTable(first, 5, 6);
	}

}
