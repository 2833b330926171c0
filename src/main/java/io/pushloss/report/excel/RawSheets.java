package io.pushloss.report.excel;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import io.pushloss.store.StoredLossRow;

/**
 * Streams every stored row of the week onto the Raw sheet through SXSSF: only the last few hundred rows stay in
 * memory, the rest is flushed to a temporary file. A sheet holds at most {@code rowsPerSheet} data rows (Excel's
 * limit is 1,048,576 rows including the header); further rows continue on "Raw (2)", "Raw (3)" ...
 */
final class RawSheets {

	static final String NAME = "Raw";

	static final String[] COLUMNS = { "Window start", "Window end", "Source", "Task", "Stage", "Event type", "Vendor",
			"Code", "Count", "Info" };

	private final SXSSFWorkbook workbook;

	private final Cells cells;

	private final ZoneId zone;

	private final int rowsPerSheet;

	private final List<String> sheetNames = new ArrayList<>();

	private SXSSFSheet sheet;

	private int row;

	private long count;

	/** The last converted window bound: rows of one window come together, so most conversions are skipped. */
	private Instant lastInstant;

	private LocalDateTime lastLocal;

	RawSheets(SXSSFWorkbook workbook, Cells cells, ZoneId zone, int rowsPerSheet) {
		this.workbook = workbook;
		this.cells = cells;
		this.zone = zone;
		this.rowsPerSheet = rowsPerSheet;
	}

	/** Writes every row of the source; the Raw sheet exists (with its header) even when there is none. */
	void write(RawRowSource source) {
		newSheet();
		source.forEach(this::append);
		finishSheet();
	}

	/** How many rows were written. */
	long count() {
		return this.count;
	}

	/** The Raw sheets' names, in order. */
	List<String> sheetNames() {
		return List.copyOf(this.sheetNames);
	}

	private void append(StoredLossRow stored) {
		if (this.row > this.rowsPerSheet) {
			finishSheet();
			newSheet();
		}
		Row line = this.sheet.createRow(this.row++);
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
		this.count++;
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

	private void newSheet() {
		String name = this.sheetNames.isEmpty() ? NAME : NAME + " (" + (this.sheetNames.size() + 1) + ")";
		this.sheet = this.workbook.createSheet(name);
		this.sheetNames.add(name);
		SheetLayout.widths(this.sheet, 17, 17, 14, 28, 18, 12, 14, 14, 12, 60);
		this.cells.header(this.sheet.createRow(0), 0, COLUMNS);
		this.row = 1;
	}

	private void finishSheet() {
		SheetLayout.table(this.sheet, 0, Math.max(this.row - 1, 0), COLUMNS.length - 1);
	}

}
