package io.pushloss.report.excel;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.TopMovers;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.EventType;
import io.pushloss.domain.LossSource;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;
import io.pushloss.store.RawRowSource;
import io.pushloss.store.StoredLossRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job with {@code locale: zh-CN} whose task names and vendor texts are Chinese: the workbook speaks Chinese
 * (sheet names, headers, vocabulary) and keeps every Chinese string of the report and of its raw rows.
 */
class ChineseWorkbookTests {

	static final ReportText ZH = ReportText.bundled(Locale.SIMPLIFIED_CHINESE);

	/** The vendor's Chinese text of each code of the sample week. */
	static final Map<String, String> CHINESE_INFO = Map.of("80300007", "设备令牌无效", "410", "设备已注销",
			"10034", "超过每日消息上限", "10070", "超过每日总量上限", "-1", "证书未配置", "-2", "令牌未上报");

	@TempDir
	Path folder;

	@Test
	void keepsEveryChineseStringOfTheReportAndItsRawRows() throws Exception {
		WeeklyReport report = chineseWeek();
		List<StoredLossRow> raw = List.of(new StoredLossRow(SampleReports.SDK_APP_ID, LossSource.ALL_MEMBER, "春节促销",
				Instant.parse("2026-11-09T00:00:00Z"), Instant.parse("2026-11-10T00:00:00Z"), Stage.POST_SEND_DELIVERED,
				EventType.OFFLINE, Vendor.HUAWEI, "80300007", 42, "设备令牌无效：请重新注册"));
		Path file = new ExcelReportWriter().write(report, RawRowSource.of(raw), this.folder,
				Instant.parse("2026-11-16T02:00:00Z"));
		Set<String> expected = new LinkedHashSet<>(List.of("春节促销", "版本更新 v2", "设备令牌无效：请重新注册"));
		report.codes().stream().map(CodeLoss::errInfo).filter(ChineseWorkbookTests::chinese).forEach(expected::add);
		assertThat(expected).hasSizeGreaterThan(6);
		try (XSSFWorkbook workbook = WorkbookReading.open(file)) {
			Set<String> cells = texts(workbook);
			assertThat(cells).containsAll(expected);
			assertThat(workbook).extracting(Sheet::getSheetName)
				.containsExactly("摘要", "按厂商", "按错误码", "按任务", "任务错误码", "趋势", "原始数据");
			assertThat(cells).contains(ZH.vendor(Vendor.HUAWEI), ZH.stage(Stage.POST_SEND_DELIVERED),
					ZH.source(LossSource.NORMAL), "本周\n2026年第46周", "上周\n2026年第45周");
			assertThat(workbook.getSheet("摘要").getRow(0).getCell(0).getStringCellValue())
				.isEqualTo("推送丢失周报：weekly-push-loss");
			assertThat(workbook.getSheet("摘要").getFooter().getRight()).isEqualTo("第 &P 页，共 &N 页");
			assertThat(workbook.getProperties().getCoreProperties().getTitle()).startsWith("推送丢失周报");
		}
	}

	@Test
	void sheetNamesStayWithinExcelsLimitsInEveryLanguage() {
		for (Locale locale : ReportText.SUPPORTED) {
			Labels labels = new Labels(ReportText.bundled(locale));
			for (String key : List.of("summary", "vendors", "codes", "tasks", "taskCodes", "trend")) {
				assertSheetName(labels.sheet(key));
			}
			assertSheetName(labels.rawSheet(1));
			assertSheetName(labels.rawSheet(12));
		}
		assertThat(Labels.sheetName("Raw: week [46] / all?")).isEqualTo("Raw_ week _46_ _ all_");
	}

	static void assertSheetName(String name) {
		assertThat(name).hasSizeBetween(1, 31).doesNotContainPattern("[:\\\\/?*\\[\\]]");
	}

	/** The sample week in Chinese: tasks named 春节促销 and 版本更新 v2, the vendor's texts Chinese. */
	static WeeklyReport chineseWeek() {
		WeeklyReport week = SampleReports.typicalWeek();
		List<CodeLoss> codes = week.codes().stream().map(ChineseWorkbookTests::chinese).toList();
		List<TaskLoss> tasks = new ArrayList<>();
		for (TaskLoss task : week.tasks()) {
			String name = task.taskId().equals(SampleReports.TASK_PROMO) ? "春节促销" : "版本更新 v2";
			tasks.add(new TaskLoss(name, task.stages(), task.topCodes().stream()
				.map((code) -> new TaskLoss.TaskCode(code.stage(), code.errCode(),
						CHINESE_INFO.getOrDefault(code.errCode(), code.errInfo()), code.counts()))
				.toList()));
		}
		TopMovers movers = new TopMovers(week.topMovers().increases().stream().map(ChineseWorkbookTests::chinese).toList(),
				week.topMovers().decreases().stream().map(ChineseWorkbookTests::chinese).toList());
		return new WeeklyReport(week.header().withLocale(Locale.SIMPLIFIED_CHINESE), week.completeness(),
				week.totals(), week.vendors(), codes, movers, tasks, week.eventTypes(), week.trend());
	}

	private static CodeLoss chinese(CodeLoss code) {
		return new CodeLoss(code.source(), code.vendor(), code.stage(), code.errCode(),
				CHINESE_INFO.getOrDefault(code.errCode(), code.errInfo()), code.counts(), code.status(),
				code.baseline(), code.anomaly(), code.remediation());
	}

	private static boolean chinese(String text) {
		return text.codePoints().anyMatch((c) -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
	}

	private static Set<String> texts(XSSFWorkbook workbook) {
		Set<String> texts = new HashSet<>();
		for (Sheet sheet : workbook) {
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.STRING) {
						texts.add(cell.getStringCellValue());
					}
				}
			}
		}
		return texts;
	}

}
