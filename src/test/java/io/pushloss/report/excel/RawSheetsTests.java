package io.pushloss.report.excel;

import java.nio.file.Path;
import java.time.Instant;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.SampleReports;

import static io.pushloss.report.excel.WorkbookReading.number;
import static io.pushloss.report.excel.WorkbookReading.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RawSheetsTests {

	@TempDir
	Path folder;

	@Test
	void continuesOnRawTwoAndThreeBeyondTheRowsPerSheet() throws Exception {
		ExcelReportWriter writer = new ExcelReportWriter(5, 10);
		Path file = writer.write(SampleReports.typicalWeek(), RawRowFixtures.generated(25), this.folder,
				Instant.parse("2026-11-16T02:00:00Z"));
		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			Sheet first = workbook.getSheet("Raw");
			Sheet second = workbook.getSheet("Raw (2)");
			Sheet third = workbook.getSheet("Raw (3)");
			assertThat(first.getLastRowNum()).isEqualTo(10);
			assertThat(second.getLastRowNum()).isEqualTo(10);
			assertThat(third.getLastRowNum()).isEqualTo(5);
			assertThat(text(second.getRow(0), 0)).isEqualTo("Window start");
			assertThat(number(second.getRow(1), 8)).isEqualTo(RawRowFixtures.row(10).errCount());
			assertThat(number(third.getRow(5), 8)).isEqualTo(RawRowFixtures.row(24).errCount());
			assertThat(text(workbook.getSheet("Summary").getRow(SummarySheet.RAW_ROW), 0))
				.isEqualTo("Stored rows of the week: 25 (sheets Raw, Raw (2), Raw (3))");
			// the charted sheets written before the streamed ones keep their content and charts
			assertThat(workbook.getSheet("Trend").getDrawingPatriarch().getCharts()).isNotEmpty();
			assertThat(workbook.getSheet("By error code").getLastRowNum()).isEqualTo(14);
		}
	}

	@Test
	void refusesMoreRowsPerSheetThanExcelAllows() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ExcelReportWriter(500, 1_048_576));
		assertThat(ExcelReportWriter.RAW_ROWS_PER_SHEET).isEqualTo(1_048_575);
	}

}
