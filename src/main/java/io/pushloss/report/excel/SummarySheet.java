package io.pushloss.report.excel;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

import io.pushloss.analysis.Completeness.WeekCompleteness;
import io.pushloss.analysis.EventTypeSplit;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.WeeklyReport;

/**
 * The Summary sheet: title, PARTIAL banner, totals per source and stage, online / offline split, loss per vendor
 * with bar charts, completeness, anomalies and top movers.
 */
final class SummarySheet {

	static final String NAME = "Summary";

	static final String EMPTY_WEEK = "No pushes were lost in this week or the previous one.";

	/** The row that names the Raw sheets, filled in once the raw rows are streamed. */
	static final int RAW_ROW = 3;

	/** The banner and the sheet's tables span columns A to L. */
	static final int LAST_COLUMN = 11;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Cells cells;

	private XSSFSheet sheet;

	SummarySheet(Cells cells) {
		this.cells = cells;
	}

	void write(XSSFSheet sheet, WeeklyReport report) {
		this.sheet = sheet;
		SheetLayout.widths(sheet, 18, 18, 18, 16, 36, 13, 13, 12, 11, 14, 22, 70);
		title(report.header());
		SheetCursor cursor = new SheetCursor(sheet, this.cells, RAW_ROW + 1);
		if (report.partial()) {
			partialBanner(cursor, report);
		}
		if (report.empty()) {
			this.cells.styled(cursor.next(), 0, EMPTY_WEEK, this.cells.noticeStyle());
		}
		cursor.skip();
		totals(cursor, report);
		eventTypes(cursor, report);
		VendorChartSection.write(cursor, report);
		CompletenessSection.write(cursor, report);
		CodeSections.anomalies(cursor, report);
		CodeSections.movers(cursor, report);
	}

	/** Says how many stored rows the Raw sheets hold. */
	void rawRows(long count, List<String> sheetNames) {
		String where = (sheetNames.size() == 1) ? "sheet " + sheetNames.get(0)
				: "sheets " + String.join(", ", sheetNames);
		this.cells.styled(this.sheet.getRow(RAW_ROW), 0, String.format("Stored rows of the week: %,d (%s)", count,
				where), this.cells.subtitleStyle());
	}

	private void title(ReportHeader header) {
		LocalDate first = (header.firstDay() != null) ? header.firstDay() : header.week().monday();
		LocalDate last = (header.lastDay() != null) ? header.lastDay() : header.week().sunday();
		XSSFRow titleRow = this.sheet.createRow(0);
		titleRow.setHeightInPoints(24);
		this.cells.styled(titleRow, 0, "Push-loss weekly report: " + header.jobName(), this.cells.titleStyle());
		this.cells.styled(this.sheet.createRow(1), 0,
				String.format("%s, Monday %s to Sunday %s (%s), compared with %s", header.week(), first, last,
						header.zone().getId(), header.previousWeek()),
				this.cells.subtitleStyle());
		String baseline = header.baselineWeeks().isEmpty() ? "no baseline weeks"
				: "baseline " + header.baselineWeeks().get(header.baselineWeeks().size() - 1) + " to "
						+ header.baselineWeeks().get(0);
		this.cells.styled(this.sheet.createRow(2), 0,
				String.format("SDKAppID %d, %s, computed %s %s", header.sdkAppId(), baseline,
						MINUTES.format(LocalDateTime.ofInstant(header.generatedAt(), header.zone())),
						header.zone().getId()),
				this.cells.subtitleStyle());
		this.sheet.createRow(RAW_ROW);
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
		this.cells.styled(banner, 0, String.format(
				"PARTIAL: %,d of %,d planned windows are missing (see Completeness); the figures are incomplete.",
				missing, planned), this.cells.bannerStyle());
		for (int column = 1; column <= LAST_COLUMN; column++) {
			banner.createCell(column).setCellStyle(this.cells.bannerStyle());
		}
		this.sheet.addMergedRegion(new CellRangeAddress(banner.getRowNum(), banner.getRowNum(), 0, LAST_COLUMN));
	}

	private void totals(SheetCursor cursor, WeeklyReport report) {
		cursor.section("Lost pushes per source and stage");
		this.cells.header(cursor.next(), 0, "Source", "Stage", Labels.thisWeek(report.header().week()),
				Labels.lastWeek(report.header().week()), "Delta", "% change");
		int first = cursor.row();
		for (StageTotal total : report.totals()) {
			XSSFRow line = cursor.next();
			this.cells.text(line, 0, total.source().displayName());
			this.cells.text(line, 1, total.stage().label());
			this.cells.weekOverWeek(line, 2, total.counts());
		}
		cursor.endTable(first, 4, 5);
	}

	private void eventTypes(SheetCursor cursor, WeeklyReport report) {
		if (report.eventTypes().isEmpty()) {
			return;
		}
		cursor.section("Online / offline");
		this.cells.header(cursor.next(), 0, "Source", "Stage", "Event type", Labels.thisWeek(report.header().week()),
				Labels.lastWeek(report.header().week()), "Delta", "% change");
		int first = cursor.row();
		for (EventTypeSplit split : report.eventTypes()) {
			XSSFRow line = cursor.next();
			this.cells.text(line, 0, split.source().displayName());
			this.cells.text(line, 1, split.stage().label());
			this.cells.text(line, 2, split.eventType().displayName());
			this.cells.weekOverWeek(line, 3, split.counts());
		}
		cursor.endTable(first, 5, 6);
	}

}
