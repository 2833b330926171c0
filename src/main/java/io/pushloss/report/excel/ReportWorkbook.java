package io.pushloss.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.store.RawRowSource;

/**
 * Builds the workbook of one report and writes it to a stream.
 *
 * <p>
 * The charted sheets are ordinary XSSF sheets (charts need the full object model); the workbook is then wrapped in
 * a {@link ReportStreamingWorkbook} so that the Raw sheets, created through the wrapper, write their rows while the
 * file is written: the rows go from the store into the zip stream with no temporary file in between.
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
		ReportStreamingWorkbook workbook = null;
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

			workbook = new ReportStreamingWorkbook(charted, this.rawRowWindow);
			RawSheets rawSheets = new RawSheets(workbook, cells, report.header().zone(), this.rawRowsPerSheet);
			rawSheets.plan(raw);
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
