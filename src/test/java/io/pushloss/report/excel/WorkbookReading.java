package io.pushloss.report.excel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Reads a written workbook back with POI for assertions.
 */
final class WorkbookReading {

	private WorkbookReading() {
	}

	static XSSFWorkbook open(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return new XSSFWorkbook(in);
		}
	}

	/** The first row (from {@code fromRow}) whose leading cells hold the given texts. */
	static Row row(Sheet sheet, int fromRow, String... leading) {
		for (int i = fromRow; i <= sheet.getLastRowNum(); i++) {
			Row row = sheet.getRow(i);
			if (row != null && startsWith(row, leading)) {
				return row;
			}
		}
		return fail("no row starting with %s on sheet %s", String.join(" | ", leading), sheet.getSheetName());
	}

	static Row row(Sheet sheet, String... leading) {
		return row(sheet, 0, leading);
	}

	/** The row below a section title on the Summary sheet whose leading cells hold the given texts. */
	static Row rowInSection(Sheet sheet, String section, String... leading) {
		return row(sheet, row(sheet, section).getRowNum() + 1, leading);
	}

	static String text(Row row, int column) {
		Cell cell = row.getCell(column);
		assertThat(cell).as("cell %d of row %d", column, row.getRowNum()).isNotNull();
		assertThat(cell.getCellType()).as("type of cell %d of row %d", column, row.getRowNum())
			.isEqualTo(CellType.STRING);
		return cell.getStringCellValue();
	}

	static double number(Row row, int column) {
		Cell cell = row.getCell(column);
		assertThat(cell).as("cell %d of row %d", column, row.getRowNum()).isNotNull();
		assertThat(cell.getCellType()).as("type of cell %d of row %d", column, row.getRowNum())
			.isEqualTo(CellType.NUMERIC);
		return cell.getNumericCellValue();
	}

	static String format(Row row, int column) {
		return row.getCell(column).getCellStyle().getDataFormatString();
	}

	private static boolean startsWith(Row row, String... leading) {
		for (int i = 0; i < leading.length; i++) {
			Cell cell = row.getCell(i);
			if (cell == null || cell.getCellType() != CellType.STRING
					|| !cell.getStringCellValue().equals(leading[i])) {
				return false;
			}
		}
		return true;
	}

}
