package io.pushloss.report.pdf;

import java.io.OutputStream;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Exports a filled report as a PDF/A-1b file with title, subject and language metadata and the sRGB output intent.
 * PDF/A-1b is the level OpenPDF checks while writing (it refuses a font that is not embedded or transparency).
 * The file is not tagged: the JasperReports 7 community edition has no PDF tagger (asking for one fails), and
 * level "b" does not require tags.
 */
final class PdfaExport {

	static final PdfaConformanceEnum CONFORMANCE = PdfaConformanceEnum.PDFA_1B;

	private PdfaExport() {
	}

	static void export(JasperReportsContext context, JasperPrint print, String title, String subject,
			OutputStream out) throws JRException {
		SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
		configuration.setPdfaConformance(CONFORMANCE);
		configuration.setIccProfilePath(SrgbIccProfile.path().toString());
		configuration.setTagLanguage("en");
		configuration.setMetadataTitle(title);
		configuration.setDisplayMetadataTitle(true);
		configuration.setMetadataSubject(subject);
		configuration.setMetadataAuthor("push-loss-report");
		configuration.setMetadataCreator("push-loss-report");
		configuration.setMetadataKeywords("push loss, Tencent Cloud Chat, weekly report");
		JRPdfExporter exporter = new JRPdfExporter(context);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		exporter.setConfiguration(configuration);
		exporter.exportReport();
	}

}
