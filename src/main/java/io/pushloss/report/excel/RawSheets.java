package io.pushloss.report.excel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;

import io.pushloss.store.StoredLossRow;

/**
 * The Raw sheets: every stored row of the week, generated while the workbook is written (POI's deferred streaming)
 * so that the rows go straight from the store into the file, with only the last few hundred rows in memory and no
 * temporary file. A sheet holds at most {@code rowsPerSheet} data rows (Excel's limit is 1,048,576 rows including
 * the header); further rows continue on "Raw (2)", "Raw (3)" ... The sheets are laid out from the source's count
 * before anything is written, and writing fails with {@link RawRowsChangedException} when the rows read do not
 * match it.
 */
final class RawSheets {

	static final String NAME = "Raw";

	static final String[] COLUMNS = { "Window start", "Window end", "Source", "Task", "Stage", "Event type", "Vendor",
			"Code", "Count", "Info" };

	private final DeferredSXSSFWorkbook workbook;

	private final Cells cells;

	private final ZoneId zone;

	private final int rowsPerSheet;

	private final List<String> sheetNames = new ArrayList<>();

	private RawRowSource source;

	private Iterator<StoredLossRow> rows;

	private long read;

	/** The last converted window bound: rows of one window come together, so most conversions are skipped. */
	private Instant lastInstant;

	private LocalDateTime lastLocal;

	RawSheets(DeferredSXSSFWorkbook workbook, Cells cells, ZoneId zone, int rowsPerSheet) {
		this.workbook = workbook;
		this.cells = cells;
		this.zone = zone;
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
			String name = (i == 0) ? NAME : NAME + " (" + (i + 1) + ")";
			DeferredSXSSFSheet sheet = this.workbook.createSheet(name);
			this.sheetNames.add(name);
			int rowsInSheet = (int) Math.min(this.rowsPerSheet, total - i * this.rowsPerSheet);
			boolean last = i == sheets - 1;
			SheetLayout.widths(sheet, 17, 17, 14, 28, 18, 12, 14, 14, 12, 60);
			SheetLayout.table(sheet, 0, rowsInSheet, COLUMNS.length - 1);
			sheet.setRowGenerator((generated) -> generate(generated, rowsInSheet, last));
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

	private void generate(SXSSFSheet sheet, int rowsInSheet, boolean last) {
		if (this.rows == null) {
			this.rows = this.source.rows();
		}
		this.cells.header(sheet.createRow(0), 0, COLUMNS);
		for (int row = 1; row <= rowsInSheet; row++) {
			if (!this.rows.hasNext()) {
				throw new RawRowsChangedException(this.source.count(), this.read);
			}
			append(sheet.createRow(row), this.rows.next());
		}
		if (last && this.rows.hasNext()) {
			throw new RawRowsChangedException(this.source.count(), this.read + 1);
		}
	}

	private void append(Row line, StoredLossRow stored) {
		bound(line, 0, stored.windowStart());
		bound(line, 1, stored.windowEnd());
		this.cells.text(line, 2, (stored.source() != null) ? stored.source().displayName() : "");
		this.cells.text(line, 3, stored.taskId());
		this.cells.text(line, 4, (stored.stage() != null) ? stored.stage().label() : "");
		this.cells.text(line, 5, (stored.eventType() != null) ? stored.eventType().displayName() : "");
		this.cells.text(line, 6, Labels.vendor(stored.vendor()));
		this.cells.text(line, 7, stored.errCode());
		this.cells.count(line, 8, stored.errCount());
		this.cells.text(line, 9, stored.errInfo());
		this.read++;
	}

	private void bound(Row line, int column, Instant instant) {
		if (instant == null) {
			line.createCell(column);
			return;
		}
		if (!instant.equals(this.lastInstant)) {
			this.lastLocal = LocalDateTime.ofInstant(instant, this.zone);
			this.lastInstant = instant;
		}
		this.cells.dateTime(line, column, this.lastLocal);
	}

}
