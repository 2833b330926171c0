package io.pushloss.report.excel;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Writes sections one below the other on a sheet (the Summary), keeping track of the next free row.
 */
final class SheetCursor {

	private final XSSFSheet sheet;

	private final Cells cells;

	private final Labels labels;

	private int row;

	SheetCursor(XSSFSheet sheet, Cells cells, Labels labels, int firstRow) {
		this.sheet = sheet;
		this.cells = cells;
		this.labels = labels;
		this.row = firstRow;
	}

	Labels labels() {
		return this.labels;
	}

	XSSFSheet sheet() {
		return this.sheet;
	}

	Cells cells() {
		return this.cells;
	}

	/** The next free row's index. */
	int row() {
		return this.row;
	}

	/** Creates the next row. */
	XSSFRow next() {
		return this.sheet.createRow(this.row++);
	}

	/** Leaves a blank row. */
	void skip() {
		this.row++;
	}

	/** Writes a section title. */
	void section(String title) {
		this.cells.styled(next(), 0, title, this.cells.sectionStyle());
	}

	/** Leaves {@code rows} blank rows and returns the first of them. */
	int reserve(int rows) {
		int first = this.row;
		this.row += rows;
		return first;
	}

	/** Colours the delta columns of the rows written since {@code firstRow}, then leaves a blank row. */
	void endTable(int firstRow, int... deltaColumns) {
		SheetLayout.deltaColours(this.sheet, firstRow, this.row - 1, deltaColumns);
		skip();
	}

}
