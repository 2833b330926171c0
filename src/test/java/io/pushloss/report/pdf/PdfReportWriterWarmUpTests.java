package io.pushloss.report.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.pushloss.analysis.SampleReports;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The warm-up compiles into the cache the writer uses and never throws. Each test uses its own operator folder with
 * one template in it (the others come from the packaged copies), so its cache keys are new whatever ran before.
 */
class PdfReportWriterWarmUpTests {

	private static final String OPERATOR_TEMPLATE = ReportTemplate.TASK_TABLE.fileName();

	@TempDir
	Path folder;

	@Test
	void warmUpCompilesEveryTemplateTheWriterUsesAndWritesNoFile() throws IOException {
		Files.copy(Path.of(ReportTemplates.FOLDER_NAME, OPERATOR_TEMPLATE), this.folder.resolve(OPERATOR_TEMPLATE));
		PdfReportWriter writer = new PdfReportWriter(this.folder);
		assertThat(writer.isWarm()).isFalse();

		assertThat(writer.warmUp()).isTrue();

		assertThat(writer.isWarm()).isTrue();
		assertThat(files(this.folder)).containsExactly(OPERATOR_TEMPLATE);
	}

	@Test
	void aBrokenOperatorTemplateMakesTheWarmUpLogOneLineAndTheReportFailAsUsual() throws IOException {
		Files.writeString(this.folder.resolve(OPERATOR_TEMPLATE), "<jasperReport name=\"broken\"");
		PdfReportWriter writer = new PdfReportWriter(this.folder);
		Logger logger = (Logger) LoggerFactory.getLogger(PdfReportWriter.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		logger.addAppender(appender);
		boolean warmed;
		try {
			warmed = writer.warmUp();
		}
		finally {
			logger.detachAppender(appender);
		}

		assertThat(warmed).isFalse();
		List<ILoggingEvent> warnings = appender.list.stream().filter((event) -> event.getLevel() == Level.WARN).toList();
		assertThat(warnings).singleElement().satisfies((event) -> {
			assertThat(event.getFormattedMessage()).contains("Could not warm up the PDF renderer", OPERATOR_TEMPLATE);
			assertThat(event.getThrowableProxy()).isNull();
		});
		ReportTemplates templates = ReportTemplates.in(this.folder, DefaultJasperReportsContext.getInstance());
		assertThat(templates.isCompiled(ReportTemplate.TASK_TABLE)).as("failed compile cached").isFalse();
		assertThat(writer.isWarm()).isFalse();
		Path out = this.folder.resolve("out");
		assertThatExceptionOfType(PdfReportException.class)
			.isThrownBy(() -> writer.write(SampleReports.emptyWeek(), out.resolve("report.pdf"), out.resolve("chart.png")))
			.withMessageContaining(OPERATOR_TEMPLATE)
			.withMessageContaining("does not compile");
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
