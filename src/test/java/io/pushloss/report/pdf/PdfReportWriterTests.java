package io.pushloss.report.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

import net.sf.jasperreports.engine.JasperCompileManager;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.pushloss.analysis.CodeLoss;
import io.pushloss.analysis.ReportStory;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.SampleReports;
import io.pushloss.analysis.TaskLoss;
import io.pushloss.analysis.WeekOverWeek;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.domain.LossSource;

import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes the three sample reports once (into target/pdf-tests/ for a look) and checks what they contain.
 */
class PdfReportWriterTests {

	private static final Path OUT = Path.of("target", "pdf-tests");

	private static final Path TEMPLATES = Path.of(ReportTemplates.FOLDER_NAME);

	@BeforeAll
	static void writeSamples() {
		PdfReportWriter writer = new PdfReportWriter(TEMPLATES);
		write(writer, SampleReports.typicalWeek(), "typical");
		write(writer, SampleReports.partialWeek(), "partial");
		write(writer, SampleReports.emptyWeek(), "empty");
		write(writer, withMarkupInApiText(SampleReports.typicalWeek()), "markup");
	}

	@Test
	void everyTemplateCompilesAndIsPackaged() throws Exception {
		List<Path> files;
		try (Stream<Path> listing = Files.list(TEMPLATES)) {
			files = listing.filter((file) -> file.toString().endsWith(".jrxml")).sorted().toList();
		}
		Set<String> names = new HashSet<>();
		for (Path file : files) {
			assertThat(JasperCompileManager.compileReport(file.toString())).as(file.toString()).isNotNull();
			names.add(file.getFileName().toString());
			try (InputStream packaged = getClass().getClassLoader()
				.getResourceAsStream(ReportTemplates.FOLDER_NAME + "/" + file.getFileName())) {
				assertThat(packaged).as("packaged copy of " + file).isNotNull();
				assertThat(new String(packaged.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(Files.readString(file));
			}
		}
		assertThat(names).containsAll(Stream.of(ReportTemplate.values()).map(ReportTemplate::fileName).toList());
	}

	@Test
	void typicalWeekShowsTitleWeekHeadlineVendorsAndWhatToDoAboutEachAnomaly() throws IOException {
		WeeklyReport report = SampleReports.typicalWeek();
		ReportText english = ReportText.bundled(Locale.ENGLISH);
		String text = text("typical");
		assertThat(text).contains(report.header().displayName(), "2026-W46 (Nov 9–15)", "Asia/Shanghai",
				"Huawei", "APNs (Apple)", SampleReports.TASK_PROMO, "Page 1 of ", "What needs attention", "Glossary");
		for (LossSource source : report.sources()) {
			WeekOverWeek headline = report.headline(source);
			// one column per source, never the sources added up
			assertThat(text).contains(String.format(Locale.ENGLISH, "%,d", headline.thisWeek()),
					headline.percentLabel());
			assertThat(text).contains(String.format(Locale.ENGLISH, "%,d in 2026-W45", headline.lastWeek()));
		}
		assertThat(report.sources()).hasSize(2);
		assertThat(text).doesNotContain(String.format(Locale.ENGLISH, "%,d", report.headline().thisWeek()));
		ReportStory.Cause first = report.story().anomalies().get(0);
		assertThat(squeeze(text)).contains(squeeze(english.action(first.remediation())),
				squeeze(english.owner(first.owner())), squeeze(english.factorOfBaseline(first.factor(), 4)));
		assertThat(text).doesNotContain("PARTIAL");
	}

	@Test
	void pageOneStandsAloneWithBodyTextOfAtLeastTenPoints() throws IOException {
		try (PDDocument document = Loader.loadPDF(OUT.resolve("typical.pdf").toFile())) {
			List<Float> sizes = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void processTextPosition(org.apache.pdfbox.text.TextPosition position) {
					sizes.add(position.getFontSizeInPt());
					super.processTextPosition(position);
				}
			};
			stripper.setStartPage(1);
			stripper.setEndPage(1);
			String page = stripper.getText(document);
			assertThat(page).contains("What needs attention", "Who fixes it", "What to do");
			// the bulk of page 1 (ignoring the small print of the footer and captions) is 10 pt or larger
			long large = sizes.stream().filter((size) -> size >= 9.95f).count();
			assertThat((double) large / sizes.size()).as("share of page-1 characters of 10 pt or more").isGreaterThan(0.75);
		}
	}

	@Test
	void partialWeekSaysPartial() throws IOException {
		assertThat(text("partial")).contains("PARTIAL REPORT: 3 planned data windows are missing");
	}

	@Test
	void emptyWeekIsValidAndSaysSo() throws IOException {
		try (PDDocument document = Loader.loadPDF(OUT.resolve("empty.pdf").toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			assertThat(new PDFTextStripper().getText(document)).contains("No pushes were lost in 2026-W46 or 2026-W45");
		}
		assertThat(ImageIO.read(OUT.resolve("empty.png").toFile())).isNotNull();
	}

	@Test
	void declaresPdfaAndEmbedsEveryFont() throws IOException {
		for (String name : List.of("typical", "empty")) {
			try (PDDocument document = Loader.loadPDF(OUT.resolve(name + ".pdf").toFile())) {
				PDMetadata metadata = document.getDocumentCatalog().getMetadata();
				assertThat(metadata).as(name + " XMP metadata").isNotNull();
				String xmp = new String(metadata.toByteArray(), StandardCharsets.UTF_8);
				assertThat(xmp).containsPattern("pdfaid:part(=\"|>)1").containsPattern("pdfaid:conformance(=\"|>)B");
				assertThat(document.getDocumentInformation().getTitle()).contains(SampleReports.JOB_NAME);
				assertThat(document.getDocumentCatalog().getCOSObject().containsKey(COSName.OUTPUT_INTENTS)).isTrue();
				List<PDFont> fonts = new ArrayList<>();
				for (PDPage page : document.getPages()) {
					collectFonts(page.getResources(), fonts, 0);
				}
				assertThat(fonts).as(name + " fonts").isNotEmpty().allSatisfy((font) -> {
					assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
					assertThat(font.getName()).containsAnyOf("DejaVu", "NotoSansSC");
				});
			}
		}
	}

	@Test
	void showsApiTextLiterallyNeverAsMarkup() throws IOException {
		assertThat(text("markup")).contains("<b>bold?</b> & <style isBold=\"true\">styled?</style>", "task-<i>x</i>");
	}

	@Test
	void isWiredFromPropertiesAndRejectsAMissingTemplatesFolder() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withUserConfiguration(PdfReportConfiguration.class, PdfReportWriter.class);
		runner.withPropertyValues("pushloss.report.templates-dir=" + TEMPLATES)
			.run((context) -> assertThat(context).hasSingleBean(PdfReportWriter.class));
		runner.withPropertyValues("pushloss.report.templates-dir=no-such-folder")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(PdfReportException.class)
				.hasMessageContaining("pushloss.report.templates-dir")
				.hasMessageContaining("no-such-folder"));
	}

	@Test
	void vendorChartPngIsReadable() throws IOException {
		BufferedImage chart = ImageIO.read(OUT.resolve("typical.png").toFile());
		assertThat(chart).isNotNull();
		assertThat(chart.getWidth()).isEqualTo(VendorChartPng.WIDTH);
		assertThat(chart.getHeight()).isBetween(300, 450);
	}

	@Test
	void rendersEveryPageAsPng() throws IOException {
		List<Path> pages = new PdfPageRenderer().renderPages(OUT.resolve("typical.pdf"), OUT, "typical");
		assertThat(pages).hasSizeGreaterThan(1);
		BufferedImage first = ImageIO.read(pages.get(0).toFile());
		assertThat(first.getWidth()).isBetween(900, 920);
	}

	private static void write(PdfReportWriter writer, WeeklyReport report, String name) {
		writer.write(report, OUT.resolve(name + ".pdf"), OUT.resolve(name + ".png"));
	}

	/** The first code's ErrInfo and the first task's ID replaced by text that looks like markup. */
	private static WeeklyReport withMarkupInApiText(WeeklyReport report) {
		List<CodeLoss> codes = new ArrayList<>(report.codes());
		int anomaly = codes.indexOf(report.anomalies().get(0));
		CodeLoss code = codes.get(anomaly);
		codes.set(anomaly, new CodeLoss(code.source(), code.vendor(), code.stage(), code.errCode(),
				"<b>bold?</b> & <style isBold=\"true\">styled?</style>", code.counts(), code.status(), code.baseline(),
				code.anomaly(), code.remediation()));
		List<TaskLoss> tasks = new ArrayList<>(report.tasks());
		TaskLoss task = tasks.get(0);
		tasks.set(0, new TaskLoss("task-<i>x</i>", task.stages(), task.topCodes()));
		return new WeeklyReport(report.header(), report.completeness(), report.totals(), report.vendors(), codes,
				report.topMovers(), tasks, report.eventTypes(), report.trend());
	}

	private static String text(String name) throws IOException {
		try (PDDocument document = Loader.loadPDF(OUT.resolve(name + ".pdf").toFile())) {
			return new PDFTextStripper().getText(document);
		}
	}

	/** Without any white space, so that wrapped lines compare equal. */
	private static String squeeze(String text) {
		return text.replaceAll("\\s+", "");
	}

	private static void collectFonts(PDResources resources, List<PDFont> fonts, int depth) throws IOException {
		if (resources == null || depth > 5) {
			return;
		}
		for (COSName name : resources.getFontNames()) {
			fonts.add(resources.getFont(name));
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (object instanceof PDFormXObject form) {
				collectFonts(form.getResources(), fonts, depth + 1);
			}
		}
	}

	@Test
	void aSymbolicLinkPlantedForTheFolderOrThePartialFileIsRefusedAndItsTargetUntouched(@TempDir Path temp)
			throws IOException {
		Path victim = Files.createDirectories(temp.resolve("victim"));
		Path folder = Files.createSymbolicLink(temp.resolve("week"), victim);
		PdfReportWriter writer = new PdfReportWriter(TEMPLATES);

		assertThatThrownBy(() -> writer.write(SampleReports.emptyWeek(), folder.resolve("r.pdf"),
				folder.resolve("r.png")))
			.hasStackTraceContaining(folder.toAbsolutePath().toString())
			.hasStackTraceContaining("symbolic link");
		try (java.util.stream.Stream<Path> files = Files.list(victim)) {
			assertThat(files).isEmpty();
		}

		Path real = Files.createDirectories(temp.resolve("real"));
		Path planted = Files.writeString(temp.resolve("planted.txt"), "keep");
		Files.createSymbolicLink(real.resolve("r.pdf.part"), planted);
		writer.write(SampleReports.emptyWeek(), real.resolve("r.pdf"), real.resolve("r.png"));
		assertThat(Files.readString(planted)).as("the link was removed, never written through").isEqualTo("keep");
		assertThat(real.resolve("r.pdf")).isRegularFile();
	}
}
