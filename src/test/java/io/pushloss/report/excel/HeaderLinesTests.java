package io.pushloss.report.excel;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Column headers break between words only: at spaces (never after the hyphen of a week), at the bundles' line
 * breaks, and the column is widened until its longest word fits.
 */
class HeaderLinesTests {

	@Test
	void breaksAnEnglishHeaderAtTheSpaceBeforeTheWeekNotAtItsHyphen() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet();
			sheet.setColumnWidth(0, 11 * 256);
			assertThat(Cells.headerLines(sheet, 0, "Last week (2026-W45)")).isEqualTo("Last week\n(2026-W45)");
			assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(13 * 256);
		}
	}

	@Test
	void widensTheColumnUntilItsLongestWordFits() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet();
			sheet.setColumnWidth(0, 6 * 256);
			assertThat(Cells.headerLines(sheet, 0, "Missing windows")).isEqualTo("Missing\nwindows");
			assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(9 * 256);
			sheet.setColumnWidth(1, 30 * 256);
			assertThat(Cells.headerLines(sheet, 1, "Missing windows")).isEqualTo("Missing windows");
			assertThat(sheet.getColumnWidth(1)).isEqualTo(30 * 256);
		}
	}

	@Test
	void keepsEachLineOfAChineseHeaderWholeCountingItsCharactersTwice() throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet();
			sheet.setColumnWidth(0, 8 * 256);
			assertThat(Cells.headerLines(sheet, 0, "本周\n2026年第46周")).isEqualTo("本周\n2026年第46周");
			// 2026年第46周 is 12 characters wide
			assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(14 * 256);
		}
	}

}
