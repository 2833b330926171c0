package io.pushloss.report.pdf;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.GregorianCalendar;

import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReportsContext;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.classic.ClassicPdfProducer;
import net.sf.jasperreports.pdf.common.PdfDocumentWriter;
import net.sf.jasperreports.pdf.common.PdfProducer;
import net.sf.jasperreports.pdf.common.PdfProducerContext;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;

/**
 * Exports a filled report as a PDF/A-1b file with title, subject and language metadata and the sRGB output intent.
 * PDF/A-1b is the level OpenPDF checks while writing (it refuses a font that is not embedded or transparency).
 * The file is not tagged: the JasperReports 7 community edition has no PDF tagger (asking for one fails), and
 * level "b" does not require tags.
 * <p>
 * The creation date (document information and XMP) is the report's generation time, not the wall clock, so that a
 * report generated with a fixed clock carries the same date every time. OpenPDF still picks random font subset
 * prefixes and a random file identifier, so two exports of the same report are not byte-identical.
 */
final class PdfaExport {

	static final PdfaConformanceEnum CONFORMANCE = PdfaConformanceEnum.PDFA_1B;

	private PdfaExport() {
	}

	static void export(JasperReportsContext context, JasperPrint print, Path iccProfile, String title, String subject,
			Instant created, String language, OutputStream out) throws JRException {
		SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
		configuration.setPdfaConformance(CONFORMANCE);
		configuration.setIccProfilePath(iccProfile.toString());
		configuration.setTagLanguage(language);
		configuration.setMetadataTitle(title);
		configuration.setDisplayMetadataTitle(true);
		configuration.setMetadataSubject(subject);
		configuration.setMetadataAuthor("push-loss-report");
		configuration.setMetadataCreator("push-loss-report");
		configuration.setMetadataKeywords("push loss, Tencent Cloud Chat, weekly report");
		JRPdfExporter exporter = new DatedPdfExporter(context, created);
		exporter.setExporterInput(new SimpleExporterInput(print));
		exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
		exporter.setConfiguration(configuration);
		exporter.exportReport();
	}

	/** The standard exporter with a producer that dates the document. */
	private static final class DatedPdfExporter extends JRPdfExporter {

		private final Instant created;

		DatedPdfExporter(JasperReportsContext context, Instant created) {
			super(context);
			this.created = created;
		}

		@Override
		protected PdfProducer createPdfProducer() {
			return new DatedPdfProducer(createPdfProducerContext(), this.created);
		}

	}

	/**
	 * Replaces OpenPDF's "now" in the document information right after the writer exists: the exporter writes the
	 * XMP metadata later, from the same dictionary, so both carry the given date as PDF/A requires.
	 */
	private static final class DatedPdfProducer extends ClassicPdfProducer {

		private final Instant created;

		DatedPdfProducer(PdfProducerContext context, Instant created) {
			super(context);
			this.created = created;
		}

		@Override
		public PdfDocumentWriter createWriter(OutputStream out) throws JRException {
			PdfDocumentWriter writer = super.createWriter(out);
			Calendar calendar = GregorianCalendar.from(this.created.atZone(ZoneOffset.UTC));
			PdfDictionary info = getPdfWriter().getInfo();
			info.put(PdfName.CREATIONDATE, new PdfDate(calendar));
			if (info.contains(PdfName.MODDATE)) {
				info.put(PdfName.MODDATE, new PdfDate(calendar));
			}
			return writer;
		}

	}

}
