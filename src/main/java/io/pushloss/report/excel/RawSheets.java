package io.pushloss.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.xssf.streaming.SXSSFSheet;

import io.pushloss.store.RawRowSource;
import io.pushloss.store.StoredLossRow;

/**
 * The Raw sheets: every stored row of the week, written while the workbook is written, straight from the store into
 * the file ({@link RawRowsXml}), so that only a window's rows are in memory and there is no temporary file. A sheet
 * holds at most {@code rowsPerSheet} data rows (Excel's limit is 1,048,576 rows including the header); further rows
 * continue on "Raw (2)", "Raw (3)" ... The sheets are laid out from the source's count before anything is written,
 * and writing fails with {@link RawRowsChangedException} when the rows read do not match it.
 */
final class RawSheets {

	/** How many columns a Raw sheet has. */
	static final int COLUMNS = 10;

	/** The column headers: window start and end, source, task, stage, event type, vendor, code, count, info. */
	static List<String> columns(Labels labels) {
		return List.of(labels.get("column.window-start"), labels.get("column.window-end"), labels.term("source"),
				labels.term("task"), labels.term("stage"), labels.get("column.event-type"), labels.term("vendor"),
				labels.term("code"), labels.get("column.count"), labels.get("column.info"));
	}

	/**
	 * The rows of a Raw sheet that print (its print area): the sheet is for filtering, and a week's rows would
	 * print as hundreds of pages. Clearing the print area prints them all.
	 */
	static final int PRINTED_ROWS = 100;

	private final ReportStreamingWorkbook workbook;

	private final RawRowsXml xml;

	private final Labels labels;

	private final String title;

	private final int rowsPerSheet;

	private final List<String> sheetNames = new ArrayList<>();

	private RawRowSource source;

	private Iterator<StoredLossRow> rows;

	private long read;

	RawSheets(ReportStreamingWorkbook workbook, Cells cells, Labels labels, ZoneId zone, int rowsPerSheet,
			String title) {
		this.workbook = workbook;
		this.labels = labels;
		this.title = title;
		this.xml = new RawRowsXml(cells, labels, zone);
		this.rowsPerSheet = rowsPerSheet;
	}

	/**
	 * Creates the Raw sheets for the source's rows; the rows are read when the workbook is written. The Raw sheet
	 * exists (with its header) even when there is no row.
	 */
	void plan(RawRowSource rawRows) {
		this.source = rawRows;
		long total = rawRows.count();
		if (total < 0) {
			throw new IllegalArgumentException("Raw row count " + total + " is negative");
		}
		long sheets = Math.max(1, (total + this.rowsPerSheet - 1) / this.rowsPerSheet);
		for (long i = 0; i < sheets; i++) {
			String name = this.labels.rawSheet((int) i + 1);
			SXSSFSheet sheet = this.workbook.createSheet(name);
			this.sheetNames.add(name);
			int rowsInSheet = (int) Math.min(this.rowsPerSheet, total - i * this.rowsPerSheet);
			boolean last = i == sheets - 1;
			SheetLayout.widths(sheet, 17, 17, 12, 24, 24, 24, 15, 14, 10, 50);
			SheetLayout.table(sheet, 0, rowsInSheet, COLUMNS - 1);
			SheetLayout.print(sheet, 1, this.title, this.labels.get("footer"));
			int printed = Math.min(rowsInSheet, PRINTED_ROWS);
			this.workbook.setPrintArea(this.workbook.getSheetIndex(sheet), 0, COLUMNS - 1, 0, printed);
			this.workbook.writeRowsWith(sheet, (out) -> writeRows(out, rowsInSheet, last));
		}
	}

	/** How many rows the sheets hold. */
	long count() {
		return this.source.count();
	}

	/** The Raw sheets' names, in order. */
	List<String> sheetNames() {
		return List.copyOf(this.sheetNames);
	}

	private void writeRows(OutputStream out, int rowsInSheet, boolean last) throws IOException {
		if (this.rows == null) {
			this.rows = this.source.rows();
		}
		int written = this.xml.write(out, this.rows, rowsInSheet);
		this.read += written;
		if (written < rowsInSheet) {
			throw new RawRowsChangedException(this.source.count(), this.read);
		}
		if (last && this.rows.hasNext()) {
			throw new RawRowsChangedException(this.source.count(), this.read + 1);
		}
	}

}
