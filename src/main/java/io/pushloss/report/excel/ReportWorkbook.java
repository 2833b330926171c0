package io.pushloss.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.WeeklyReport;

/**
 * Builds the workbook of one report and writes it to a stream.
 *
 * <p>
 * The charted sheets are ordinary XSSF sheets (charts need the full object model); the workbook is then wrapped in
 * a {@link DeferredSXSSFWorkbook} so that the Raw sheets, created through the wrapper, generate their rows while the
 * file is written: the rows go from the store into the zip stream with no temporary file in between.
 * <p>
 * The zip entries are deflated at level {@value #DEFLATE_LEVEL} rather than the default 6: on a week of 400,000
 * raw rows that writes the workbook in about two thirds of the time for a file some 8% larger.
 */
final class ReportWorkbook {

	static final String CREATOR = "Push-Loss Weekly Report";

	static final int DEFLATE_LEVEL = 3;

	private final int rawRowWindow;

	private final int rawRowsPerSheet;

	ReportWorkbook(int rawRowWindow, int rawRowsPerSheet) {
		this.rawRowWindow = rawRowWindow;
		this.rawRowsPerSheet = rawRowsPerSheet;
	}

	void write(WeeklyReport report, RawRowSource raw, Instant createdTime, OutputStream out) throws IOException {
		XSSFWorkbook charted = new XSSFWorkbook();
		DeferredSXSSFWorkbook workbook = null;
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

			workbook = new FastDeflatingWorkbook(charted, this.rawRowWindow);
			RawSheets rawSheets = new RawSheets(workbook, cells, report.header().zone(), this.rawRowsPerSheet);
			rawSheets.plan(raw);
			summary.rawRows(rawSheets.count(), rawSheets.sheetNames());
			workbook.setActiveSheet(0);
			writeGenerated(workbook, out);
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

	/**
	 * POI reports any failure of a row generator as "Error generating Excel rows"; the cause (the store could not be
	 * read, the rows changed) is what an operator needs to see.
	 */
	private static void writeGenerated(DeferredSXSSFWorkbook workbook, OutputStream out) throws IOException {
		try {
			workbook.write(out);
		}
		catch (IOException ex) {
			for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
			}
			throw ex;
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

	/** Deflates the workbook's zip entries at {@link #DEFLATE_LEVEL}. */
	private static final class FastDeflatingWorkbook extends DeferredSXSSFWorkbook {

		FastDeflatingWorkbook(XSSFWorkbook workbook, int rowAccessWindowSize) {
			super(workbook, rowAccessWindowSize);
		}

		@Override
		protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
			ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
			zip.setLevel(DEFLATE_LEVEL);
			return zip;
		}

	}

}
