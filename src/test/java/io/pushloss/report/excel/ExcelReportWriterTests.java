package io.pushloss.report.excel;

import io.pushloss.analysis.CodeStatus;
import io.pushloss.analysis.ReportText;
import java.util.Locale;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.StageTotal;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.TrendPoint;
import io.pushloss.analysis.VendorLoss;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.StoredLossRow;

import static io.pushloss.report.excel.WorkbookReading.format;
import static io.pushloss.report.excel.WorkbookReading.number;
import static io.pushloss.report.excel.WorkbookReading.row;
import static io.pushloss.report.excel.WorkbookReading.rowInSection;
import static io.pushloss.report.excel.WorkbookReading.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Writes {@link SampleReports#typicalWeek()} once and compares every sheet with the model.
 */
class ExcelReportWriterTests {

	static final ReportText EN = ReportText.bundled(Locale.ENGLISH);

	static final Instant CREATED = Instant.parse("2026-11-16T02:00:00Z");

	static final int RAW_ROWS = 1_234;

	@TempDir
	static Path folder;

	static WeeklyReport report;

	static Path file;

	static XSSFWorkbook workbook;

	@BeforeAll
	static void writeTypicalWeek() throws Exception {
		report = SampleReports.typicalWeek();
		file = new ExcelReportWriter().write(report, RawRowFixtures.generated(RAW_ROWS), folder, CREATED);
		workbook = WorkbookReading.open(file);
	}

	@AfterAll
	static void close() throws Exception {
		workbook.close();
	}

	@Test
	void namesTheFileAfterJobAndWeekInsideTheTargetFolder() {
		assertThat(file).isEqualTo(folder.resolve("push-loss-weekly-push-loss-2026-W46.xlsx"));
	}

	@Test
	void ordersTheSheetsSummaryFirst() {
		assertThat(workbook).extracting(Sheet::getSheetName)
			.containsExactly("Summary", "By vendor", "By error code", "By task", "Task codes", "Trend", "Raw");
	}

	@Test
	void writesTitleAndTotalsPerSourceAndStageOnSummary() {
		Sheet summary = workbook.getSheet("Summary");
		assertThat(text(summary.getRow(0), 0)).isEqualTo("Push-loss weekly report: weekly-push-loss");
		assertThat(text(summary.getRow(1), 0))
			.isEqualTo("2026-W46, Monday 2026-11-09 to Sunday 2026-11-15 (Asia/Shanghai), compared with 2026-W45");
		for (StageTotal total : report.totals()) {
			Row row = rowInSection(summary, "Lost pushes per source and stage", EN.source(total.source()),
					EN.stage(total.stage()));
			assertThat(number(row, 2)).isEqualTo(total.counts().thisWeek());
			assertThat(number(row, 3)).isEqualTo(total.counts().lastWeek());
			assertThat(number(row, 4)).isEqualTo(total.counts().delta());
			if (total.counts().percentChange() != null) {
				assertThat(number(row, 5)).isEqualTo(total.counts().percentChange(), within(1e-9));
			}
		}
		Row all = rowInSection(summary, "Lost pushes per source and stage", "Push to all", EN.stage(Stage.POST_SEND_DELIVERED));
		assertThat(number(all, 2)).isEqualTo(4355);
		assertThat(format(all, 2)).isEqualTo("#,##0");
		assertThat(format(all, 5)).isEqualTo("0.0%");
		assertThat(text(summary.getRow(SummarySheet.RAW_ROW), 0))
			.isEqualTo("Stored rows of the week: 1,234 (sheet Raw)");
	}

	@Test
	void listsCompletenessOnSummary() {
		Sheet summary = workbook.getSheet("Summary");
		Row week = rowInSection(summary, "Completeness", "2026-W46");
		assertThat(number(week, 1)).isEqualTo(4);
		assertThat(number(week, 2)).isEqualTo(4);
		assertThat(text(week, 4)).isEqualTo("complete");
		assertThat(summary.getRow(4) == null || summary.getRow(4).getCell(0) == null
				|| !summary.getRow(4).getCell(0).getStringCellValue().startsWith("PARTIAL")).isTrue();
	}

	@Test
	void listsEachCauseOnceOnSummaryAsTheEmailAndThePdfTellIt() {
		Sheet summary = workbook.getSheet("Summary");
		ReportStory story = report.story();
		assertThat(story.anomalies()).isNotEmpty();
		assertThat(story.increases()).isNotEmpty();
		assertThat(story.decreases()).isNotEmpty();
		List<String> told = new ArrayList<>();
		told.addAll(assertCauses(summary, "Anomalies", story.anomalies()));
		told.addAll(assertCauses(summary, "Other increases", story.increases()));
		told.addAll(assertCauses(summary, "Largest decreases", story.decreases()));
		assertThat(told).doesNotHaveDuplicates();
	}

	@Test
	void mergesTheCauseColumnsOverTheSourceRowsOfACause() {
		XSSFSheet summary = workbook.getSheet("Summary");
		ReportStory.Cause twoSources = report.story().anomalies().stream()
			.filter((cause) -> cause.sources().size() == 2)
			.findFirst()
			.orElseThrow();
		ReportStory.SourceFigure firstSource = twoSources.sources().get(0);
		Row lead = row(summary, row(summary, "Anomalies").getRowNum() + 2, EN.source(firstSource.source()),
				String.join(", ", firstSource.stages().stream().map(EN::stage).toList()),
				EN.vendor(twoSources.vendor()), twoSources.errCode());
		for (int column : new int[] { 2, 3, 4, 11, 12 }) {
			assertThat(summary.getMergedRegions())
				.contains(new CellRangeAddress(lead.getRowNum(), lead.getRowNum() + 1, column, column));
		}
	}

	/**
	 * Checks the section's table against the story's causes: one group of rows per cause in the story's order,
	 * vendor and code on the group's first row, one row per source in source order (as the email lists them).
	 * @return each cause as "vendor code"
	 */
	private static List<String> assertCauses(Sheet summary, String section, List<ReportStory.Cause> causes) {
		int row = row(summary, section).getRowNum() + 2;
		List<String> told = new ArrayList<>();
		for (ReportStory.Cause cause : causes) {
			List<ReportStory.SourceFigure> figures = cause.sources();
			Row first = summary.getRow(row);
			assertThat(text(first, 2)).as("vendor in %s", section).isEqualTo(EN.vendor(cause.vendor()));
			assertThat(text(first, 3)).as("code in %s", section).isEqualTo(cause.errCode());
			assertThat(text(first, 4)).isEqualTo(EN.meaning(cause.remediation()));
			assertThat(text(first, 11)).isEqualTo(EN.owner(cause.remediation().owner()));
			assertThat(text(first, 12)).isEqualTo(EN.action(cause.remediation()));
			for (ReportStory.SourceFigure figure : figures) {
				Row line = summary.getRow(row++);
				assertThat(text(line, 0)).isEqualTo(EN.source(figure.source()));
				assertThat(number(line, 5)).isEqualTo(figure.counts().thisWeek());
				assertThat(number(line, 6)).isEqualTo(figure.counts().lastWeek());
				assertThat(number(line, 7)).isEqualTo(figure.counts().delta());
				assertThat(text(line, 9)).isEqualTo(EN.direction(figure.direction()));
				assertThat(number(line, 10)).isEqualTo(figure.baseline());
				assertThat(format(line, 10)).isEqualTo("#,##0");
			}
			told.add(cause.vendor() + " " + cause.errCode());
		}
		Row after = summary.getRow(row);
		assertThat(after == null || after.getCell(0) == null || after.getCell(0).getStringCellValue().isEmpty())
			.as("the row after the causes of %s", section)
			.isTrue();
		return told;
	}

	@Test
	void sumsBothStagesPerVendorForTheSummaryChartTable() {
		Sheet summary = workbook.getSheet("Summary");
		Row apns = rowInSection(summary, "Lost pushes per vendor (both stages)", "Push to all", "APNs (Apple)");
		long thisWeek = report.vendors()
			.stream()
			.filter((v) -> v.source() == LossSource.ALL_MEMBER && v.vendor() == Vendor.APNS)
			.mapToLong((v) -> v.counts().thisWeek())
			.sum();
		assertThat(thisWeek).isEqualTo(1500);
		assertThat(number(apns, 2)).isEqualTo(thisWeek);
	}

	@Test
	void writesOneRowPerVendorAndStageWithShareOfStage() {
		Sheet vendors = workbook.getSheet("By vendor");
		assertThat(vendors.getLastRowNum()).isEqualTo(report.vendors().size());
		assertThat(text(vendors.getRow(0), 3)).isEqualTo("This week\n(2026-W46)");
		assertThat(text(vendors.getRow(0), 4)).isEqualTo("Last week\n(2026-W45)");
		VendorLoss huawei = report.vendors()
			.stream()
			.filter((v) -> v.source() == LossSource.ALL_MEMBER && v.vendor() == Vendor.HUAWEI)
			.findFirst()
			.orElseThrow();
		Row row = row(vendors, "Push to all", "Huawei", EN.stage(Stage.POST_SEND_DELIVERED));
		assertThat(number(row, 3)).isEqualTo(2400);
		assertThat(number(row, 4)).isEqualTo(600);
		assertThat(number(row, 5)).isEqualTo(1800);
		assertThat(number(row, 6)).isEqualTo(3.0);
		assertThat(number(row, 8)).isEqualTo(huawei.shareOfStage(), within(1e-9));
		assertThat(format(row, 8)).isEqualTo("0.0%");
	}

	private static io.pushloss.analysis.Remediation quotaRemediation(Row row) {
		return report.codes()
			.stream()
			.filter((code) -> code.errCode().equals("10034"))
			.findFirst()
			.orElseThrow()
			.remediation();
	}

	@Test
	void writesCodeRowsWithStatusAnomalyCategoryOwnerAndHint() {
		Sheet codes = workbook.getSheet("By error code");
		assertThat(codes.getLastRowNum()).isEqualTo(report.codes().size());
		Row quota = row(codes, "Push to all", "Xiaomi", EN.stage(Stage.POST_SEND_DELIVERED), "10034");
		assertThat(text(quota, 4)).isEqualTo("daily message limit");
		assertThat(number(quota, 5)).isZero();
		assertThat(number(quota, 6)).isEqualTo(300);
		assertThat(number(quota, 7)).isEqualTo(-300);
		assertThat(number(quota, 8)).isEqualTo(-1.0);
		assertThat(text(quota, 9)).isEqualTo(EN.status(CodeStatus.RESOLVED));
		assertThat(text(quota, 10)).isEmpty();
		assertThat(text(quota, 12)).isEqualTo("Quota or frequency limit");
		assertThat(text(quota, 14)).isEqualTo("Server team");
		assertThat(text(quota, 13)).isEqualTo(EN.meaning(quotaRemediation(quota)));
		assertThat(text(quota, 15)).isEqualTo(EN.action(quotaRemediation(quota)));
		Row anomaly = row(codes, "Push to all", "Huawei", EN.stage(Stage.POST_SEND_DELIVERED), "80300007");
		assertThat(text(anomaly, 9)).isEqualTo(EN.status(CodeStatus.UP));
		assertThat(text(anomaly, 10)).isEqualTo("Yes");
		Row uncatalogued = row(codes, "Push to all", "Unknown vendor", EN.stage(Stage.POST_SEND_DELIVERED), "20001");
		assertThat(text(uncatalogued, 12)).isEqualTo(EN.meaning(io.pushloss.analysis.Remediation.uncatalogued()));
		assertThat(text(uncatalogued, 15)).isEqualTo(EN.action(io.pushloss.analysis.Remediation.uncatalogued()));
	}

	@Test
	void leavesTheChangeEmptyAndSaysNewWhereLastWeekWasZero() {
		Sheet codes = workbook.getSheet("By error code");
		Row vivo = row(codes, "Push to all", "vivo", EN.stage(Stage.POST_SEND_DELIVERED), "10070");
		assertThat(number(vivo, 6)).isZero();
		assertThat(vivo.getCell(8).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
		assertThat(text(vivo, 9)).isEqualTo(EN.status(CodeStatus.NEW));
		int flagged = 0;
		for (Row vendor : workbook.getSheet("By vendor")) {
			if (vendor.getRowNum() > 0 && number(vendor, 4) == 0 && number(vendor, 3) > 0) {
				assertThat(vendor.getCell(6).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
				assertThat(text(vendor, 7)).isEqualTo("new");
				flagged++;
			}
			else if (vendor.getRowNum() > 0) {
				assertThat(vendor.getCell(7)).isNull();
			}
		}
		assertThat(flagged).isPositive();
	}

	@Test
	void writesTaskTotalsAndTopCodesPerTask() {
		Sheet tasks = workbook.getSheet("By task");
		TaskLoss promo = report.tasks().get(0);
		Row row = row(tasks, SampleReports.TASK_PROMO, EN.stage(Stage.POST_SEND_DELIVERED));
		assertThat(number(row, 2)).isEqualTo(2900);
		assertThat(number(row, 3)).isEqualTo(1300);
		assertThat(number(row, 4)).isEqualTo(1600);
		assertThat(tasks.getLastRowNum()).isEqualTo(4);
		Sheet taskCodes = workbook.getSheet("Task codes");
		Row top = row(taskCodes, SampleReports.TASK_PROMO);
		assertThat(text(top, 2)).isEqualTo(promo.topCodes().get(0).errCode());
		assertThat(number(top, 4)).isEqualTo(1900);
		assertThat(taskCodes.getLastRowNum()).isEqualTo(6);
	}

	@Test
	void writesTrendPerVendorWithWeeksOldestFirst() {
		Sheet trend = workbook.getSheet("Trend");
		Row header = trend.getRow(0);
		assertThat(List.of(text(header, 2), text(header, 3), text(header, 6)))
			.containsExactly("2026-W42", "2026-W43", "2026-W46");
		Row xiaomi = row(trend, "Push to all", "Xiaomi");
		for (TrendPoint point : report.trend()) {
			if (point.source() == LossSource.ALL_MEMBER && point.vendor() == Vendor.XIAOMI) {
				int column = 2 + (point.week().week() - 42);
				assertThat(number(xiaomi, column)).as("week %s", point.week()).isEqualTo(point.count());
			}
		}
		assertThat(number(xiaomi, 6)).isEqualTo(130);
		assertThat(number(xiaomi, 5)).isEqualTo(300);
		long rows = report.trend().stream().map((p) -> p.source() + "/" + p.vendor()).distinct().count();
		assertThat(trend.getLastRowNum()).isEqualTo(rows);
	}

	@Test
	void streamsEveryRawRowWithWindowsAsDateTimesInTheJobsZone() {
		Sheet raw = workbook.getSheet("Raw");
		assertThat(raw.getLastRowNum()).isEqualTo(RAW_ROWS);
		assertThat(text(raw.getRow(0), 0)).isEqualTo("Window start");
		int index = 1_000;
		StoredLossRow expected = RawRowFixtures.row(index);
		Row row = raw.getRow(index + 1);
		assertThat(row.getCell(0).getLocalDateTimeCellValue())
			.isEqualTo(LocalDateTime.ofInstant(expected.windowStart(), SampleReports.ZONE));
		assertThat(row.getCell(1).getLocalDateTimeCellValue())
			.isEqualTo(LocalDateTime.ofInstant(expected.windowStart(), SampleReports.ZONE).plusHours(1));
		assertThat(format(row, 0)).isEqualTo("yyyy-mm-dd hh:mm");
		assertThat(text(row, 2)).isEqualTo(EN.source(expected.source()));
		assertThat(text(row, 3)).isEqualTo(expected.taskId());
		assertThat(text(row, 4)).isEqualTo(EN.stage(expected.stage()));
		assertThat(text(row, 5)).isEqualTo(EN.eventType(expected.eventType()));
		assertThat(text(row, 6)).isEqualTo(EN.vendor(expected.vendor()));
		assertThat(text(row, 7)).isEqualTo(expected.errCode());
		assertThat(number(row, 8)).isEqualTo(expected.errCount());
		assertThat(text(row, 9)).isEqualTo(expected.errInfo());
		assertThat(text(raw.getRow(1), 6)).isEqualTo("(all vendors)");
		// the first window of the week starts Monday 00:00 in Asia/Shanghai
		assertThat(raw.getRow(1).getCell(0).getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 11, 9, 0, 0));
	}

	@Test
	void drawsNativeChartsOnSummaryAndTrend() {
		XSSFSheet summary = workbook.getSheet("Summary");
		assertThat(summary.getDrawingPatriarch()).isNotNull();
		assertThat(summary.getDrawingPatriarch().getCharts()).hasSize(2);
		assertThat(summary.getDrawingPatriarch().getCharts().get(0).getCTChart().getPlotArea().getBarChartList())
			.hasSize(1);
		assertThat(summary.getDrawingPatriarch().getCharts().get(0).getChartSeries().get(0).getSeriesCount())
			.isEqualTo(2);
		XSSFSheet trend = workbook.getSheet("Trend");
		assertThat(trend.getDrawingPatriarch().getCharts()).hasSize(2);
		assertThat(trend.getDrawingPatriarch().getCharts().get(0).getCTChart().getPlotArea().getLineChartList())
			.hasSize(1);
	}

	@Test
	void freezesHeaderRowsAndFiltersTables() {
		for (String name : List.of("By vendor", "By error code", "By task", "Task codes", "Trend", "Raw")) {
			XSSFSheet sheet = workbook.getSheet(name);
			assertThat(sheet.getPaneInformation()).as(name).isNotNull();
			assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
			assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
		}
		assertThat(workbook.getSheet("Raw").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:J1235");
		assertThat(workbook.getSheet("By error code").getColumnWidth(15)).isEqualTo(36 * 256);
	}

	@Test
	void coloursDeltaColumns() {
		XSSFSheet vendors = workbook.getSheet("By vendor");
		assertThat(vendors.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
		var formatting = vendors.getSheetConditionalFormatting().getConditionalFormattingAt(0);
		assertThat(formatting.getFormattingRanges()[0].formatAsString())
			.isEqualTo("F2:G" + (report.vendors().size() + 1));
		assertThat(formatting.getRule(0).getFormula1()).isEqualTo("0");
		assertThat(formatting.getRule(0).getFontFormatting().getFontColorIndex())
			.isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.RED.getIndex());
		assertThat(formatting.getRule(1).getFontFormatting().getFontColorIndex())
			.isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.GREEN.getIndex());
	}

	@Test
	void setsDocumentProperties() {
		var core = workbook.getProperties().getCoreProperties();
		assertThat(core.getTitle()).isEqualTo("Push-loss weekly report: weekly-push-loss, 2026-W46");
		assertThat(core.getSubject()).contains("1400000000").contains("2026-W46").contains("2026-W45");
		assertThat(core.getCreator()).isEqualTo("Push-Loss Weekly Report");
		assertThat(core.getCreated().toInstant()).isEqualTo(CREATED);
		assertThat(Duration.between(core.getCreated().toInstant(), CREATED)).isZero();
	}

	@Test
	void writesStageLevelCodesStartingWithMinusAsQuotedText() {
		Sheet codes = workbook.getSheet("By error code");
		Row row = row(codes, "Push to all", "Xiaomi", EN.stage(Stage.READY_TO_SEND), "-1");
		assertThat(row.getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
		assertThat(row.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
	}

}
