package io.pushloss.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.ReportText;
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

	private final Labels labels;

	ReportWorkbook(int rawRowWindow, int rawRowsPerSheet, ReportText text) {
		this.rawRowWindow = rawRowWindow;
		this.rawRowsPerSheet = rawRowsPerSheet;
		this.labels = new Labels(text);
	}

	void write(WeeklyReport report, RawRowSource raw, Instant createdTime, OutputStream out) throws IOException {
		XSSFWorkbook charted = new XSSFWorkbook();
		ReportStreamingWorkbook workbook = null;
		try {
			Cells cells = new Cells(charted);
			Labels labels = this.labels;
			SummarySheet summary = new SummarySheet(cells, labels);
			summary.write(charted.createSheet(labels.sheet("summary")), report);
			String title = summary.pageTitle(report);
			BreakdownSheets breakdowns = new BreakdownSheets(cells, labels, title);
			breakdowns.vendors(charted.createSheet(labels.sheet("vendors")), report);
			breakdowns.codes(charted.createSheet(labels.sheet("codes")), report);
			breakdowns.tasks(charted.createSheet(labels.sheet("tasks")), report);
			breakdowns.taskCodes(charted.createSheet(labels.sheet("taskCodes")), report);
			new TrendSheet(cells, labels).write(charted.createSheet(labels.sheet("trend")), report, title);
			properties(charted.getProperties(), report, createdTime, labels, title);

			workbook = new ReportStreamingWorkbook(charted, this.rawRowWindow);
			RawSheets rawSheets = new RawSheets(workbook, cells, labels, report.header().zone(), this.rawRowsPerSheet,
					title);
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

	private static void properties(POIXMLProperties properties, WeeklyReport report, Instant createdTime,
			Labels labels, String title) {
		ReportHeader header = report.header();
		POIXMLProperties.CoreProperties core = properties.getCoreProperties();
		core.setTitle(title);
		core.setSubjectProperty(labels.get("document.subject", String.valueOf(header.sdkAppId()),
				labels.week(header.week()), labels.week(header.previousWeek()))
				+ (report.partial() ? " (" + labels.term("partial") + ")" : ""));
		core.setCreator(CREATOR);
		core.setKeywords("push loss, " + header.jobName() + ", " + header.week());
		core.setCreated(Optional.of(Date.from(createdTime)));
		core.setModified(Optional.of(Date.from(createdTime)));
		properties.getExtendedProperties().setApplication(CREATOR);
	}

}
