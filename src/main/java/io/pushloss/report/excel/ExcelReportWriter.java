package io.pushloss.report.excel;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Objects;

import org.apache.poi.ss.SpreadsheetVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.pushloss.analysis.ReportTexts;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.PrivateFiles;
import io.pushloss.report.RehearsalReport;
import io.pushloss.store.RawRowSource;

/**
 * Writes a weekly report as an Excel workbook ({@code push-loss-<job>-<week>.xlsx}): Summary (with a native bar
 * chart), By vendor, By error code, By task, Task codes, Trend (with a native line chart) and Raw, the week's
 * stored rows streamed from the source into the file so that a million rows need no more than a few windows' rows
 * of heap.
 *
 * <p>
 * The file appears atomically: the workbook is written to a temporary file in the target folder and then moved
 * over the target, so a reader never sees half a workbook and a failed run leaves the previous file in place.
 */
@Component
public class ExcelReportWriter {

	/**
	 * Rows POI keeps in memory per streamed sheet before writing them out. The Raw rows bypass POI's row objects
	 * (they are written as XML while the file is written), so this bounds only rows added through POI.
	 */
	public static final int RAW_ROW_WINDOW = 500;

	/** Data rows per Raw sheet: Excel's 1,048,576 rows minus the header row. */
	public static final int RAW_ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

	private static final Logger logger = LoggerFactory.getLogger(ExcelReportWriter.class);

	private final int rawRowWindow;

	private final int rawRowsPerSheet;

	private final ReportTexts texts;

	private volatile boolean warm;

	/** A writer with the bundled texts (tools and tests). */
	public ExcelReportWriter() {
		this(ReportTexts.bundled());
	}

	/**
	 * A writer whose workbooks speak the report's language ({@code ReportHeader#locale()}) in the given texts.
	 * @param texts the report's words per language
	 */
	@Autowired
	public ExcelReportWriter(ReportTexts texts) {
		this(RAW_ROW_WINDOW, RAW_ROWS_PER_SHEET, texts);
	}

	/** For tests: a small sheet limit shows the overflow onto Raw (2) without a million rows. */
	ExcelReportWriter(int rawRowWindow, int rawRowsPerSheet) {
		this(rawRowWindow, rawRowsPerSheet, ReportTexts.bundled());
	}

	private ExcelReportWriter(int rawRowWindow, int rawRowsPerSheet, ReportTexts texts) {
		if (rawRowWindow < 1 || rawRowsPerSheet < 1 || rawRowsPerSheet > RAW_ROWS_PER_SHEET) {
			throw new IllegalArgumentException(
					"raw row window " + rawRowWindow + " or rows per sheet " + rawRowsPerSheet + " out of range");
		}
		this.rawRowWindow = rawRowWindow;
		this.rawRowsPerSheet = rawRowsPerSheet;
		this.texts = Objects.requireNonNull(texts, "texts");
	}

	/** {@code push-loss-<job>-<week>.xlsx}. */
	public static String fileName(WeeklyReport report) {
		return "push-loss-" + report.header().jobName() + "-" + report.header().week() + ".xlsx";
	}

	/**
	 * Writes the workbook.
	 * @param report the report
	 * @param raw the week's stored rows, for the Raw sheet
	 * @param target the file to write ({@code ReportDocuments.excel()}), or an existing folder to write
	 * {@link #fileName(WeeklyReport)} into; missing parent folders are created
	 * @param createdTime the document's created time (fixed for reproducible samples)
	 * @return the file written
	 * @throws ExcelReportException when the file cannot be written; the target is then untouched
	 */
	public Path write(WeeklyReport report, RawRowSource raw, Path target, Instant createdTime) {
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(raw, "raw");
		Objects.requireNonNull(createdTime, "createdTime");
		Path file = Files.isDirectory(target) ? target.resolve(fileName(report)) : target;
		Path temp = null;
		try {
			Path folder = file.toAbsolutePath().getParent();
			// a link planted in the folder's place would send the workbook elsewhere
			PrivateFiles.writableFolder(folder);
			temp = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
				new ReportWorkbook(this.rawRowWindow, this.rawRowsPerSheet,
						this.texts.in(report.header().locale())).write(report, raw, createdTime, out);
			}
			move(temp, file);
			temp = null;
			this.warm = true;
			logger.info("Wrote Excel report of job '{}' for {} to {}", report.header().jobName(),
					report.header().week(), file);
			return file;
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof ExcelReportException written) {
				throw written;
			}
			throw new ExcelReportException(report.header().jobName(), report.header().week().toString(), file, ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/**
	 * Whether a workbook has been written in this process (by {@link #warmUp()} or {@link #write}): the sheet, style,
	 * chart and zip classes are loaded and compiled.
	 */
	public boolean isWarm() {
		return this.warm;
	}

	/**
	 * Does the one-time work of the first workbook ahead of it, meant for a background thread while the data is
	 * fetched: writes the workbook of a tiny made-up report, to no file,
	 * which loads POI's sheet, style, chart and XML classes (about half a second of the first workbook on an idle
	 * machine). Never throws: a failure is logged in one line, and {@code write} meets and reports it as usual.
	 * @return whether the writer is now warm
	 */
	public boolean warmUp() {
		long start = System.nanoTime();
		try {
			WeeklyReport rehearsal = RehearsalReport.create();
			new ReportWorkbook(this.rawRowWindow, this.rawRowsPerSheet, this.texts.in(rehearsal.header().locale()))
				.write(rehearsal, RawRowSource.empty(), rehearsal.header().generatedAt(), OutputStream.nullOutputStream());
			this.warm = true;
			logger.debug("Warmed up the Excel writer in {} ms", (System.nanoTime() - start) / 1_000_000);
			return true;
		}
		catch (IOException | RuntimeException | LinkageError ex) {
			logger.warn("Could not warm up the Excel writer (the first workbook will load it and report any error): {}",
					(ex.getMessage() != null) ? ex.getMessage() : ex.toString());
			logger.debug("Excel writer warm-up failure", ex);
			return false;
		}
	}

	private static void move(Path temp, Path file) throws IOException {
		try {
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(Path temp) {
		if (temp == null) {
			return;
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ex) {
			logger.warn("Could not delete temporary file {}: {}", temp, ex.getMessage());
		}
	}

}
