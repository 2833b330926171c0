package io.pushloss.report.pdf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import io.pushloss.analysis.ReportHeader;
import io.pushloss.analysis.WeeklyReport;
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
 * directory if it exists, else the copies packaged in the jar) and are compiled once per process.
 * <p>
 * Observed for {@code SampleReports.typicalWeek()} (9 vendors, 14 codes, 2 tasks, 5 pages) on a busy 2-core
 * machine: the first report of a process takes about 6 s (compiling the eight templates about 4 s, loading fonts
 * and chart classes most of the rest); later reports take 0.45 to 1.2 s to fill, export and render the PNG.
 */
@Component
public class PdfReportWriter {

	private static final Logger logger = LoggerFactory.getLogger(PdfReportWriter.class);

	private final JasperReportsContext context = DefaultJasperReportsContext.getInstance();

	private final ReportTemplates templates;

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
		SrgbIccProfile.path();
		logger.debug("PDF templates from {}", (this.templates.folder() != null)
				? this.templates.folder().toAbsolutePath() + " (packaged copies for any missing)" : "the jar");
	}

	/**
	 * Writes the PDF and the vendor chart PNG, replacing existing files; parent folders are created.
	 * @param report the report
	 * @param pdfTarget the PDF file
	 * @param chartPngTarget the PNG file (about 800x400) for the e-mail's inline image
	 * @throws PdfReportException when a template is invalid or a file cannot be written
	 */
	public void write(WeeklyReport report, Path pdfTarget, Path chartPngTarget) {
		Objects.requireNonNull(report, "report");
		Objects.requireNonNull(pdfTarget, "pdfTarget");
		Objects.requireNonNull(chartPngTarget, "chartPngTarget");
		ReportHeader header = report.header();
		long start = System.nanoTime();
		try {
			Map<String, Object> parameters = ReportParameters.of(report);
			for (ReportTemplate subreport : ReportTemplate.subreports()) {
				parameters.put(subreport.parameter(), this.templates.get(subreport));
			}
			JasperPrint print = JasperFillManager.getInstance(this.context)
				.fill(this.templates.get(ReportTemplate.WEEKLY_REPORT), parameters, new JREmptyDataSource(1));
			String title = "Push-loss weekly report " + header.jobName() + " " + header.week()
					+ (report.partial() ? " (PARTIAL)" : "");
			String subject = "Lost pushes of SDKAppID " + header.sdkAppId() + " in " + header.week() + " against "
					+ header.previousWeek();
			FileReplacement.write(pdfTarget,
					(out) -> PdfaExport.export(this.context, print, title, subject, header.generatedAt(), out));
			VendorChartPng.write(this.context, print,
					"No pushes were lost in " + header.week() + " or " + header.previousWeek() + ".", chartPngTarget);
			logger.info("Wrote PDF report {} ({} pages) in {} ms", pdfTarget, print.getPages().size(),
					(System.nanoTime() - start) / 1_000_000);
		}
		catch (JRException | JRRuntimeException | IOException ex) {
			throw new PdfReportException("Could not write the PDF report of job '" + header.jobName() + "' for "
					+ header.week() + " to " + pdfTarget + ": " + ex.getMessage(), ex);
		}
	}

}
