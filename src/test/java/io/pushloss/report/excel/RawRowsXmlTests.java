package io.pushloss.report.excel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.SampleReports;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.RawRowSource;
import io.pushloss.store.StoredLossRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Raw rows written as XML by hand must read back exactly as POI's own cells would: any text the vendor sends,
 * escaped for XML, and what XML cannot hold replaced as POI does.
 */
class RawRowsXmlTests {

	private static final Instant START = Instant.parse("2026-11-09T00:00:00Z");

	@TempDir
	Path folder;

	@Test
	void readsBackAnyVendorTextUnchanged() throws Exception {
		List<String> infos = List.of("<b>token</b> & \"quotes\" 'apostrophes' > done", "line one\r\nline two\ttab",
				"推送失败：设备离线", "emoji \uD83D\uDE00 outside the BMP", "  leading and trailing spaces  ", "",
				"é ü ß Ω ж");

		try (XSSFWorkbook workbook = WorkbookReading.open(write(infos))) {
			Sheet raw = workbook.getSheet("Raw");
			assertThat(raw.getLastRowNum()).isEqualTo(infos.size());
			for (int i = 0; i < infos.size(); i++) {
				Row row = raw.getRow(i + 1);
				assertThat(row.getCell(9).getCellType()).isEqualTo(CellType.STRING);
				assertThat(row.getCell(9).getStringCellValue()).as("row %d", i + 1).isEqualTo(infos.get(i));
				assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(i + 1);
			}
		}
	}

	@Test
	void replacesWhatXmlCannotHoldWithAQuestionMark() throws Exception {
		List<String> infos = List.of("bell \u0007 and nul \u0000", "lone \uD83D surrogate", "not a character \uFFFE");

		try (XSSFWorkbook workbook = WorkbookReading.open(write(infos))) {
			Sheet raw = workbook.getSheet("Raw");
			assertThat(raw.getRow(1).getCell(9).getStringCellValue()).isEqualTo("bell ? and nul ?");
			assertThat(raw.getRow(2).getCell(9).getStringCellValue()).isEqualTo("lone ? surrogate");
			assertThat(raw.getRow(3).getCell(9).getStringCellValue()).isEqualTo("not a character ?");
		}
	}

	@Test
	void cutsTextBeyondExcelsLimitWithAnEllipsis() throws Exception {
		String huge = "x".repeat(Cells.MAX_TEXT_LENGTH + 10);

		try (XSSFWorkbook workbook = WorkbookReading.open(write(List.of(huge)))) {
			String cell = workbook.getSheet("Raw").getRow(1).getCell(9).getStringCellValue();
			assertThat(cell).hasSize(Cells.MAX_TEXT_LENGTH).endsWith("x\u2026");
		}
	}

	@Test
	void keepsEveryCellInItsColumnWhenAValueIsMissing() throws Exception {
		// the cells name no reference: a reader places them one per column, so a missing value must still take its place
		List<StoredLossRow> rows = List.of(new StoredLossRow(SampleReports.SDK_APP_ID, LossSource.ALL_MEMBER, "", null,
				START.plusSeconds(86_400), Stage.READY_TO_SEND, EventType.OFFLINE, null, "-1", 7, "info"));

		Path file = new ExcelReportWriter().write(SampleReports.typicalWeek(), RawRowSource.of(rows), this.folder,
				Instant.parse("2026-11-16T02:00:00Z"));

		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			Row row = workbook.getSheet("Raw").getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(3).getStringCellValue()).isEmpty();
			assertThat(row.getCell(6).getStringCellValue()).isEqualTo("(all vendors)");
			assertThat(row.getCell(7).getStringCellValue()).isEqualTo("-1");
			assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(7);
			assertThat(row.getCell(9).getStringCellValue()).isEqualTo("info");
		}
	}

	@Test
	void stylesTheHeaderRowLikeTheOtherSheets() throws Exception {
		try (XSSFWorkbook workbook = WorkbookReading.open(write(List.of("a")))) {
			Row header = workbook.getSheet("Raw").getRow(0);
			Row other = workbook.getSheet("By vendor").getRow(0);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Window start");
			assertThat(header.getCell(9).getStringCellValue()).isEqualTo("Vendor's text");
			assertThat(header.getCell(0).getCellStyle().getIndex())
				.isEqualTo(firstHeaderCell(other).getCellStyle().getIndex());
		}
	}

	private static org.apache.poi.ss.usermodel.Cell firstHeaderCell(Row row) {
		return row.getCell(row.getFirstCellNum());
	}

	private Path write(List<String> infos) {
		List<StoredLossRow> rows = new ArrayList<>();
		for (int i = 0; i < infos.size(); i++) {
			rows.add(new StoredLossRow(SampleReports.SDK_APP_ID, LossSource.NORMAL, "", START,
					START.plusSeconds(86_400), Stage.POST_SEND_DELIVERED, EventType.OFFLINE, Vendor.HUAWEI, "80300007",
					i + 1, infos.get(i)));
		}
		return new ExcelReportWriter().write(SampleReports.typicalWeek(), RawRowSource.of(rows), this.folder,
				Instant.parse("2026-11-16T02:00:00Z"));
	}

}
