package io.pushloss.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.WeeklyReport;

/**
 * Builds the workbook of one report and writes it to a stream.
 *
 * <p>
 * The charted sheets are ordinary XSSF sheets (charts need the full object model); the workbook is then wrapped in
 * an {@link SXSSFWorkbook} so that only the Raw sheets, created through the wrapper, stream their rows to a
 * temporary file instead of keeping them in memory.
 */
final class ReportWorkbook {

	static final String CREATOR = "Push-Loss Weekly Report";

	private final int rawRowWindow;

	private final int rawRowsPerSheet;

	ReportWorkbook(int rawRowWindow, int rawRowsPerSheet) {
		this.rawRowWindow = rawRowWindow;
		this.rawRowsPerSheet = rawRowsPerSheet;
	}

	void write(WeeklyReport report, RawRowSource raw, Instant createdTime, OutputStream out) throws IOException {
		XSSFWorkbook charted = new XSSFWorkbook();
		SXSSFWorkbook workbook = null;
		try {
			Cells cells = new Cells(charted);
			SummarySheet summary = new SummarySheet(cells);
			summary.write(charted.createSheet(SummarySheet.NAME), report);
			BreakdownSheets breakdowns = new BreakdownSheets(cells);
			breakdowns.vendors(charted.createSheet(BreakdownSheets.VENDORS), report);
			breakdowns.codes(charted.createSheet(BreakdownSheets.CODES), report);
			breakdowns.tasks(charted.createSheet(BreakdownSheets.TASKS), report);
			breakdowns.taskCodes(charted.createSheet(BreakdownSheets.TASK_CODES), report);
			new TrendSheet(cells).write(charted.createSheet(TrendSheet.NAME), report);
			properties(charted.getProperties(), report, createdTime);

			// compressed temporary files: a million raw rows are some 200 MB of XML otherwise
			workbook = new SXSSFWorkbook(charted, this.rawRowWindow, true);
			RawSheets rawSheets = new RawSheets(workbook, cells, report.header().zone(), this.rawRowsPerSheet);
			rawSheets.write(raw);
			summary.rawRows(rawSheets.count(), rawSheets.sheetNames());
			workbook.setActiveSheet(0);
			workbook.write(out);
		}
		finally {
			if (workbook != null) {
				workbook.dispose();
				workbook.close();
			}
			else {
				charted.close();
			}
		}
	}

	private static void properties(POIXMLProperties properties, WeeklyReport report, Instant createdTime) {
		ReportHeader header = report.header();
		POIXMLProperties.CoreProperties core = properties.getCoreProperties();
		core.setTitle("Push-loss weekly report: " + header.jobName() + ", " + header.week());
		core.setSubjectProperty("Lost pushes of SDKAppID " + header.sdkAppId() + " in " + header.week()
				+ " compared with " + header.previousWeek() + (report.partial() ? " (PARTIAL)" : ""));
		core.setCreator(CREATOR);
		core.setKeywords("push loss, " + header.jobName() + ", " + header.week());
		core.setCreated(Optional.of(Date.from(createdTime)));
		core.setModified(Optional.of(Date.from(createdTime)));
		properties.getExtendedProperties().setApplication(CREATOR);
	}

}
