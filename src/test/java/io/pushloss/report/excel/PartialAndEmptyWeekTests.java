package io.pushloss.report.excel;

import io.pushloss.analysis.CodeStatus;
import io.pushloss.domain.Stage;
import io.pushloss.analysis.ReportText;
import java.util.Locale;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;

import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.store.RawRowSource;

import static io.pushloss.report.excel.WorkbookReading.number;
import static io.pushloss.report.excel.WorkbookReading.row;
import static io.pushloss.report.excel.WorkbookReading.rowInSection;
import static io.pushloss.report.excel.WorkbookReading.text;
import static org.assertj.core.api.Assertions.assertThat;

class PartialAndEmptyWeekTests {

	static final ReportText EN = ReportText.bundled(Locale.ENGLISH);

	static final Instant CREATED = Instant.parse("2026-11-16T02:00:00Z");

	@TempDir
	Path folder;

	@Test
	void showsARedPartialBannerAndTheMissingRanges() throws Exception {
		WeeklyReport report = SampleReports.partialWeek();
		Path file = new ExcelReportWriter().write(report, RawRowFixtures.generated(10), this.folder, CREATED);
		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			Sheet summary = workbook.getSheet("Summary");
			Row banner = row(summary, SummarySheet.RAW_ROW + 1, "PARTIAL: 3 of 26 planned windows are missing"
					+ " (see Completeness); the figures are incomplete.");
			XSSFCellStyle style = (XSSFCellStyle) banner.getCell(0).getCellStyle();
			assertThat(style.getFillPattern()).isEqualTo(FillPatternType.SOLID_FOREGROUND);
			assertThat(style.getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(summary.getMergedRegions()).anySatisfy((region) -> assertThat(region.getFirstRow())
				.isEqualTo(banner.getRowNum()));
			Row week = rowInSection(summary, "Completeness", "2026-W46");
			assertThat(number(week, 3)).isEqualTo(2);
			assertThat(text(week, 4)).isEqualTo("PARTIAL");
			Row missing = rowInSection(summary, "Missing ranges", "2026-W46", "Normal push");
			assertThat(missing.getCell(3).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 13, 0, 0));
			assertThat(missing.getCell(4).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 14, 0, 0));
			Row task = rowInSection(summary, "Missing ranges", "2026-W44", "Push to all");
			assertThat(text(task, 2)).isEqualTo(SampleReports.TASK_DIGEST);
			assertThat(workbook.getProperties().getCoreProperties().getSubject()).endsWith("(PARTIAL)");
		}
	}

	@Test
	void writesAValidWorkbookSayingNothingWasLostForAnEmptyWeek() throws Exception {
		WeeklyReport report = SampleReports.emptyWeek();
		assertThat(report.empty()).isTrue();
		Path file = new ExcelReportWriter().write(report, RawRowSource.empty(), this.folder, CREATED);
		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
			Sheet summary = workbook.getSheet("Summary");
			row(summary, "No pushes were lost in this week or the previous one.");
			assertThat(text(summary.getRow(SummarySheet.RAW_ROW), 0))
				.isEqualTo("Stored rows of the week: 0 (sheet Raw)");
			Row total = rowInSection(summary, "Lost pushes per source and stage", "Normal push", EN.stage(Stage.READY_TO_SEND));
			assertThat(number(total, 2)).isZero();
			assertThat(number(total, 5)).isZero();
			assertThat(workbook.getSheet("By vendor").getLastRowNum()).isZero();
			assertThat(workbook.getSheet("By error code").getLastRowNum()).isZero();
			assertThat(workbook.getSheet("Raw").getLastRowNum()).isZero();
			assertThat(text(workbook.getSheet("Raw").getRow(0), 9)).isEqualTo("Vendor's text");
			assertThat(workbook.getSheet("By task").getLastRowNum()).isEqualTo(4);
			assertThat(workbook.getSheet("Summary").getDrawingPatriarch()).isNull();
			row(summary, "No code lost more pushes than its baseline allows.");
			assertThat(workbook.getProperties().getCoreProperties().getCreated().toInstant()).isEqualTo(CREATED);
		}
	}

}
