package io.pushloss.report.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.ReportText;
import io.pushloss.analysis.ReportTexts;
import io.pushloss.analysis.WeeklyReport;
import io.pushloss.report.RehearsalReport;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Writes the weekly report as a PDF/A document from the JRXML templates in {@code reports-templates/}, and the
 * document's vendor chart as a PNG for the e-mail.
 * <p>
 * Templates come from {@code pushloss.report.templates-dir} (default: {@code reports-templates/} in the working
 * directory if it exists, else the copies packaged in the jar) and are compiled once per process; {@link #warmUp()}
 * does that, and the rest of the first report's one-time work, ahead of the first report. The PDF is in the report's
 * language ({@code ReportHeader.locale()}: the {@code i18n/pdf} bundles and the shared vocabulary); a text with
 * characters that no embedded font can draw is written without them and reported ({@link UnrenderableText}).
 * <p>
 * Observed for {@code SampleReports.typicalWeek()} (9 vendors, 14 codes, 2 tasks, 5 pages) on a busy 2-core
 * machine: the first report of a process takes about 6 s (compiling the ten templates about 4 s, loading fonts
 * and chart classes most of the rest); later reports take 0.45 to 1.2 s to fill, export and render the PNG.
 */
@Component
public class PdfReportWriter {

	private static final Logger logger = LoggerFactory.getLogger(PdfReportWriter.class);

	private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();

	private final ReportTemplates templates;

	private final SrgbIccProfile iccProfile = new SrgbIccProfile();

	private final ReportTexts texts = ReportTexts.bundled();

	/** Loaded on first use (the warm-up or the first report): the CJK font file is about 10 MB. */
	private volatile GlyphCoverage glyphs;

	/** Uses the default template location. */
	public PdfReportWriter() {
		this((Path) null);
	}

	/** Uses {@code properties.templatesDir()}, or the default location when it is unset. */
	@Autowired
	public PdfReportWriter(PdfReportProperties properties) {
		this(properties.templatesDir());
	}

	/**
	 * @param templatesDir a folder of JRXML templates, or {@code null} for the default location
	 * @throws PdfReportException when the folder does not exist
	 */
	public PdfReportWriter(Path templatesDir) {
		this.templates = ReportTemplates.in(templatesDir, this.context);
		this.iccProfile.path();
		logger.debug("PDF templates from {}", (this.templates.folder() != null)
				? this.templates.folder().toAbsolutePath() + " (packaged copies for any missing)" : "the jar");
	}

	/**
	 * Writes the PDF and the vendor chart PNG, replacing existing files; parent folders are created. A text with
	 * characters that no embedded font can draw is still written (without them), logged as a warning naming the
	 * field, and returned.
	 * @param report the report
	 * @param pdfTarget the PDF file
	 * @param chartPngTarget the PNG file (about 800x400) for the e-mail's inline image
	 * @return the texts with characters the PDF cannot show, empty when it shows everything
	 * @throws PdfReportException when a template is invalid or a file cannot be written
	 */
	public List<UnrenderableText> write(WeeklyReport report, Path pdfTarget, Path chartPngTarget) {
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(pdfTarget, "pdfTarget");
		Objects.requireNonNull(chartPngTarget, "chartPngTarget");
		ReportHeader header = report.header();
		long start = System.nanoTime();
		List<UnrenderableText> unrenderable = ReportTextFields.unrenderable(report, text(report), glyphs());
		for (UnrenderableText text : unrenderable) {
			logger.warn("PDF of job '{}' for {}: {}", header.jobName(), header.week(), text.message());
		}
		try {
			JasperPrint print = fill(report);
			FileReplacement.write(pdfTarget, (out) -> export(report, print, out));
			VendorChartPng.write(this.context, print, noLossMessage(report), chartPngTarget);
			logger.info("Wrote PDF report {} ({} pages) in {} ms", pdfTarget, print.getPages().size(),
					(System.nanoTime() - start) / 1_000_000);
			return unrenderable;
		}
		catch (JRException | JRRuntimeException | IOException ex) {
			throw new PdfReportException("Could not write the PDF report of job '" + header.jobName() + "' for "
					+ header.week() + " to " + pdfTarget + ": " + ex.getMessage(), ex);
		}
	}

	/** Whether every template this writer uses is compiled (by a warm-up or an earlier report of this process). */
	public boolean isWarm() {
		return Arrays.stream(ReportTemplate.values()).allMatch(this.templates::isCompiled);
	}

	/**
	 * Does the one-time work of the first report ahead of it, meant for a background thread while the data is
	 * fetched: compiles every template into the cache {@link #write} uses (a {@code write} that needs a template
	 * whose compile is under way waits for it instead of compiling it again), then fills a tiny made-up report and
	 * exports it and its chart to no file, which loads the fill engine, charts, fonts and PDF/A exporter.
	 * <p>
	 * Never throws: a failure (for example an operator's template that does not compile) is logged in one line and
	 * not cached, and {@code write} meets and reports it as usual.
	 * @return whether the renderer is now warm; {@code false} after a failure
	 */
	public boolean warmUp() {
		long start = System.nanoTime();
		try {
			for (ReportTemplate template : ReportTemplate.values()) {
				this.templates.get(template);
			}
			glyphs();
			WeeklyReport rehearsal = RehearsalReport.create();
			JasperPrint print = fill(rehearsal);
			export(rehearsal, print, OutputStream.nullOutputStream());
			VendorChartPng.write(this.context, print, noLossMessage(rehearsal),
					OutputStream.nullOutputStream());
			logger.debug("Warmed up the PDF renderer in {} ms", (System.nanoTime() - start) / 1_000_000);
			return true;
		}
		catch (Exception | LinkageError ex) {
			// the render step reports the error in full if it is still there; here one line is enough
			logger.warn("Could not warm up the PDF renderer (the first report will compile the templates itself "
					+ "and report any error): {}", (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
			logger.debug("PDF renderer warm-up failure", ex);
			return false;
		}
	}

	private GlyphCoverage glyphs() {
		GlyphCoverage known = this.glyphs;
		if (known == null) {
			known = GlyphCoverage.ofReportFonts();
			this.glyphs = known;
		}
		return known;
	}

	private JasperPrint fill(WeeklyReport report) throws JRException {
		Map<String, Object> parameters = ReportParameters.of(report, text(report));
		for (ReportTemplate subreport : ReportTemplate.subreports()) {
			parameters.put(subreport.parameter(), this.templates.get(subreport));
		}
		return JasperFillManager.getInstance(this.context)
			.fill(this.templates.get(ReportTemplate.WEEKLY_REPORT), parameters, new JREmptyDataSource(1));
	}

	private void export(WeeklyReport report, JasperPrint print, OutputStream out) throws JRException {
		ReportHeader header = report.header();
		ReportText text = text(report);
		String title = text.get("pdf.document.title", header.displayName(), text.weekShort(header.week()))
				+ (report.partial() ? " (" + text.get("term.partial") + ")" : "");
		String subject = text.get("pdf.document.subject", String.valueOf(header.sdkAppId()),
				text.weekShort(header.week()), text.weekShort(header.previousWeek()));
		PdfaExport.export(this.context, print, this.iccProfile.path(), title, subject, header.generatedAt(),
				text.locale().toLanguageTag(), out);
	}

	private ReportText text(WeeklyReport report) {
		return this.texts.in(report.header().locale());
	}

	private String noLossMessage(WeeklyReport report) {
		ReportText text = text(report);
		return text.get("pdf.empty.title", text.weekShort(report.header().week()),
				text.weekShort(report.header().previousWeek()));
	}

}
