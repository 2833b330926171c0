package io.pushloss.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JasperReportsContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the JRXML templates (an operator's folder first, then the copies packaged in the jar) and compiles each
 * once per process: compiling takes a second or two, filling a few hundred milliseconds.
 */
final class ReportTemplates {

	/** The conventional folder, relative to the working directory, and the packaged copies' classpath folder. */
	static final String FOLDER_NAME = "reports-templates";

	private static final Logger logger = LoggerFactory.getLogger(ReportTemplates.class);

	/**
	 * Compiled templates by location, with the version they were compiled from (a file's last-modified time), so an
	 * edited template is compiled again; a JasperReport is immutable and safe to fill from several threads. Owned by
	 * the writer, so by the application context: nothing outlives it.
	 */
	private final ConcurrentMap<String, Compiled> compiled = new ConcurrentHashMap<>();

	private final Path folder;

	private final JasperReportsContext context;

	private ReportTemplates(Path folder, JasperReportsContext context) {
		this.folder = folder;
		this.context = context;
	}

	/**
	 * @param configuredFolder {@code pushloss.report.templates-dir}, or {@code null} for the default
	 * @throws PdfReportException when a configured folder does not exist
	 */
	static ReportTemplates in(Path configuredFolder, JasperReportsContext context) {
		if (configuredFolder != null) {
			if (!Files.isDirectory(configuredFolder)) {
				throw new PdfReportException("pushloss.report.templates-dir '" + configuredFolder.toAbsolutePath()
						+ "' is not a folder; point it at a copy of " + FOLDER_NAME + "/ or leave it unset");
			}
			return new ReportTemplates(configuredFolder, context);
		}
		Path conventional = Path.of(FOLDER_NAME);
		return new ReportTemplates(Files.isDirectory(conventional) ? conventional : null, context);
	}

	/** The operator's folder, or {@code null} when only the packaged copies are used. */
	Path folder() {
		return this.folder;
	}

	/**
	 * The compiled template, compiling it on first use. A compile in progress in another thread (the warm-up) is
	 * waited for rather than repeated; a compile that failed is not kept, so the next call tries again and reports
	 * the error.
	 */
	JasperReport get(ReportTemplate template) {
		Location location = locate(template);
		return this.compiled.compute(location.key(), (key, known) -> (known != null
				&& known.version() == location.version()) ? known
						: new Compiled(location.version(), compile(key, location.source())))
			.report();
	}

	/** Whether the template, from where {@link #get} would take it now, is already compiled in its current version. */
	boolean isCompiled(ReportTemplate template) {
		Location location = locate(template);
		Compiled known = this.compiled.get(location.key());
		return known != null && known.version() == location.version();
	}

	/** The operator's copy if the folder has one, else the packaged copy. */
	private Location locate(ReportTemplate template) {
		Path file = (this.folder != null) ? this.folder.resolve(template.fileName()) : null;
		if (file != null && Files.isRegularFile(file)) {
			return new Location(file.toAbsolutePath().normalize().toString(), lastModified(file),
					() -> Files.newInputStream(file));
		}
		String resource = FOLDER_NAME + "/" + template.fileName();
		return new Location("classpath:" + resource, 0, () -> {
			InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource);
			if (in == null) {
				throw new PdfReportException("Template " + template.fileName() + " is neither in "
						+ describe(this.folder) + " nor packaged in the program (classpath " + resource + ")");
			}
			return in;
		});
	}

	private JasperReport compile(String location, TemplateSource source) {
		long start = System.nanoTime();
		try (InputStream in = source.open()) {
			JasperReport report = JasperCompileManager.getInstance(this.context).compile(in);
			logger.debug("Compiled PDF template {} in {} ms", location, (System.nanoTime() - start) / 1_000_000);
			return report;
		}
		catch (JRException | IOException ex) {
			throw new PdfReportException("PDF template " + location + " does not compile: " + ex.getMessage(), ex);
		}
	}

	private static String describe(Path folder) {
		return (folder != null) ? "folder " + folder.toAbsolutePath() : "no templates folder";
	}

	private static long lastModified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			return -1; // gone meanwhile: compiling it reports the error
		}
	}

	/**
	 * A template's cache key (its absolute path or classpath location), its version (a file's last-modified time,
	 * 0 for a packaged copy) and how to read it.
	 */
	private record Location(String key, long version, TemplateSource source) {
	}

	/** A compiled template and the version it was compiled from. */
	private record Compiled(long version, JasperReport report) {
	}

	@FunctionalInterface
	private interface TemplateSource {

		InputStream open() throws IOException;

	}

}
