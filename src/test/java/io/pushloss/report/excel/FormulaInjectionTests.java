package io.pushloss.report.excel;

import io.pushloss.analysis.ReportText;
import java.util.Locale;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.CodeStatus;
import io.pushloss.analysis.Remediation;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.RawRowSource;
import io.pushloss.store.StoredLossRow;

import static io.pushloss.report.excel.WorkbookReading.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from the API (ErrInfo, ErrCode, TaskID) must stay text: a string cell, unchanged, never a formula, and
 * quote-prefixed when Excel would read it as a formula once a user edits the cell.
 */
class FormulaInjectionTests {

	static final ReportText EN = ReportText.bundled(Locale.ENGLISH);

	static final String HYPERLINK = "=HYPERLINK(\"http://x\",\"y\")";

	static final String COMMAND = "+cmd|' /C calc'!A0";

	static final String AT_SUM = "@SUM(1+1)*cmd|' /C calc'!A0";

	static final String TAB = "\t=1+1";

	static final String MINUS = "-2+3";

	@TempDir
	Path folder;

	@Test
	void writesFormulaLikeApiTextAsQuotePrefixedStringCells() throws Exception {
		WeeklyReport typical = SampleReports.typicalWeek();
		List<CodeLoss> codes = new ArrayList<>(typical.codes());
		codes.add(new CodeLoss(LossSource.NORMAL, Vendor.FCM, Stage.POST_SEND_DELIVERED, COMMAND, HYPERLINK,
				new WeekOverWeek(5, 0), CodeStatus.NEW, null, false, Remediation.uncatalogued()));
		List<TaskLoss> tasks = new ArrayList<>(typical.tasks());
		tasks.add(new TaskLoss(AT_SUM,
				List.of(new StageTotal(LossSource.ALL_MEMBER, Stage.POST_SEND_DELIVERED, new WeekOverWeek(1, 1))),
				List.of(new TaskLoss.TaskCode(Stage.POST_SEND_DELIVERED, MINUS, TAB, new WeekOverWeek(1, 1)))));
		WeeklyReport report = new WeeklyReport(typical.header(), typical.completeness(), typical.totals(),
				typical.vendors(), codes, typical.topMovers(), tasks, typical.eventTypes(), typical.trend());
		StoredLossRow raw = new StoredLossRow(SampleReports.SDK_APP_ID, LossSource.ALL_MEMBER, AT_SUM,
				Instant.parse("2026-11-09T00:00:00Z"), Instant.parse("2026-11-09T01:00:00Z"), Stage.READY_TO_SEND,
				EventType.OFFLINE, Vendor.HUAWEI, COMMAND, 3, HYPERLINK);

		Path file = new ExcelReportWriter().write(report, RawRowSource.of(List.of(raw)), this.folder,
				Instant.parse("2026-11-16T02:00:00Z"));

		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			Sheet codeSheet = workbook.getSheet("By error code");
			Row code = row(codeSheet, "Normal push", "FCM (Google)", EN.stage(Stage.POST_SEND_DELIVERED));
			assertText(code.getCell(3), COMMAND);
			assertText(code.getCell(4), HYPERLINK);
			Row task = row(workbook.getSheet("By task"), AT_SUM);
			assertText(task.getCell(0), AT_SUM);
			Row taskCode = row(workbook.getSheet("Task codes"), AT_SUM);
			assertText(taskCode.getCell(2), MINUS);
			assertText(taskCode.getCell(3), TAB);
			Row rawRow = workbook.getSheet("Raw").getRow(1);
			assertText(rawRow.getCell(3), AT_SUM);
			assertText(rawRow.getCell(7), COMMAND);
			assertText(rawRow.getCell(9), HYPERLINK);
			assertThat(code.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void recognisesEveryCharacterThatStartsAFormula() {
		assertThat(List.of("=1", "+1", "-1", "@x", "\tx", "\rx")).allMatch(Cells::looksLikeFormula);
		assertThat(List.of("", "410", "invalid token", "a=b", " =1")).noneMatch(Cells::looksLikeFormula);
	}

	private static void assertText(Cell cell, String expected) {
		assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
		assertThat(cell.getStringCellValue()).isEqualTo(expected);
		assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix of %s", expected).isTrue();
	}

}
