package io.pushloss.report.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.WeeklyReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A report whose task names and ErrInfo texts are Chinese keeps every character in the PDF, drawn by the embedded
 * (subset) Noto Sans SC while Latin text stays in DejaVu Sans.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChineseTextPdfTests {

	static final String TASK_SPRING = "春节促销";

	static final String TASK_UPDATE = "版本更新 v2";

	static final String DISPLAY_NAME = "推送丢失周报（演示）";

	static final String ERR_INFO = "设备令牌无效（已卸载），请重新注册。";

	private static final Path OUT = Path.of("target", "pdf-tests");

	private static Path pdf;

	@BeforeAll
	static void writeChineseReport() {
		pdf = OUT.resolve("chinese.pdf");
		new PdfReportWriter(Path.of(ReportTemplates.FOLDER_NAME)).write(chinese(SampleReports.typicalWeek()), pdf,
				OUT.resolve("chinese.png"));
	}

	@Test
	void everyChineseStringSurvivesIntoThePdfText() throws IOException {
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			text = new PDFTextStripper().getText(document);
		}
		assertThat(text).contains(TASK_SPRING, TASK_UPDATE, DISPLAY_NAME, "需要关注", "术语表", "由谁处理", "华为");
		assertThat(text.replaceAll("\\s+", "")).contains(ERR_INFO);
	}

	@Test
	void theChineseFontIsEmbeddedAsASubsetBesideDejaVuSans() throws IOException {
		List<PDFont> fonts = new ArrayList<>();
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			for (PDPage page : document.getPages()) {
				for (var name : page.getResources().getFontNames()) {
					fonts.add(page.getResources().getFont(name));
				}
			}
			assertThat(fonts).allSatisfy((font) -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
			assertThat(fonts).extracting(PDFont::getName)
				.anySatisfy((name) -> assertThat(name).matches("[A-Z]{6}\\+NotoSansSC.*"))
				.anySatisfy((name) -> assertThat(name).matches("[A-Z]{6}\\+DejaVuSans.*"));
		}
	}

	@Test
	void charactersNoEmbeddedFontDrawsAreReportedAndLoggedNamingTheFieldNeverDroppedSilently(CapturedOutput output) {
		WeeklyReport report = chinese(SampleReports.typicalWeek());
		List<TaskLoss> tasks = new ArrayList<>(report.tasks());
		tasks.set(0, new TaskLoss("春节促销 \uD83D\uDE80", tasks.get(0).stages(), tasks.get(0).topCodes()));
		List<CodeLoss> codes = new ArrayList<>(report.codes());
		CodeLoss code = codes.get(1);
		codes.set(1, new CodeLoss(code.source(), code.vendor(), code.stage(), code.errCode(), "\uD842\uDFB7野家 token",
				code.counts(), code.status(), code.baseline(), code.anomaly(), code.remediation()));
		WeeklyReport odd = new WeeklyReport(report.header(), report.completeness(), report.totals(), report.vendors(),
				codes, report.topMovers(), tasks, report.eventTypes(), report.trend());

		List<UnrenderableText> unrenderable = new PdfReportWriter(Path.of(ReportTemplates.FOLDER_NAME)).write(odd,
				OUT.resolve("unrenderable.pdf"), OUT.resolve("unrenderable.png"));

		assertThat(unrenderable).extracting(UnrenderableText::message)
			.containsExactlyInAnyOrder(
					"task name '春节促销 \uD83D\uDE80': 1 character (U+1F680) not in any embedded font",
					"ErrInfo of " + code.vendor().displayName() + " " + code.errCode()
							+ " '\uD842\uDFB7野家 token': 1 character (U+20BB7) not in any embedded font");
		assertThat(output).contains("WARN").contains("task name '春节促销 \uD83D\uDE80': 1 character (U+1F680)");
		assertThat(OUT.resolve("unrenderable.pdf")).isRegularFile();
	}

	@Test
	void aReportWhoseTextsTheFontsDrawInFullHasNoWarning() {
		assertThat(ReportTextFields.unrenderable(chinese(SampleReports.typicalWeek()),
				ReportText.bundled(Locale.SIMPLIFIED_CHINESE), GlyphCoverage.ofReportFonts()))
			.isEmpty();
	}

	static WeeklyReport chinese(WeeklyReport report) {
		List<CodeLoss> codes = new ArrayList<>(report.codes());
		CodeLoss code = codes.get(0);
		codes.set(0, new CodeLoss(code.source(), code.vendor(), code.stage(), code.errCode(), ERR_INFO, code.counts(),
				code.status(), code.baseline(), code.anomaly(), code.remediation()));
		List<TaskLoss> tasks = new ArrayList<>(report.tasks());
		tasks.set(0, new TaskLoss(TASK_SPRING, tasks.get(0).stages(), tasks.get(0).topCodes()));
		tasks.set(1, new TaskLoss(TASK_UPDATE, tasks.get(1).stages(), tasks.get(1).topCodes()));
		ReportHeader h = report.header();
		ReportHeader header = new ReportHeader(h.jobName(), h.week(), h.zone(), h.firstDay(), h.lastDay(), h.sdkAppId(),
				h.generatedAt(), h.baselineWeeks(), h.remediationCatalogueVersion(), DISPLAY_NAME, Locale.SIMPLIFIED_CHINESE);
		return new WeeklyReport(header, report.completeness(), report.totals(), report.vendors(), codes,
				report.topMovers(), tasks, report.eventTypes(), report.trend());
	}

}
